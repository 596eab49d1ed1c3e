package admin

import (
	"net/http"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// brandingSave checks and stores the branding with its audit entry. A logo must be a
// PNG, JPEG, WebP or GIF by its content (not its name) and at most 512 KB; on any
// problem the texts stay as typed and the message stands beside its field.
func (a *Admin) brandingSave(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	u := parseBrandingForm(w, r)
	b := tenant.Branding{Title: u.Get("title"), Welcome: strings.TrimSpace(strings.ReplaceAll(u.Raw("welcome"), "\r\n", "\n")),
		Chooser: u.Get("chooser"), Support: tenant.SupportContact{Phone: u.Get("support_phone"),
			Email: strings.ToLower(u.Get("support_email")),
			Hours: strings.TrimSpace(strings.ReplaceAll(u.Raw("support_hours"), "\r\n", "\n"))}}
	var logoType string
	if u.Err == "" {
		u.Errors.MaxLen("title", b.Title, tenant.MaxBrandTitle)
		u.Errors.MaxLen("welcome", b.Welcome, tenant.MaxBrandWelcome)
		u.Errors.MaxLen("chooser", b.Chooser, tenant.MaxBrandChooser)
		u.Errors.Phone("support_phone", b.Support.Phone)
		u.Errors.Email("support_email", b.Support.Email)
		u.Errors.MaxLen("support_email", b.Support.Email, validate.MaxEmail)
		u.Errors.MaxLen("support_hours", b.Support.Hours, tenant.MaxSupportHours)
		b.Texts = readBrandTexts(&u.Form)
		if u.LogoChosen {
			var ok bool
			logoType, ok = tenant.LogoType(u.Logo)
			switch {
			case len(u.Logo) > tenant.MaxLogoBytes:
				u.Errors.Add("logo", "branding.logo_too_large", map[string]any{"Max": tenant.MaxLogoBytes >> 10})
			case len(u.Logo) == 0 || !ok:
				u.Errors.Add("logo", "branding.logo_type", nil)
			}
		}
	}
	if !u.Invalid() {
		err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
			id := v.P.TenantID
			if err := tenant.SetBranding(ctx, tx, id, b); err != nil {
				return err
			}
			what := "texts" // the audit log's wording knows these entries (audit_render)
			if u.LogoChosen {
				if err := tenant.SetLogo(ctx, tx, id, logoType, u.Logo, a.env.Now()); err != nil {
					return err
				}
				what += ", new logo (" + logoType + ")"
			}
			by := v.actor(r, a.env)
			return audit.Log(ctx, tx, id, by.Label, audit.BrandingChanged, what, by.IP, a.env.Now())
		})
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		a.env.ForgetTenants()
		a.env.Flash(w, r, "branding.saved", "/admin/settings/branding")
		return
	}
	t, err := tenant.Get(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusUnprocessableEntity, brandingPage(v.chrome(r, "branding.title"), u.Form, t))
}
