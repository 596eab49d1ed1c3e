package admin

import (
	"net/http"
	"strconv"

	"pforte/internal/db"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// helpdeskAutomationSave stores after how many days resolved tickets are closed,
// customers are reminded of tickets waiting for them, and reminded tickets are
// resolved: each empty or 0 (never) or a whole number from 1 to ticket.MaxAutoDays;
// and whether the steps keep to business hours.
// Resolving counts from the reminder, so it needs reminders on. Anything else comes
// back next to its field with what was typed.
func (a *Admin) helpdeskAutomationSave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	var auto ticket.Automation
	if f.Err == "" {
		auto = automationOf(&f)
	}
	if f.Invalid() {
		a.renderHelpdesk(w, r, v, "automation", f, http.StatusUnprocessableEntity)
		return
	}
	what := "helpdesk automation: close after " + daysOrNever(auto.CloseDays) + ", remind after " + daysOrNever(auto.RemindDays) +
		", resolve after " + daysOrNever(auto.ResolveDays)
	if auto.InHours {
		what += ", within business hours"
	}
	a.helpdeskSave(w, r, v, what, func(tx *db.Tx) error {
		return ticket.SetAutomation(r.Context(), tx, v.P.TenantID, auto)
	})
}

// automationOf reads the form, adding an error for every field that is not empty or
// whole days in range, and for resolving without reminding.
func automationOf(f *web.Form) ticket.Automation {
	a := ticket.Automation{CloseDays: autoDays(f, "close_days"), RemindDays: autoDays(f, "remind_days"),
		ResolveDays: autoDays(f, "resolve_days"), InHours: f.Get("in_hours") == "1"}
	if a.ResolveDays > 0 && a.RemindDays == 0 && f.Errors["remind_days"].ID == "" {
		f.Errors.Add("resolve_days", "automation.error.resolve_needs_remind", nil)
	}
	return a
}

// autoDays reads one field: empty is 0 (never).
func autoDays(f *web.Form, name string) int {
	s := f.Get(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > ticket.MaxAutoDays {
		f.Errors.Add(name, "automation.error.days", map[string]any{"Max": ticket.MaxAutoDays})
		return 0
	}
	return n
}

// daysOrNever is a step's days for the audit log.
func daysOrNever(n int) string {
	if n == 0 {
		return "never"
	}
	return strconv.Itoa(n) + " d"
}

// autoForm is the automation form: what was typed when it came back with errors, else
// the stored settings (0 shown empty: never).
func (hv helpdeskView) autoForm() web.Form {
	return hv.formFor("automation", func(f web.Form) {
		f.Set("close_days", daysOrEmpty(hv.Auto.CloseDays))
		f.Set("remind_days", daysOrEmpty(hv.Auto.RemindDays))
		f.Set("resolve_days", daysOrEmpty(hv.Auto.ResolveDays))
		if hv.Auto.InHours {
			f.Set("in_hours", "1")
		}
	})
}

func daysOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
