package admin

import (
	"context"
	"slices"
	"strings"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// settingsKeptModules is the module list to store from the settings form: the offered
// modules that were ticked, plus the stored switches of modules that have no pages in
// this version. The page does not show those, so saving it must not change them; they
// stay harmless, since nothing reads them until their pages exist.
func settingsKeptModules(ctx context.Context, q db.Querier, tenantID int64, ticked []string) ([]string, error) {
	t, err := tenant.Get(ctx, q, tenantID)
	if err != nil {
		return nil, err
	}
	out := append([]string(nil), ticked...)
	for _, m := range t.Modules {
		if !tenant.ModuleAvailable(m) {
			out = append(out, m)
		}
	}
	return out, nil
}

// modulesOffMsg is the question next to the modules when a save would turn one off.
const modulesOffMsg = "settings_nav.modules_off"

// settingsModulesOff asks before a save turns modules off: the modules that were on
// when the page was drawn (modules_were) and are unticked now. Turning off Helpdesk
// takes tickets out of the portal and the back office at once, so a stray click must
// not do it together with a new portal name. Ticking "yes, turn off" (confirm_off)
// lets the save through; a client that sends no modules_were is not asked.
func settingsModulesOff(ctx context.Context, f *web.Form) {
	if f.Get("confirm_off") == "1" {
		return
	}
	var off []string
	for _, m := range tenant.Available { // in the page's order, each once
		if slices.Contains(f.Values["modules_were"], m) && !slices.Contains(f.Values["modules"], m) {
			off = append(off, i18n.T(ctx, "module."+m+".title"))
		}
	}
	if len(off) > 0 {
		f.Errors.Add("modules", modulesOffMsg, map[string]any{"Modules": strings.Join(off, ", ")})
	}
}

// modulesWereOn are the tenant's modules that the settings page offers and are on,
// for modules_were.
func modulesWereOn(modules []string) []string {
	var out []string
	for _, m := range modules {
		if tenant.ModuleAvailable(m) {
			out = append(out, m)
		}
	}
	return out
}
