package admin

import (
	"net/http"

	"pforte/internal/inbox"
	"pforte/internal/inboxmail"
	"pforte/internal/web"
)

// inboxBlock blocks the sender of a mail item: their address or their domain (the
// button pressed, "what"). The item and every other open mail from the sender are
// done; from now on the listener refuses the sender's mail. A refusal (a contact's
// address, a public provider's or a company's domain, already blocked) is shown above
// the item's forms.
func (a *Admin) inboxBlock(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	if f.Err != "" {
		a.renderInboxItem(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	it, err := inbox.Get(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	_, closed, err := inboxmail.FromItem(r.Context(), a.env.DB, v.P.TenantID, id, f.Get("what"), v.staffOf(r, a.env), a.env.Now())
	if err != nil {
		if !f.Take(err) {
			a.env.Fail(w, r, err)
			return
		}
		a.renderInboxItem(w, r, v, f, http.StatusUnprocessableEntity)
		return
	}
	parts := []web.FlashPart{{ID: "inbox_block.blocked"}}
	if it.Open() && it.ContactID == 0 { // the item itself is among those closed
		closed--
	}
	if closed > 0 {
		parts = append(parts, web.FlashPart{ID: "inbox_block.closed_others", Count: closed})
	}
	a.env.FlashParts(w, r, "/admin/inbox/"+itoa(id), parts...)
}
