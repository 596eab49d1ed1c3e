package admin

import (
	"errors"
	"net/http"

	"pforte/internal/inboxmail"
	"pforte/internal/web"
)

// inboxReply answers the sender of a mail item by mail and marks the item done. Bad
// text comes back next to the field with what was typed; a second answer sends
// nothing and says who handled the item (inboxHandled); an automatic mail is refused.
func (a *Admin) inboxReply(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	var err error
	if f.Err == "" {
		err = inboxmail.Reply(r.Context(), a.env.DB, v.Tenant, id, f.Raw(inboxmail.FieldReply), v.staffOf(r, a.env), a.env.Now())
	}
	if errors.Is(err, inboxmail.ErrNoReply) {
		// The page offers no reply form to keep the text in: it is shown to copy.
		f.Err, f.Unsaved, err = "inbox_block.error.no_reply", f.Get(inboxmail.FieldReply), nil
	}
	a.inboxAnswer(w, r, v, id, &f, err, "inbox_block.replied", "/admin/inbox/"+itoa(id))
}
