package admin

import (
	"net/http"

	"pforte/internal/inboxmail"
	"pforte/internal/web"
)

// helpdeskBlockAdd blocks an address or domain an admin typed; bad input, duplicates
// and senders that must not be blocked come back next to the field, as typed.
func (a *Admin) helpdeskBlockAdd(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	if f.Err == "" {
		e := inboxmail.Entry{Field: "value"}
		var err error
		if e.Kind, e.Value, err = inboxmail.Parse(e.Field, f.Get("value")); err == nil {
			_, _, err = inboxmail.Add(r.Context(), a.env.DB, v.P.TenantID, e, v.staffOf(r, a.env), a.env.Now())
		}
		if err == nil {
			a.env.Flash(w, r, "inbox_block.added", blockedPath)
			return
		}
		if !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
	}
	a.renderBlocked(w, r, v, f, http.StatusUnprocessableEntity)
}
