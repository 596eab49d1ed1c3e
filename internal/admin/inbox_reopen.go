package admin

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/inbox"
)

// inboxReopenInfo is what an item's page says about reopening it: whether it may be
// reopened now, and who reopened it last, while it is open again.
type inboxReopenInfo struct {
	Can bool
	By  string // the staff member's address, as the log names them
	At  time.Time
}

// reopenable reports whether a done item may be put back into the open inbox: a mail
// marked done, answered or closed by a block, and a notice marked done. A mail made
// into a ticket or added to one lives on in the ticket (reopening would offer a second
// one), and registrations are approved or rejected, which mails the person. An erased
// contact's item (inbox.ForgetContact left a placeholder address, name and text) stays
// done: there is nobody to answer and nothing to make a ticket of, and "Create ticket"
// would make a contact of the placeholder address. So does a deleted account's notice
// once done: marking it done took the former details out (access.InboxDone).
func reopenable(it inbox.Item, p inbox.MailPayload) bool {
	if it.State != inbox.StateDone || access.IsDeletedEmail(it.Email) {
		return false
	}
	return it.Kind == inbox.KindAccountDeleted || (it.Kind == inbox.KindMail && p.TicketID == 0)
}

// inboxReopenOf reads what item it's page says about reopening.
func (a *Admin) inboxReopenOf(ctx context.Context, tenantID int64, it inbox.Item, p inbox.MailPayload) (inboxReopenInfo, error) {
	ri := inboxReopenInfo{Can: reopenable(it, p)}
	if !it.Open() {
		return ri, nil
	}
	e, ok, err := audit.Latest(ctx, a.env.DB, tenantID, audit.InboxReopened, audit.InboxTarget(it.ID))
	if ok {
		_, addr, _ := strings.Cut(e.Actor, " ") // "staff:3 anna@…"
		ri.By, ri.At = addr, e.At
	}
	return ri, err
}

// inboxReopen puts a done item back into the open inbox, so a mail marked done by
// mistake can still become a ticket or be answered. It is logged like the decision it
// undoes; a second click (or a colleague's) finds it open and changes nothing.
func (a *Admin) inboxReopen(w http.ResponseWriter, r *http.Request, v *visit) {
	id, _, ok := a.inboxPost(w, r, v)
	if !ok {
		return
	}
	ctx := r.Context()
	back := "/admin/inbox/" + itoa(id)
	it, err := inbox.Get(ctx, a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	var p inbox.MailPayload
	if it.Kind == inbox.KindMail {
		if err := it.Decode(&p); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if it.Open() {
		a.env.FlashInfo(w, r, "inbox_undo.already_open", back)
		return
	}
	if !reopenable(it, p) {
		a.env.NotFound(w, r) // the page offers no such button
		return
	}
	by, now := v.actor(r, a.env), a.env.Now()
	err = a.env.DB.InTx(ctx, func(tx *db.Tx) error {
		if err := inbox.ReopenDone(ctx, tx, v.P.TenantID, id, it.Email, now); err != nil {
			return err
		}
		return audit.Log(ctx, tx, v.P.TenantID, by.Label, audit.InboxReopened, audit.InboxTarget(id), by.IP, now)
	})
	if errors.Is(err, inbox.ErrNotDone) {
		a.env.FlashInfo(w, r, "inbox_undo.already_open", back)
		return
	}
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.env.Flash(w, r, "inbox_undo.reopened", back)
}

// doneHint and doneConfirm are the message ids of the "mark as done" card's hint and
// confirmation: a deleted account's notice loses the former details when done and
// cannot be reopened then (access.InboxDone), which staff are told before, so they note
// the details in the ERP first.
func doneHint(iv inboxView) string {
	if iv.Kind == inbox.KindAccountDeleted {
		return "privacy.deleted_done_hint"
	}
	return "inbox_undo.done_hint"
}

func doneConfirm(iv inboxView) string {
	if iv.Kind == inbox.KindAccountDeleted {
		return "privacy.deleted_done_confirm"
	}
	return "inbox_undo.done_confirm"
}
