package admin

import (
	"context"
	"mime"
	"net/http"
	"strconv"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// A ticket staff open for a customer takes files and an assignee like the reply form:
// the caller's photo or the PDF they mailed goes in with the request, and whoever
// takes the call usually works on it. The files go the reply form's way (kept when the
// form is refused, web/kept_files.go), owned by the member with no ticket yet.

// newTicketFiles are the files of a new ticket: kept ones the form lists (kept; missing
// of them no longer kept) and new ones (ups); raced counts kept ones a second tab sent
// meanwhile.
type newTicketFiles struct {
	kept           []ticket.Staged
	ups            []web.Upload
	missing, raced int
}

// newTicketForm reads the form: multipart with its files, as the page sends it, or a
// plain one without files (a script, or a page loaded before the form took files).
func newTicketForm(w http.ResponseWriter, r *http.Request, rules tenant.TicketRules) web.Form {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		return web.ParseMultipart(w, r, rules.UploadLimit())
	}
	return web.ParseForm(w, r)
}

// newTicketFiles reads the form's files within the tenant's limits.
func (a *Admin) newTicketFiles(r *http.Request, v *visit, f *web.Form, rules tenant.TicketRules) (newTicketFiles, error) {
	var nf newTicketFiles
	var err error
	if nf.kept, nf.missing, err = a.env.KeptFiles(r.Context(), stagedOwner(v, 0), f); err != nil {
		return nf, err
	}
	nf.ups = a.env.SaveUploads(r, f, "files", rules.UploadLimit())
	web.CheckKeptLimits(f, nf.kept, nf.ups, rules.UploadLimit())
	return nf, nil
}

// take moves the kept files into the ticket being created (their rows go, their files
// stay) and returns them with the new ones.
func (nf *newTicketFiles) take(ctx context.Context, tx *db.Tx, v *visit) ([]ticket.Upload, error) {
	taken, err := ticket.TakeStaged(ctx, tx, stagedOwner(v, 0), ticket.StagedIDs(nf.kept))
	if err != nil {
		return nil, err
	}
	nf.raced = len(nf.kept) - len(taken)
	return append(ticket.StagedUploads(taken), nf.ups...), nil
}

// refuseNewTicket shows the form again (422) with its files kept.
func (a *Admin) refuseNewTicket(w http.ResponseWriter, r *http.Request, v *visit, companyID int64, f web.Form, kept []ticket.Staged, ups []web.Upload) {
	if err := a.env.KeepRefused(r.Context(), stagedOwner(v, 0), &f, kept, ups); err != nil {
		a.env.Fail(w, r, err)
		return
	}
	a.renderTicketNew(w, r, v, companyID, f, http.StatusUnprocessableEntity)
}

// newTicketAssignee reads "assign to": "" is nobody; anything but a staff id is a field
// error (ticket.Assign checks that the member is the tenant's and active).
func newTicketAssignee(f *web.Form) int64 {
	s := f.Get("assignee")
	if s == "" {
		return 0
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		f.Errors.Add("assignee", "tickets_admin.error.assignee", nil)
		return 0
	}
	return id
}

// assignNew gives the new ticket t to staffID (0: nobody) and tells them, unless they
// opened it themselves. Another tenant's staff id is no member of this one: a field
// error like a deactivated member.
func assignNew(ctx context.Context, tx *db.Tx, t ticket.Ticket, staffID int64, v *visit, n ticket.Notifier, now time.Time) error {
	if staffID == 0 {
		return nil
	}
	by := ticket.Actor{StaffID: v.Member.ID, Name: v.Member.Name}
	err := ticket.Assign(ctx, tx, t, staffID, by, now)
	if isNotFound(err) {
		return ticket.ErrAssigneeInactive
	}
	if err != nil {
		return err
	}
	return n.Assigned(ctx, tx, t, staffID, by)
}

// ticketNewExtras fills the form's assignee choices, file limit and kept files.
func (a *Admin) ticketNewExtras(r *http.Request, v *visit, f web.Form, nv *ticketNewView) error {
	ctx := r.Context()
	members, err := staff.List(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		return err
	}
	nv.Assignees = newTicketAssignees(r, v, members)
	rules, err := tenant.GetTicketRules(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		return err
	}
	nv.UploadMB = rules.UploadLimitMB
	nv.Kept, err = web.ListedKept(ctx, a.env.DB, stagedOwner(v, 0), f)
	return err
}

// newTicketAssignees are "assign to"'s choices: the member first ("me"), nobody, then
// the colleagues who can work on tickets.
func newTicketAssignees(r *http.Request, v *visit, members []staff.Member) []web.Choice {
	ctx := r.Context()
	out := []web.Choice{{Value: itoa(v.Member.ID), Label: i18n.T(ctx, "ticket_work.assign_me", map[string]any{"Name": v.Member.Name})},
		{Value: "", Label: i18n.T(ctx, "tickets_admin.assignee.nobody")}}
	for _, m := range members {
		if m.ID != v.Member.ID && assignable(m) {
			out = append(out, web.Choice{Value: itoa(m.ID), Label: assigneeLabel(ctx, m)})
		}
	}
	return out
}
