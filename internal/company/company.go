// Package company holds the tenant's customer companies.
package company

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Company is a customer organisation of a tenant.
type Company struct {
	ID             int64
	TenantID       int64
	Name           string
	CustomerNumber string
	EmailDomains   string // comma separated, e.g. "acme.de, acme.com"
	Street         string
	PostalCode     string
	City           string
	Country        string
	ExternalID     string // id in the provider's ERP; unique per tenant when set
	// ArchivedAt is when staff archived the company (zero: it is not): its contacts
	// cannot use the portal for it and nothing new is filed under it (archive.go).
	ArchivedAt time.Time
}

// Archived reports whether staff archived the company.
func (c Company) Archived() bool { return !c.ArchivedAt.IsZero() }

// Domains returns the email domains as a clean list without duplicates, a domain with
// umlauts in punycode (the form mail addresses arrive in).
func (c Company) Domains() []string {
	var out []string
	for _, d := range strings.Split(c.EmailDomains, ",") {
		d = validate.ASCIIDomain(strings.TrimPrefix(strings.TrimSpace(d), "@"))
		if d != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// WithoutWWW drops a leading "www." from each domain of a comma-separated list as staff
// typed it (copied from the company's website): a www host never receives mail, so the
// domain would match nobody. Only the form staff fill in uses it, not Normalize: a
// domain taken from a real sender's address stays as it came, and so do stored lists.
// kept are the company's stored domains (Domains): one of them sent back unchanged
// with the edit form stays, or renaming the company would quietly drop the "www." of a
// domain a real sender's mail added (and stop matching that sender). A name that would
// be left without a dot ("www.de") is kept for Validate to judge.
func WithoutWWW(list string, kept []string) string {
	parts := strings.Split(list, ",")
	for i, d := range parts {
		d = strings.TrimSpace(d)
		stored := slices.Contains(kept, validate.ASCIIDomain(strings.TrimPrefix(d, "@")))
		if rest, ok := cutWWW(d); ok && !stored && strings.Contains(rest, ".") {
			d = rest
		}
		parts[i] = d
	}
	return strings.Join(parts, ", ")
}

// cutWWW removes "www." in any case, after an optional "@" (the form accepts "@acme.de").
func cutWWW(d string) (string, bool) {
	d = strings.TrimPrefix(d, "@")
	if len(d) > 4 && strings.EqualFold(d[:4], "www.") {
		return d[4:], true
	}
	return d, false
}

// Normalize trims input, drops control characters (a pasted name with \x01 would be
// stored invisibly otherwise) and tidies the domain list.
func (c *Company) Normalize() {
	for _, p := range []*string{&c.Name, &c.CustomerNumber, &c.Street, &c.PostalCode, &c.City, &c.Country, &c.ExternalID,
		&c.EmailDomains} {
		*p = validate.Line(*p)
	}
	c.EmailDomains = strings.Join(c.Domains(), ", ")
}

// Validate checks the fields staff type in.
func (c Company) Validate() validate.Errors {
	e := validate.Errors{}
	e.Text("name", c.Name, true, 200)
	e.MaxLen("customer_number", c.CustomerNumber, 50)
	e.MaxLen("email_domains", c.EmailDomains, 500)
	var bad, public []string
	for _, d := range c.Domains() {
		switch {
		case !validate.IsDomain(d):
			bad = append(bad, d)
		case validate.PublicMailDomain(d):
			// Anyone can have an address there: the domain would make every stranger
			// writing from it this company's contact, and its main contacts the judges
			// of every such registration.
			public = append(public, d)
		}
	}
	switch { // name every bad one, not only the first
	case len(bad) > 0:
		e.Add("email_domains", "error.domain", map[string]any{"Domain": strings.Join(bad, ", ")})
	case len(public) > 0:
		e.Add("email_domains", "error.domain_public", map[string]any{"Domain": strings.Join(public, ", ")})
	}
	e.MaxLen("street", c.Street, 200)
	e.MaxLen("postal_code", c.PostalCode, 20)
	e.MaxLen("city", c.City, 100)
	e.MaxLen("country", c.Country, 100)
	e.MaxLen("external_id", c.ExternalID, 100)
	return e
}

// search is the text a search looks through (see List), with its spellings without
// umlauts and without accents (db.WithFolded), so "muller" and "mueller" find "Müller".
func (c Company) search() string {
	return db.WithFolded(strings.ToLower(strings.Join([]string{c.Name, c.CustomerNumber, c.EmailDomains, c.City, c.ExternalID}, " ")))
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// check validates c and that its email domains belong to no other company (mail from a
// domain must lead to exactly one company), and that its customer number and external id
// are free — all in one go, so staff see every problem of the form at once instead of
// one per attempt. The unique indexes stay the last word (uniqueErr) for a race.
func check(ctx context.Context, q db.Querier, c Company) error {
	e := c.Validate()
	for field, v := range map[string]string{"customer_number": c.CustomerNumber, "external_id": c.ExternalID} {
		if _, bad := e[field]; bad || v == "" {
			continue
		}
		var other string
		err := db.One(q.QueryRow(ctx, `SELECT name FROM companies WHERE tenant_id = ? AND `+field+` = ? AND id <> ?`,
			c.TenantID, v, c.ID).Scan(&other))
		if err == nil { // named, as a taken domain is: staff then know which record to check
			e.Add(field, "staff_walk.company_value_taken", map[string]any{"Company": other})
		} else if !errors.Is(err, db.ErrNotFound) {
			return fmt.Errorf("company: unique %s: %w", field, err)
		}
	}
	if _, bad := e["email_domains"]; !bad {
		for _, d := range c.Domains() {
			other, err := ByDomain(ctx, q, c.TenantID, d)
			if err == nil && other.ID != c.ID {
				e.Add("email_domains", "error.domain_taken", map[string]any{"Domain": d, "Company": other.Name})
			} else if err != nil && err != db.ErrNotFound {
				return err
			}
		}
	}
	if e.Any() {
		return e
	}
	return nil
}

// uniqueErr names the field whose unique index refused the row.
func uniqueErr(err error) error {
	if strings.Contains(err.Error(), "customer_number") || strings.Contains(err.Error(), "companies_number") {
		return validate.Errors{"customer_number": {ID: "error.taken"}}
	}
	return validate.Errors{"external_id": {ID: "error.taken"}}
}

// Create validates and stores a company.
func Create(ctx context.Context, q db.Querier, c Company, now time.Time) (Company, error) {
	c.Normalize()
	if err := check(ctx, q, c); err != nil {
		return c, err
	}
	id, err := db.Insert(ctx, q, `INSERT INTO companies (tenant_id, name, customer_number, email_domains, street,
		postal_code, city, country, external_id, search, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.TenantID, c.Name, c.CustomerNumber, c.EmailDomains,
		c.Street, c.PostalCode, c.City, c.Country, nullable(c.ExternalID), c.search(), now.Unix(), now.Unix())
	if db.IsUnique(err) {
		return c, uniqueErr(err)
	}
	if err != nil {
		return c, fmt.Errorf("company: create: %w", err)
	}
	c.ID = id
	return c, nil
}

// Update validates and saves a company of the tenant.
func Update(ctx context.Context, q db.Querier, c Company, now time.Time) error {
	c.Normalize()
	if err := check(ctx, q, c); err != nil {
		return err
	}
	res, err := q.Exec(ctx, `UPDATE companies SET name = ?, customer_number = ?, email_domains = ?, street = ?,
		postal_code = ?, city = ?, country = ?, external_id = ?, search = ?, updated_at = ?
		WHERE tenant_id = ? AND id = ?`, c.Name, c.CustomerNumber, c.EmailDomains, c.Street, c.PostalCode,
		c.City, c.Country, nullable(c.ExternalID), c.search(), now.Unix(), c.TenantID, c.ID)
	if db.IsUnique(err) {
		return uniqueErr(err)
	}
	if err != nil {
		return fmt.Errorf("company: update: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}
