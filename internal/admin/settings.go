package admin

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// settingsForm shows the tenant's settings, read fresh from the database rather than
// from the request's cached tenant, so a save from a moment ago is visible.
func (a *Admin) settingsForm(w http.ResponseWriter, r *http.Request, v *visit) {
	t, err := tenant.Get(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	hosts, err := tenant.Hosts(r.Context(), a.env.DB, t.ID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := web.NewForm()
	f.Set("name", t.Name)
	f.Set("language", t.DefaultLanguage)
	f.Values["modules"] = t.Modules
	f.Values["modules_were"] = modulesWereOn(t.Modules)
	f.Values["features"] = t.Features
	f.Set("hosts", strings.Join(hosts, "\n"))
	f.Set("portal_url", t.PortalURL)
	f.Set("time_zone", t.TimeZone)
	web.Render(w, r, http.StatusOK, settingsPage(v.chrome(r, "admin.settings.title"), f, a.env.Now()))
}

// tenantLanguageChoices are the languages a tenant can default to.
func tenantLanguageChoices() []web.Choice {
	out := make([]web.Choice, 0, len(i18n.Languages))
	for _, l := range i18n.Languages {
		out = append(out, web.Choice{Value: l, Label: i18n.Names[l]})
	}
	return out
}

// zoneChoices are the time zones a tenant can choose: the common ones first, then all
// of the tz database's zone.tab, each labelled with its offset from UTC at now (so
// "Europe/Berlin (UTC+01:00)" in winter). A value not in the lists (typed by hand and
// refused, or set before the list grew) is offered first, so the form keeps it.
func zoneChoices(f web.Form, now time.Time) (common, all []web.Choice) {
	label := func(name string) string {
		loc, ok := tenant.LoadZone(name)
		if !ok || name == "UTC" {
			return name
		}
		return name + " (UTC" + now.In(loc).Format("-07:00") + ")"
	}
	cur := f.Get("time_zone")
	if cur != "" && !slices.Contains(tenant.CommonTimeZones, cur) && !slices.Contains(tenant.TimeZones, cur) {
		common = append(common, web.Choice{Value: cur, Label: label(cur)})
	}
	for _, z := range tenant.CommonTimeZones {
		common = append(common, web.Choice{Value: z, Label: label(z)})
	}
	for _, z := range tenant.TimeZones {
		all = append(all, web.Choice{Value: z, Label: label(z)})
	}
	return common, all
}
