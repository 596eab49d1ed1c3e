// Package tenant holds the tenants of an installation: one provider's portal each, found
// by the Host header of a request.
package tenant

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"
	"time"

	"pforte/internal/db"
)

// Modules a tenant can switch on. Later issues add their pages behind these switches.
var Modules = []string{"helpdesk", "knowledge", "downloads", "shop", "documents", "wallet", "fieldservice"}

// Tenant is one provider's portal.
type Tenant struct {
	ID              int64
	Name            string
	DefaultLanguage string
	Modules         []string
	IsDefault       bool
	Hosts           []string
	Features        []string // access rules switched on, see Features
	Brand           Branding // portal title, texts and logo version
	// Rules are the helpdesk rules as of loading the tenant. Pages show them from here
	// (a request's tenant may be seconds old, see server.tenants); whatever enforces
	// them reads GetTicketRules in its transaction.
	Rules TicketRules
	// PortalURL is the address links in mails point to (see Origin); empty until the
	// first staff sign-in or an admin sets it.
	PortalURL string
	// TimeZone is the IANA name of the zone pages show times and dates in (see
	// Location), Europe/Berlin unless an admin chose another.
	TimeZone string
	// ViaHost says the request's Host is one of the tenant's configured hostnames
	// rather than an unknown name that reached the single tenant by fallback.
	ViaHost bool
}

// Features a tenant can switch on for its portal's access rules.
var Features = []string{FeaturePasswordReset, FeatureWelcomeMail, FeatureRegistration, FeatureMainApproves}

// Feature names.
const (
	FeaturePasswordReset = "password_reset" // the login page offers "forgot password"
	FeatureWelcomeMail   = "welcome_mail"   // contacts staff add to a company get access and a welcome mail
	FeatureRegistration  = "registration"   // the login page offers self-registration
	FeatureMainApproves  = "main_approves"  // main contacts approve registrations of their domains
)

// FeatureStaffTwoFactor makes every staff member of the tenant sign in with two factors:
// one without TOTP is held at its setup until it is done. It is stored with the
// features but is not one of the portal's access rules (Features), so code that
// switches all of those on (the demo) does not lock staff into a setup.
const FeatureStaffTwoFactor = "staff_two_factor"

// Has reports whether the tenant has switched feature f on.
func (t Tenant) Has(f string) bool { return slices.Contains(t.Features, f) }

// HasModule reports whether the tenant has switched module m on.
func (t Tenant) HasModule(m string) bool { return slices.Contains(t.Modules, m) }

// Create stores a new tenant. The first tenant of an installation becomes the default.
func Create(ctx context.Context, q db.Querier, name, lang string, modules []string, now time.Time) (Tenant, error) {
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM tenants`).Scan(&n); err != nil {
		return Tenant{}, fmt.Errorf("tenant: count: %w", err)
	}
	t := Tenant{Name: name, DefaultLanguage: lang, Modules: modules, IsDefault: n == 0, TimeZone: DefaultTimeZone}
	id, err := db.Insert(ctx, q, `INSERT INTO tenants (name, default_language, modules, is_default, time_zone, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, name, lang, strings.Join(modules, ","), t.IsDefault, t.TimeZone, now.Unix())
	if err != nil {
		return Tenant{}, fmt.Errorf("tenant: create: %w", err)
	}
	t.ID = id
	return t, runCreated(ctx, q, id)
}

// ErrDefaultExists means another process created the default tenant first.
var ErrDefaultExists = errors.New("tenant: the default tenant exists")

// CreateDefault creates the installation's default tenant. The unique index on
// is_default makes this safe when several instances start at once: one insert wins, the
// others get ErrDefaultExists and read the winner (outside their failed transaction).
func CreateDefault(ctx context.Context, q db.Querier, name, lang string, modules []string, now time.Time) (Tenant, error) {
	id, err := db.Insert(ctx, q, `INSERT INTO tenants (name, default_language, modules, is_default, time_zone, created_at)
		VALUES (?, ?, ?, TRUE, ?, ?)`, name, lang, strings.Join(modules, ","), DefaultTimeZone, now.Unix())
	if db.IsUnique(err) {
		return Tenant{}, ErrDefaultExists
	}
	if err != nil {
		return Tenant{}, fmt.Errorf("tenant: create default: %w", err)
	}
	return Tenant{ID: id, Name: name, DefaultLanguage: lang, Modules: modules, IsDefault: true, TimeZone: DefaultTimeZone},
		runCreated(ctx, q, id)
}

