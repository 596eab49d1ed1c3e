package admin

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// settingsSave stores name, default language, modules, hostnames, the portal address
// for mail links and the time zone together with the audit entry, then drops the cached
// tenants so the change shows on the next request.
func (a *Admin) settingsSave(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	f := web.ParseForm(w, r)
	var hosts []string
	if f.Err == "" {
		f.Errors.Text("name", f.Get("name"), true, 100)
		if !i18n.Supported(f.Get("language")) {
			f.Errors.Add("language", "error.choice", nil)
		}
		for _, m := range f.Values["modules"] {
			if !tenant.ModuleAvailable(m) { // the page offers no other
				f.Errors.Add("modules", "error.choice", nil)
			}
		}
		if f.Errors["modules"].ID == "" {
			settingsModulesOff(ctx, &f)
		}
		if u := f.Get("portal_url"); u != "" {
			if n, ok := typedPortalURL(u); ok {
				f.Set("portal_url", n)
			} else {
				f.Errors.Add("portal_url", "admin.settings.portal_url_invalid", nil)
			}
		}
		if err := a.settingsZone(ctx, &f, v.P.TenantID); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		var err error
		if hosts, err = a.settingsHosts(ctx, r, &f, v.P.TenantID); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if !f.Invalid() {
		err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
			id := v.P.TenantID
			if err := tenant.SetName(ctx, tx, id, f.Get("name")); err != nil {
				return err
			}
			if err := tenant.SetDefaultLanguage(ctx, tx, id, f.Get("language")); err != nil {
				return err
			}
			mods, err := settingsKeptModules(ctx, tx, id, f.Values["modules"])
			if err != nil {
				return err
			}
			if err := tenant.SetModules(ctx, tx, id, mods); err != nil {
				return err
			}
			if err := logStaffPolicy(ctx, tx, id, f.Values["features"], v.actor(r, a.env), a.env.Now()); err != nil {
				return err
			}
			if err := tenant.SetFeatures(ctx, tx, id, f.Values["features"]); err != nil {
				return err
			}
			if err := tenant.SetHosts(ctx, tx, id, hosts); err != nil {
				return err
			}
			if err := tenant.SetPortalURL(ctx, tx, id, f.Get("portal_url")); err != nil {
				return err
			}
			if err := tenant.SetTimeZone(ctx, tx, id, f.Get("time_zone")); err != nil {
				return err
			}
			by := v.actor(r, a.env)
			return audit.Log(ctx, tx, id, by.Label, audit.SettingsChanged, f.Get("name"), by.IP, a.env.Now())
		})
		var taken *tenant.HostTakenError
		if errors.As(err, &taken) {
			f.Errors.Add("hosts", "admin.settings.host_taken", map[string]any{"Host": taken.Host})
		} else if err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, settingsPage(v.chrome(r, "admin.settings.title"), f, a.env.Now()))
		return
	}
	a.env.ForgetTenants()
	msg, to, err := a.afterSettingsSaved(r, v, f)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, msg, to)
}

// settingsZone checks the time zone field and records a problem on the form. A client
// that predates the field (a script posting the form) keeps the zone as it is; a
// browser always sends the select's value.
func (a *Admin) settingsZone(ctx context.Context, f *web.Form, tenantID int64) error {
	if _, sent := f.Values["time_zone"]; !sent {
		t, err := tenant.Get(ctx, a.env.DB, tenantID)
		if err != nil {
			return err
		}
		f.Set("time_zone", t.TimeZone)
	}
	if z, ok := tenant.NormalTimeZone(f.Get("time_zone")); ok {
		f.Set("time_zone", z)
	} else {
		f.Errors.Add("time_zone", "timezone.invalid", map[string]any{"Zone": f.Get("time_zone")})
	}
	return nil
}

// settingsHosts reads the hostnames field, one per line, and records the first problem
// on the form: an invalid name, or dropping the hostname this very request came in on,
// which would lock the admin out of the back office they are using.
func (a *Admin) settingsHosts(ctx context.Context, r *http.Request, f *web.Form, tenantID int64) ([]string, error) {
	var hosts []string
	for _, line := range strings.Split(f.Raw("hosts"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		h, ok := tenant.NormalHost(line)
		if !ok {
			f.Errors.Add("hosts", "admin.settings.host_invalid", map[string]any{"Host": strings.TrimSpace(line)})
			return nil, nil
		}
		if !slices.Contains(hosts, h) {
			hosts = append(hosts, h)
		}
	}
	current := r.Host
	if h, _, err := net.SplitHostPort(current); err == nil {
		current = h
	}
	current, _ = tenant.NormalHost(current)
	old, err := tenant.Hosts(ctx, a.env.DB, tenantID)
	if err != nil {
		return nil, err
	}
	if slices.Contains(old, current) && !slices.Contains(hosts, current) {
		f.Errors.Add("hosts", "admin.settings.host_current", map[string]any{"Host": current})
	}
	return hosts, nil
}

// typedPortalURL is tenant.NormalPortalURL for what an admin types: a bare host name
// ("portal.example.de", as it is usually written) gets https:// in front, since the
// portal is reached over https; anything that is no address even then is still refused.
// A bare IPv6 address gets its brackets (without them its last group reads as a port).
// A bare word ("portal", "test": a slip, not an address customers' mail could reach)
// is refused rather than turned into https://portal; only localhost and IP addresses
// go without a dot, and an intranet name can still be written with its scheme.
func typedPortalURL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "://") {
		return tenant.NormalPortalURL(s)
	}
	if ip := net.ParseIP(s); ip != nil && strings.Contains(s, ":") {
		s = "[" + s + "]"
	}
	n, ok := tenant.NormalPortalURL("https://" + s)
	if !ok {
		return n, false
	}
	u, err := url.Parse(n)
	if err != nil {
		return n, false
	}
	if host := u.Hostname(); !strings.Contains(host, ".") && host != "localhost" && net.ParseIP(host) == nil {
		return n, false
	}
	return n, true
}
