package admin

import (
	"net/http"

	"pforte/internal/inboxmail"
	"pforte/internal/web"
)

// inboxBlock blocks the sender of a mail item: their address or their domain (the
// button pressed, "what"). The item and every other open mail from the sender are
// done; from now on the listener refuses the sender's mail. A domain block covers
// everyone writing from it, tenant-wide: only admins may add one, after a confirmation
// page saying how many open mails it closes (confirm=yes posts it). A refusal (a
// contact's address, a public provider's or a company's domain, one's own, already
// blocked) is shown next to the block buttons.
func (a *Admin) inboxBlock(w http.ResponseWriter, r *http.Request, v *visit) {
	id, f, ok := a.inboxPost(w, r, v)
	if !ok {
		return
	}
	what := f.Get("what")
	if what == inboxmail.KindDomain && !v.Member.IsAdmin() {
		a.env.NotFound(w, r) // as the admins' routes answer agents
		return
	}
	if what == inboxmail.KindDomain && f.Get("confirm") != "yes" {
		a.inboxBlockConfirm(w, r, v, f, id)
		return
	}
	_, closed, err := inboxmail.FromItem(r.Context(), a.env.DB, v.P.TenantID, id, what, v.staffOf(r, a.env), a.env.Now())
	if err != nil {
		a.refuseBlock(w, r, v, f, err)
		return
	}
	parts := []web.FlashPart{{ID: "inbox_block.blocked"}}
	if closed.Others > 0 {
		parts = append(parts, web.FlashPart{ID: "inbox_block.closed_others", Count: closed.Others})
	}
	a.env.FlashParts(w, r, "/admin/inbox/"+itoa(id), parts...)
}

// inboxBlockConfirm asks before a domain is blocked: which domain, that its subdomains
// are covered, and how many open mails it would mark done. What cannot be blocked is
// said on the mail's page instead, as for a confirmed post.
func (a *Admin) inboxBlockConfirm(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, id int64) {
	ctx := r.Context()
	e, err := inboxmail.ItemEntry(ctx, a.env.DB, v.P.TenantID, id, inboxmail.KindDomain)
	var open []int64
	if err == nil {
		err = inboxmail.Check(ctx, a.env.DB, v.P.TenantID, e)
	}
	if err == nil {
		open, err = inboxmail.Covered(ctx, a.env.DB, v.P.TenantID, e)
	}
	if err != nil {
		a.refuseBlock(w, r, v, f, err)
		return
	}
	web.Render(w, r, http.StatusOK, inboxBlockConfirmPage(v.chrome(r, "inbox_block.confirm_title"), id, e.Value, len(open)))
}

// refuseBlock shows the mail's page again with the refusal next to the block buttons,
// or fails for an error that is no refusal.
func (a *Admin) refuseBlock(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, err error) {
	if !f.Take(err) {
		a.env.Fail(w, r, err)
		return
	}
	a.renderInboxItem(w, r, v, f, http.StatusUnprocessableEntity)
}
