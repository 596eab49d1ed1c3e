package admin

import (
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/retention"
	"pforte/internal/web"
)

// retentionSave stores the retention rules: whole numbers of days, 0 for ever. A
// field that is not a number or out of bounds is refused beside it with the typed
// values kept; the change is in the audit log with the new rules.
func (a *Admin) retentionSave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	days := make([]int, len(retention.Fields))
	for i, name := range retention.Fields {
		// "1 000": blanks as some languages group digits. A point or comma is refused:
		// "36,5" is not a number of days in any language.
		s := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(f.Get(name))
		n, err := strconv.Atoi(s)
		if f.Err == "" && (s == "" || err != nil) {
			f.Errors.Add(name, "retention.days_invalid", map[string]any{"Min": retention.MinDays, "Max": retention.MaxDays})
		}
		days[i] = n
	}
	rules := retention.FromDays(days)
	if f.Err == "" {
		for k, m := range rules.Validate() {
			f.Errors.Add(k, m.ID, m.Data)
		}
	}
	if f.Invalid() {
		web.Render(w, r, http.StatusUnprocessableEntity, retentionPage(v.chrome(r, "retention.title"), f))
		return
	}
	ctx := r.Context()
	err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		now := a.env.Now()
		if err := retention.Set(ctx, tx, v.P.TenantID, rules, now); err != nil {
			return err
		}
		by := v.actor(r, a.env)
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.RetentionChanged, rules.Describe(), by.IP, now)
	})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "admin.saved", retentionPath)
}
