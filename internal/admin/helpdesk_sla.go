package admin

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// helpdeskSLASave stores the tenant's service-level targets: per priority the hours
// to the first public answer and to the resolution, each empty (no target) or a whole
// number from 1 to ticket.MaxSLAHours, and no more than the tenant's business hours
// reach within ten years (ticket.SLACalendar.MaxTarget). Anything else comes back next
// to its field with what was typed.
func (a *Admin) helpdeskSLASave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	cal, err := ticket.LoadSLACalendar(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	var ts ticket.Targets
	if f.Err == "" {
		ts = slaTargetsOf(&f, cal.MaxTarget(web.Zone(r.Context()), a.env.Now()))
	}
	if f.Invalid() {
		a.renderHelpdesk(w, r, v, "sla", f, http.StatusUnprocessableEntity)
		return
	}
	a.helpdeskSave(w, r, v, "service-level targets: "+slaSummary(ts), func(tx *db.Tx) error {
		return ticket.SetSLATargets(r.Context(), tx, v.P.TenantID, ts)
	})
}

// slaField is the form field of one target: kind "first" or "resolve".
func slaField(kind string, priority int) string { return kind + "_" + strconv.Itoa(priority) }

// slaTargetsOf reads the targets, adding an error for every field that is neither
// empty nor whole hours in range, for one beyond reach (more than reach hours), and for
// a first response due after the resolution.
func slaTargetsOf(f *web.Form, reach int) ticket.Targets {
	var ts ticket.Targets
	for _, p := range ticket.Priorities {
		ts[p] = ticket.Target{FirstResponse: slaHours(f, slaField("first", p), reach), Resolution: slaHours(f, slaField("resolve", p), reach)}
		if t := ts[p]; t.FirstResponse > 0 && t.Resolution > 0 && t.FirstResponse > t.Resolution {
			f.Errors.Add(slaField("first", p), "sla.error.order", nil)
		}
	}
	return ts
}

// slaHours reads one field: empty is 0 (no target).
func slaHours(f *web.Form, name string, reach int) int {
	s := f.Get(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil || n < 1 || n > ticket.MaxSLAHours:
		f.Errors.Add(name, "sla.error.hours", map[string]any{"Max": ticket.MaxSLAHours})
		return 0
	case n > reach:
		f.Errors.Add(name, "sla_hours.error.too_long", map[string]any{"Max": reach})
		return 0
	}
	return n
}

// slaSummary is the targets for the audit log: "urgent 1/8 h, high –/24 h, …".
func slaSummary(ts ticket.Targets) string {
	var parts []string
	for i := len(ticket.Priorities) - 1; i >= 0; i-- {
		p := ticket.Priorities[i]
		parts = append(parts, fmt.Sprintf("%s %s/%s h", ticket.PriorityName(p), hoursOrDash(ts[p].FirstResponse), hoursOrDash(ts[p].Resolution)))
	}
	return strings.Join(parts, ", ")
}

func hoursOrDash(h int) string {
	if h == 0 {
		return "–"
	}
	return strconv.Itoa(h)
}

// slaForm is the targets form: what was typed when it came back with errors, else
// the stored targets.
func (hv helpdeskView) slaForm() web.Form {
	return hv.formFor("sla", func(f web.Form) {
		for _, p := range ticket.Priorities {
			f.Set(slaField("first", p), hoursOrEmpty(hv.SLA[p].FirstResponse))
			f.Set(slaField("resolve", p), hoursOrEmpty(hv.SLA[p].Resolution))
		}
	})
}

func hoursOrEmpty(h int) string {
	if h == 0 {
		return ""
	}
	return strconv.Itoa(h)
}
