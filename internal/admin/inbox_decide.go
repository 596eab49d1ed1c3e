package admin

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/access"
	"pforte/internal/inbox"
	"pforte/internal/web"
)

// decider is the staff member deciding on an inbox item.
func (v *visit) decider(r *http.Request, env *web.Env) access.Decider {
	return access.Decider{Actor: v.actor(r, env),
		By: inbox.By{StaffID: v.Member.ID, Name: v.Member.Name + " <" + v.Member.Email + ">"}}
}

// inboxApprove approves a registration into the chosen company with the chosen role.
// A contact with the address who has access to that company already keeps the role
// they have there (access.approveIn): the page warned, and the message says so.
func (a *Admin) inboxApprove(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	f := web.ParseForm(w, r)
	msg := "inbox.approved"
	var err error
	if f.Err == "" {
		company, _ := strconv.ParseInt(f.Get("company_id"), 10, 64)
		var kept bool
		if kept, err = a.approveKeepsRole(r.Context(), v.P.TenantID, id, company); kept {
			msg = "desk_fixes.inbox.approved_role_kept"
		}
		if err == nil {
			err = a.svc.ApproveRegistration(r.Context(), v.Tenant, v.decider(r, a.env), id, company, f.Get("role"), a.env.Origin(r))
		}
	}
	a.inboxAnswer(w, r, v, id, &f, err, msg, "/admin/inbox/"+strconv.FormatInt(id, 10))
}

// inboxReject rejects a registration with a reason that is mailed to the person.
func (a *Admin) inboxReject(w http.ResponseWriter, r *http.Request, v *visit) {
	a.inboxDecide(w, r, v, func(id int64, f web.Form) error {
		return a.svc.RejectRegistration(r.Context(), v.Tenant, v.decider(r, a.env), id, oneNewline(f.Get("reason")), a.env.Origin(r))
	}, "inbox.rejected")
}

// inboxDone marks a notice done.
func (a *Admin) inboxDone(w http.ResponseWriter, r *http.Request, v *visit) {
	a.inboxDecide(w, r, v, func(id int64, _ web.Form) error {
		return a.svc.InboxDone(r.Context(), v.P.TenantID, v.decider(r, a.env), id)
	}, "inbox.marked_done")
}

// inboxDecide runs a decision and answers as inboxAnswer does.
func (a *Admin) inboxDecide(w http.ResponseWriter, r *http.Request, v *visit, decide func(int64, web.Form) error, okMsg string) {
	id, ok := web.ID(r, "id")
	if !ok {
		a.env.NotFound(w, r)
		return
	}
	back := "/admin/inbox/" + strconv.FormatInt(id, 10)
	f := web.ParseForm(w, r)
	var err error
	if f.Err == "" {
		err = decide(id, f)
	}
	a.inboxAnswer(w, r, v, id, &f, err, okMsg, back)
}

// inboxAnswer answers an action on inbox item id that ran with err (or did not run,
// f saying why): on success to dest with okMsg; the item page with the errors next to
// the fields; when the item was handled meanwhile, the item page saying by whom and
// when (inboxHandled).
func (a *Admin) inboxAnswer(w http.ResponseWriter, r *http.Request, v *visit, id int64, f *web.Form, err error, okMsg, dest string) {
	handled := errors.Is(err, inbox.ErrHandled)
	if err != nil && !handled && !f.Take(err) {
		a.env.Fail(w, r, err)
		return
	}
	if f.Invalid() || handled {
		a.inboxHandled(w, r, v, id, *f)
		return
	}
	a.env.WakeWorker()
	a.env.Flash(w, r, okMsg, dest)
}
