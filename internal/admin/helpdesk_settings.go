package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// Bounds of the helpdesk settings' fields.
const (
	maxStatusName   = 60
	maxCategoryName = 60
)

// helpdeskView is the helpdesk settings page: the rules, the statuses and the
// categories. Failed names the one form that came back with errors ("rules", "sla",
// "hours", "status-new", "status-<id>", "category-new", "category-<id>"); Form holds it.
type helpdeskView struct {
	Statuses   []ticket.Status
	Categories []ticket.Category
	Rules      tenant.TicketRules
	SLA        ticket.Targets     // service-level targets (helpdesk_sla.go)
	Calendar   ticket.SLACalendar // how the targets count time (helpdesk_hours.go)
	Names      ticket.Names       // the names in other languages (helpdesk_names.go)
	// NobodyGetsNew: every member switched off the mail about new tickets (My account).
	NobodyGetsNew bool
	Failed        string
	Form          web.Form
	// Auto closes, reminds and resolves tickets by itself (helpdesk_automation.go).
	Auto ticket.Automation
}

// helpdeskSettings shows the tenant's helpdesk rules, statuses and categories.
func (a *Admin) helpdeskSettings(w http.ResponseWriter, r *http.Request, v *visit) {
	a.renderHelpdesk(w, r, v, "", web.NewForm(), http.StatusOK)
}

func (a *Admin) renderHelpdesk(w http.ResponseWriter, r *http.Request, v *visit, failed string, f web.Form, status int) {
	ctx, q, tid := r.Context(), a.env.DB, v.P.TenantID
	hv := helpdeskView{Failed: failed, Form: f}
	var err error
	if hv.Statuses, err = ticket.Statuses(ctx, q, tid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if hv.Categories, err = ticket.Categories(ctx, q, tid, false); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if hv.Rules, err = tenant.GetTicketRules(ctx, q, tid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if hv.Names, err = ticket.LoadNames(ctx, q, tid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if hv.SLA, err = ticket.SLATargets(ctx, q, tid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if hv.Calendar, err = ticket.LoadSLACalendar(ctx, q, tid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if hv.Auto, err = ticket.AutomationOf(ctx, q, tid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if hv.NobodyGetsNew, err = staff.NobodyGetsNewTickets(ctx, q, tid); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, helpdeskPage(v.chrome(r, "tickets_admin.settings.title"), hv))
}

// helpdeskSave stores one change of the settings with its audit entry and goes back
// to the page.
func (a *Admin) helpdeskSave(w http.ResponseWriter, r *http.Request, v *visit, what string, save func(tx *db.Tx) error) {
	ctx := r.Context()
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := save(tx); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.SettingsChanged, what, by.IP, a.env.Now())
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.ForgetTenants() // ticket pages show the rules from the cached tenant
	a.env.Flash(w, r, "tickets_admin.settings.saved", "/admin/settings/helpdesk")
}

// position reads a list position (0 to validate.MaxPosition); empty means def.
func position(f *web.Form, def int) int { return f.Errors.Position("position", f.Get("position"), def) }

// formFor is the values of the form named key: what was typed when it came back with
// errors, else start (the stored values).
func (hv helpdeskView) formFor(key string, start func(f web.Form)) web.Form {
	if hv.Failed == key {
		return hv.Form
	}
	f := web.NewForm()
	start(f)
	return f
}

func (hv helpdeskView) rulesForm() web.Form {
	return hv.formFor("rules", func(f web.Form) {
		f.Set("reopen", boolField(hv.Rules.Reopen))
		f.Set("upload_mb", strconv.Itoa(hv.Rules.UploadLimitMB))
		f.Set("ratings", boolField(hv.Rules.Ratings))
		f.Set("time_billable", boolField(hv.Rules.TimeBillable))
		f.Set("time_portal", boolField(hv.Rules.TimePortal))
	})
}

func (hv helpdeskView) statusForm(s ticket.Status) web.Form {
	key := "status-new"
	if s.ID > 0 {
		key = "status-" + itoa(s.ID)
	}
	return hv.formFor(key, func(f web.Form) {
		f.Set("name", s.Name)
		f.Set("kind", s.Kind)
		f.Set("position", strconv.Itoa(s.Position))
		f.Set("portal_visible", boolField(s.PortalVisible))
		f.Set("active", boolField(s.Active))
		setNames(f, hv.namesOf(ticket.NameStatus, s.ID))
	})
}

func (hv helpdeskView) categoryForm(c ticket.Category) web.Form {
	key := "category-new"
	if c.ID > 0 {
		key = "category-" + itoa(c.ID)
	}
	return hv.formFor(key, func(f web.Form) {
		f.Set("name", c.Name)
		f.Set("position", strconv.Itoa(c.Position))
		f.Set("active", boolField(c.Active))
		setNames(f, hv.namesOf(ticket.NameCategory, c.ID))
	})
}

// boolField is a checkbox's submitted value.
func boolField(b bool) string {
	if b {
		return "1"
	}
	return ""
}
