// Package contact holds customer contacts and their memberships in companies.
package contact

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Contact is a person at one or more customer companies.
type Contact struct {
	ID            int64
	TenantID      int64
	FirstName     string
	LastName      string
	Email         string
	Phone         string
	Language      string // "" means: follow the browser / tenant default
	ExternalID    string
	PasswordHash  string
	LastCompanyID int64
}

// Name is the display name.
func (c Contact) Name() string { return strings.TrimSpace(c.FirstName + " " + c.LastName) }

// Normalize trims input, puts the name on one line (it greets the contact in mails)
// and lower-cases the email.
func (c *Contact) Normalize() {
	for _, p := range []*string{&c.FirstName, &c.LastName, &c.Phone, &c.ExternalID, &c.Language} {
		*p = strings.TrimSpace(*p)
	}
	c.FirstName, c.LastName = validate.OneLine(c.FirstName), validate.OneLine(c.LastName)
	c.Email = strings.ToLower(strings.TrimSpace(c.Email))
}

// MaxName is the longest first or last name, in characters (the forms' maxlength).
const MaxName = 100

// Validate checks what staff type in; languages is the list of supported languages.
func (c Contact) Validate(languages []string) validate.Errors {
	e := validate.Errors{}
	e.MaxLen("first_name", c.FirstName, MaxName)
	e.Text("last_name", c.LastName, true, MaxName)
	e.MaxLen("email", c.Email, validate.MaxEmail)
	e.Email("email", c.Email)
	e.Phone("phone", c.Phone)
	e.MaxLen("external_id", c.ExternalID, 100)
	if c.Language != "" && !contains(languages, c.Language) {
		e.Add("language", "error.choice", nil)
	}
	return e
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (c Contact) search() string {
	return strings.ToLower(strings.Join([]string{c.FirstName, c.LastName, c.Email, c.Phone, c.ExternalID}, " "))
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// uniqueErr turns a unique violation into a field error on the field that clashed.
func uniqueErr(err error) error {
	if !db.IsUnique(err) {
		return err
	}
	if strings.Contains(err.Error(), "external") {
		return validate.Errors{"external_id": {ID: "error.taken"}}
	}
	return validate.Errors{"email": {ID: "error.taken"}}
}

// Create validates and stores a contact.
func Create(ctx context.Context, q db.Querier, c Contact, languages []string, now time.Time) (Contact, error) {
	c.Normalize()
	if e := c.Validate(languages); e.Any() {
		return c, e
	}
	id, err := db.Insert(ctx, q, `INSERT INTO contacts (tenant_id, first_name, last_name, email, phone, language,
		external_id, password_hash, search, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.TenantID, c.FirstName, c.LastName, c.Email, c.Phone, c.Language, nullable(c.ExternalID),
		c.PasswordHash, c.search(), now.Unix(), now.Unix())
	if err != nil {
		return c, fmt.Errorf("contact: create: %w", uniqueErr(err))
	}
	c.ID = id
	return c, nil
}

// ErrChanged: the contact's address is no longer the one the change was based on
// (someone changed it, or the contact was erased, meanwhile); nothing was saved.
var ErrChanged = errors.New("contact: changed meanwhile")

// Update validates and saves the fields staff edit, provided the stored address is
// still was, the one read before: a change that raced another one (or an erasure)
// must not write the old address back. ErrChanged when it is not.
func Update(ctx context.Context, q db.Querier, c Contact, was string, languages []string, now time.Time) error {
	c.Normalize()
	if e := c.Validate(languages); e.Any() {
		return e
	}
	res, err := q.Exec(ctx, `UPDATE contacts SET first_name = ?, last_name = ?, email = ?, phone = ?, language = ?,
		external_id = ?, search = ?, updated_at = ? WHERE tenant_id = ? AND id = ? AND email = ?`, c.FirstName, c.LastName,
		c.Email, c.Phone, c.Language, nullable(c.ExternalID), c.search(), now.Unix(), c.TenantID, c.ID, was)
	if err != nil {
		return fmt.Errorf("contact: update: %w", uniqueErr(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrChanged
	}
	return nil
}

// SetPassword stores a new password hash.
func SetPassword(ctx context.Context, q db.Querier, tenantID, id int64, hash string, now time.Time) error {
	_, err := q.Exec(ctx, `UPDATE contacts SET password_hash = ?, updated_at = ? WHERE tenant_id = ? AND id = ?`,
		hash, now.Unix(), tenantID, id)
	return err
}

// SetLanguage stores the contact's language choice.
func SetLanguage(ctx context.Context, q db.Querier, tenantID, id int64, lang string) error {
	_, err := q.Exec(ctx, `UPDATE contacts SET language = ? WHERE tenant_id = ? AND id = ?`, lang, tenantID, id)
	return err
}

// SetLastCompany remembers the company chosen last, to start there next time.
func SetLastCompany(ctx context.Context, q db.Querier, tenantID, id, companyID int64) error {
	_, err := q.Exec(ctx, `UPDATE contacts SET last_company_id = ? WHERE tenant_id = ? AND id = ?`, companyID, tenantID, id)
	return err
}
