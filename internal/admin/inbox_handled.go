package admin

import (
	"net/http"
	"strings"

	"pforte/internal/inbox"
	"pforte/internal/web"
)

// inboxTyped are the fields of the inbox's forms a person types into (the rest are
// choices the page offers again), in the order the pages show them.
var inboxTyped = []string{"ticket_id", "first_name", "last_name", "company_name", "reason", "reply"}

// inboxHandled shows item id again after a form on it was refused (f). Bad input on an
// open item stands next to its field, as usual. An item someone handled meanwhile (a
// colleague, the person in another tab, a contact) no longer shows its forms, so an
// error next to a field would be invisible: the page says instead who handled it and
// when, that nothing was changed, and shows what was typed to copy.
func (a *Admin) inboxHandled(w http.ResponseWriter, r *http.Request, v *visit, id int64, f web.Form) {
	it, err := inbox.Get(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if it.Open() {
		a.renderInboxItem(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	var typed []string
	for _, name := range inboxTyped {
		if s := strings.TrimSpace(f.Raw(name)); s != "" {
			typed = append(typed, s)
		}
	}
	f.Errors = nil
	f.Unsaved = strings.Join(typed, "\n")
	f.Err, f.ErrData = "weakfix.inbox.handled_by", map[string]any{"Name": it.HandledBy, "At": web.When(r.Context(), it.HandledAt)}
	if it.HandledByStaffID == v.Member.ID {
		f.Err = "weakfix.inbox.handled_by_you"
	}
	a.renderInboxItem(w, r, v, f, http.StatusConflict)
}