const columns = `id, name, default_language, modules, is_default, features,
	brand_title, brand_welcome, brand_chooser, logo_version, ticket_reopen, upload_limit_mb, ticket_ratings, ticket_time_billable, ticket_time_portal, portal_url, time_zone,
	support_phone, support_email, support_hours`

func scan(row interface{ Scan(...any) error }) (Tenant, error) {
	var t Tenant
	var mods, feats string
	if err := row.Scan(&t.ID, &t.Name, &t.DefaultLanguage, &mods, &t.IsDefault, &feats,
		&t.Brand.Title, &t.Brand.Welcome, &t.Brand.Chooser, &t.Brand.LogoVersion, &t.Rules.Reopen, &t.Rules.UploadLimitMB, &t.Rules.Ratings, &t.Rules.TimeBillable, &t.Rules.TimePortal, &t.PortalURL, &t.TimeZone,
		&t.Brand.Support.Phone, &t.Brand.Support.Email, &t.Brand.Support.Hours); err != nil {
		return t, db.One(err)
	}
	if mods != "" {
		t.Modules = strings.Split(mods, ",")
	}
	if feats != "" {
		t.Features = strings.Split(feats, ",")
	}
	return t, nil
}

// Get loads a tenant by id.
func Get(ctx context.Context, q db.Querier, id int64) (Tenant, error) {
	t, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM tenants WHERE id = ?`, id))
	return withTexts(ctx, q, t, err)
}

// Default loads the default tenant, or ErrNotFound on an empty installation.
func Default(ctx context.Context, q db.Querier) (Tenant, error) {
	t, err := scan(q.QueryRow(ctx, `SELECT `+columns+` FROM tenants WHERE is_default`))
	return withTexts(ctx, q, t, err)
}

// ForHost finds the tenant serving host (port ignored, case-insensitive). An unknown host
// falls back to the default tenant only while the installation has a single tenant, so
// a multi-tenant install never shows one provider's portal under another's name.
func ForHost(ctx context.Context, q db.Querier, host string) (Tenant, error) {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	t, err := scan(q.QueryRow(ctx, `SELECT t.id, t.name, t.default_language, t.modules, t.is_default, t.features,
		t.brand_title, t.brand_welcome, t.brand_chooser, t.logo_version, t.ticket_reopen, t.upload_limit_mb, t.ticket_ratings, t.ticket_time_billable, t.ticket_time_portal, t.portal_url, t.time_zone,
		t.support_phone, t.support_email, t.support_hours
		FROM tenant_hosts h JOIN tenants t ON t.id = h.tenant_id WHERE h.hostname = ?`, host))
	if !errors.Is(err, db.ErrNotFound) {
		t.ViaHost = err == nil
		return withTexts(ctx, q, t, err)
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM tenants`).Scan(&n); err != nil {
		return t, fmt.Errorf("tenant: count: %w", err)
	}
	if n != 1 {
		return t, db.ErrNotFound
	}
	return Default(ctx, q)
}

// AddHost lets the tenant answer on hostname.
func AddHost(ctx context.Context, q db.Querier, tenantID int64, hostname string) error {
	_, err := q.Exec(ctx, `INSERT INTO tenant_hosts (hostname, tenant_id) VALUES (?, ?)`,
		strings.ToLower(hostname), tenantID)
	if err != nil {
		return fmt.Errorf("tenant: add host: %w", err)
	}
	return nil
}

// SetModules stores which modules the tenant uses; unknown names are dropped.
func SetModules(ctx context.Context, q db.Querier, id int64, mods []string) error {
	_, err := q.Exec(ctx, `UPDATE tenants SET modules = ? WHERE id = ?`, known(Modules, mods), id)
	return err
}

// SetFeatures stores which access rules the tenant uses (and FeatureStaffTwoFactor);
// unknown names are dropped.
func SetFeatures(ctx context.Context, q db.Querier, id int64, feats []string) error {
	all := append(slices.Clone(Features), FeatureStaffTwoFactor)
	_, err := q.Exec(ctx, `UPDATE tenants SET features = ? WHERE id = ?`, known(all, feats), id)
	return err
}

// known stores the names of want that are in all, in all's order, comma-separated.
func known(all, want []string) string {
	var keep []string
	for _, n := range all {
		if slices.Contains(want, n) {
			keep = append(keep, n)
		}
	}
	return strings.Join(keep, ",")
}

// SetDefaultLanguage changes the language used when a visitor states none.
func SetDefaultLanguage(ctx context.Context, q db.Querier, id int64, lang string) error {
	_, err := q.Exec(ctx, `UPDATE tenants SET default_language = ? WHERE id = ?`, lang, id)
	return err
}
