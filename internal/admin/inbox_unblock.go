package admin

import (
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/inboxmail"
)

// canUnblock reports whether staff member v may lift block b from a mail's page: the
// one who blocked it (a misclick is theirs to repair) and admins, who keep the list of
// blocked senders anyway.
func canUnblock(v *visit, b inboxmail.Block) bool {
	return v.Member.IsAdmin() || (b.StaffID != 0 && b.StaffID == v.Member.ID)
}

// inboxUnblock lifts the block that covers a mail's sender, from the mail's page. The
// mails the block marked done stay done (they can be reopened one by one); the lifting
// is logged as on the list of blocked senders. When another block still covers the
// sender, the message says so.
func (a *Admin) inboxUnblock(w http.ResponseWriter, r *http.Request, v *visit) {
	id, _, ok := a.inboxPost(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	back := "/admin/inbox/" + itoa(id)
	it, err := inbox.Get(ctx, a.env.DB, v.P.TenantID, id)
	if err == nil && it.Kind != inbox.KindMail {
		err = db.ErrNotFound
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	b, blocked, err := inboxmail.Match(ctx, a.env.DB, v.P.TenantID, it.Email)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if !blocked {
		a.env.Flash(w, r, "inbox_undo.not_blocked", back)
		return
	}
	if !canUnblock(v, b) {
		a.env.NotFound(w, r) // as the admins' list answers agents
		return
	}
	err = inboxmail.Remove(ctx, a.env.DB, v.P.TenantID, b.ID, v.staffOf(r, a.env), a.env.Now())
	if errors.Is(err, db.ErrNotFound) { // lifted meanwhile
		a.env.Flash(w, r, "inbox_undo.not_blocked", back)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	// Another block may cover the sender too (an admin's block of the whole domain
	// under the agent's of the address): the sender's mail is still refused, and
	// "unblocked" would say the opposite. The page names who made the one left.
	if _, still, err := inboxmail.Match(ctx, a.env.DB, v.P.TenantID, it.Email); err != nil {
		a.env.Fail(w, r, err)
		return
	} else if still {
		a.env.Flash(w, r, "inbox_undo.unblocked_still_blocked", back)
		return
	}
	a.env.Flash(w, r, "inbox_undo.unblocked", back)
}
