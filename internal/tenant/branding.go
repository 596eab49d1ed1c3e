package tenant

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"pforte/internal/db"
)

// Branding is how a tenant's portal presents itself: the title in the header, a
// welcome text on the login page, the heading of the company chooser, and a logo.
type Branding struct {
	Title   string // empty: the tenant's name
	Welcome string // shown above the login form; may be empty
	Chooser string // heading of the company chooser; empty: the default text
	// Texts are the title, welcome text, chooser heading and support hours in other
	// languages, by language code (branding_texts.go); a language without them shows
	// the main ones.
	Texts       map[string]BrandText
	LogoVersion int64 // 0: no logo; grows with every upload, so logo URLs can be cached
	// Support is how customers reach support besides the portal (home page).
	Support SupportContact
}

// SupportContact is the provider's phone, mail address and hours for customers; each
// may be empty, and the portal shows only what is set.
type SupportContact struct {
	Phone, Email string
	Hours        string // several lines, e.g. "Mo–Fr 8–17 Uhr"
}

// Any reports whether anything of the support contact is set.
func (s SupportContact) Any() bool { return s.Phone != "" || s.Email != "" || s.Hours != "" }

// TelURL is the phone number as a tel: address (digits and a leading +), "" without
// a number. The German "+49 (0)711 …" writes a trunk 0 that is not dialled from abroad
// and not after the country code, so "(0)" after a + is left out.
func (s SupportContact) TelURL() string {
	phone := s.Phone
	if strings.HasPrefix(strings.TrimSpace(phone), "+") {
		phone = strings.ReplaceAll(strings.ReplaceAll(phone, "(0)", ""), "( 0 )", "")
	}
	var b strings.Builder
	for i, c := range strings.TrimSpace(phone) {
		if c >= '0' && c <= '9' || c == '+' && i == 0 {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "tel:" + b.String()
}

// Limits of the branding settings.
const (
	MaxBrandTitle   = 100
	MaxBrandWelcome = 1000
	MaxBrandChooser = 200
	MaxSupportHours = 300
	MaxLogoBytes    = 512 << 10
)

// LogoTypes are the image types a logo may have, as http.DetectContentType names them.
// Raster images only: an SVG can carry script and is refused.
var LogoTypes = []string{"image/png", "image/jpeg", "image/webp", "image/gif"}

// LogoType sniffs the content type of an uploaded logo and reports whether it is one
// of LogoTypes. The file name and the browser's claimed type are ignored on purpose.
func LogoType(data []byte) (string, bool) {
	ct := http.DetectContentType(data)
	return ct, slices.Contains(LogoTypes, ct)
}

// PortalTitle is the title the portal shows: the branding title or the tenant's name.
func (t Tenant) PortalTitle() string {
	if t.Brand.Title != "" {
		return t.Brand.Title
	}
	return t.Name
}

// LogoURL is the public address of the tenant's logo, or "" without one. The version in
// the query lets browsers keep the image for a long time and still see a new one.
func (t Tenant) LogoURL() string {
	if t.Brand.LogoVersion == 0 {
		return ""
	}
	return "/brand/logo?v=" + strconv.FormatInt(t.Brand.LogoVersion, 10)
}

// SetBranding stores the texts of the branding, those per language too (already
// validated).
func SetBranding(ctx context.Context, q db.Querier, id int64, b Branding) error {
	_, err := q.Exec(ctx, `UPDATE tenants SET brand_title = ?, brand_welcome = ?, brand_chooser = ?, support_phone = ?,
		support_email = ?, support_hours = ? WHERE id = ?`,
		b.Title, b.Welcome, b.Chooser, b.Support.Phone, b.Support.Email, b.Support.Hours, id)
	if err != nil {
		return fmt.Errorf("tenant: set branding: %w", err)
	}
	return setTexts(ctx, q, id, b.Texts)
}

// SetLogo stores a new logo (type already checked) and moves the logo version on.
func SetLogo(ctx context.Context, q db.Querier, id int64, contentType string, data []byte, now time.Time) error {
	// An upsert, so two admins uploading at once both succeed (the later one wins).
	if _, err := q.Exec(ctx, `INSERT INTO tenant_logos (tenant_id, content_type, data, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (tenant_id) DO UPDATE SET content_type = excluded.content_type, data = excluded.data,
		updated_at = excluded.updated_at`, id, contentType, data, now.Unix()); err != nil {
		return fmt.Errorf("tenant: store logo: %w", err)
	}
	// The clock in nanoseconds (and never backwards) keeps versions unique even across a
	// removal, so a browser never shows an old logo cached under a reused version.
	v := now.UnixNano()
	if _, err := q.Exec(ctx, `UPDATE tenants SET logo_version = CASE WHEN logo_version < ? THEN ? ELSE logo_version + 1 END
		WHERE id = ?`, v, v, id); err != nil {
		return fmt.Errorf("tenant: logo version: %w", err)
	}
	return nil
}

// RemoveLogo deletes the tenant's logo.
func RemoveLogo(ctx context.Context, q db.Querier, id int64) error {
	if _, err := q.Exec(ctx, `DELETE FROM tenant_logos WHERE tenant_id = ?`, id); err != nil {
		return fmt.Errorf("tenant: remove logo: %w", err)
	}
	if _, err := q.Exec(ctx, `UPDATE tenants SET logo_version = 0 WHERE id = ?`, id); err != nil {
		return fmt.Errorf("tenant: logo version: %w", err)
	}
	return nil
}

// Logo loads the tenant's logo with its current version, or db.ErrNotFound.
func Logo(ctx context.Context, q db.Querier, id int64) (contentType string, data []byte, version int64, err error) {
	err = db.One(q.QueryRow(ctx, `SELECT l.content_type, l.data, t.logo_version
		FROM tenant_logos l JOIN tenants t ON t.id = l.tenant_id WHERE l.tenant_id = ?`, id).
		Scan(&contentType, &data, &version))
	return contentType, data, version, err
}
