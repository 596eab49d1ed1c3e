package admin

import (
	"net/http"
	"net/url"
	"strconv"

	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// bulkMax bounds the tickets of one bulk change: each is its own transaction with its
// own mails, and the request should end in seconds. A page shows ticket.PageSize.
const bulkMax = 200

// bulkView is the queue's bulk form: where it posts (carrying the queue's filters, so
// the queue comes back as it was), what was ticked, and the form with its errors.
type bulkView struct {
	Action   string
	Form     web.Form
	Selected map[int64]bool
	Admin    bool // the reader may delete tickets (renderQueue sets it)
}

// open reports whether the bulk bar's fold starts open on a phone: when the form came
// back with an error or with boxes ticked, so what is to be fixed is in view.
func (b bulkView) open() bool {
	return b.Form.Invalid() || len(b.Selected) > 0 || b.Form.Get("all") == "1"
}

// ticketBulk applies one action (assign or unassign, status, priority) to the tickets
// ticked in the queue. Each ticket runs the ticket page's own step in its own
// transaction, so the rules, the history and the mails are those of a single change,
// and a ticket the rules refuse (billed, merged; unknown or another tenant's: not
// found) is skipped and counted while the others change. The queue then opens again
// with its filters and a flash counting what changed and what was skipped, and why.
func (a *Admin) ticketBulk(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	f := web.ParseForm(w, r)
	statuses, err := ticket.Statuses(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	members, err := staff.List(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	ids, bad := bulkIDs(f)
	act, ok := parseBulkAction(f.Get("action"), statuses, members)
	if ok && act.Kind == bulkDelete && !v.Member.IsAdmin() { // as every admin-only page: none for agents
		a.env.NotFound(w, r)
		return
	}
	if f.Err == "" {
		switch n := len(ids) + bad; {
		case n == 0:
			f.Errors.Add("ids", "bulk.error.none", nil)
		case n > bulkMax:
			f.Errors.Add("ids", "bulk.error.too_many", map[string]any{"Max": bulkMax})
		}
		if !ok {
			f.Errors.Add("action", "bulk.error.action", nil)
		}
	}
	if f.Invalid() {
		sel := map[int64]bool{}
		for _, id := range ids {
			sel[id] = true
		}
		a.renderQueue(w, r, v, bulkView{Form: f, Selected: sel}, http.StatusUnprocessableEntity)
		return
	}
	if act.Kind == bulkDelete {
		a.ticketBulkDelete(w, r, v, f, ids, bad)
		return
	}
	var tally bulkTally
	for range bad { // not a ticket number at all: as unknown as a number nobody has
		tally.add(db.ErrNotFound, false)
	}
	for _, id := range ids {
		var same bool
		if err := a.changeTicket(r, v, id, act.step(&same)); !tally.add(err, same) {
			if ctx.Err() != nil {
				return // the client went away; nothing to answer
			}
			// The tickets done so far stay done; the flash says the rest were not.
			a.env.Log.Error("bulk ticket change", "ticket", id, "action", act.value(), "err", err)
			tally.stopped = true
			break
		}
	}
	if tally.changed > 0 {
		a.env.WakeWorker()
	}
	if tally.allSame() {
		a.env.FlashInfoParts(w, r, queuePath(r.URL.Query()), tally.parts()...)
		return
	}
	a.env.FlashParts(w, r, queuePath(r.URL.Query()), tally.parts()...)
}

// bulkIDs reads the ticked tickets: the rows' boxes, and with "all on this page"
// ticked every ticket the page listed (what script ticks for the reader; without
// script the server does it). Ids come once each, in order; bad counts values that
// are no ticket number.
func bulkIDs(f web.Form) (ids []int64, bad int) {
	vals := f.Values["ids"]
	if f.Get("all") == "1" {
		vals = append(vals[:len(vals):len(vals)], f.Values["page_ids"]...)
	}
	seen := map[int64]bool{}
	for _, s := range vals {
		if s == "" {
			continue
		}
		id, err := strconv.ParseInt(s, 10, 64)
		switch {
		case err != nil || id <= 0:
			bad++
		case !seen[id]:
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, bad
}

// queuePath is the queue with the filters q (the query the bulk form carried).
func queuePath(q url.Values) string {
	if len(q) == 0 {
		return "/admin/tickets"
	}
	return "/admin/tickets?" + q.Encode()
}
