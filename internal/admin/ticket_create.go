package admin

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"pforte/internal/access"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// ticketCreate opens the ticket for the chosen contact of the company, confirms it
// to the contact and tells staff, like a ticket from the portal. The same ticket sent
// again by the same member within a moment opens no second one (ticket/repeat.go):
// they land on the first, told it was sent already and what of their choices it does
// not hold (ticketRepeated); a choice refused meanwhile shows on the form instead.
func (a *Admin) ticketCreate(w http.ResponseWriter, r *http.Request, v *visit) {
	ctx := r.Context()
	rules, err := tenant.GetTicketRules(ctx, a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	f := newTicketForm(w, r, rules)
	companyID, _ := strconv.ParseInt(f.Get("company_id"), 10, 64)
	co, err := company.Get(ctx, a.env.DB, v.P.TenantID, companyID)
	if err != nil {
		a.env.Fail(w, r, err) // another tenant's company is a 404
		return
	}
	if co.Archived() {
		a.env.FlashError(w, r, "company_archive.refused", "/admin/companies/"+itoa(co.ID))
		return
	}
	n := ticket.New{TenantID: v.P.TenantID, CompanyID: co.ID, StaffID: v.Member.ID, Author: v.Member.Name,
		Title: validate.OneLine(f.Get("title")), Body: strings.TrimSpace(strings.ReplaceAll(f.Raw("body"), "\r\n", "\n")),
		Location: validate.OneLine(f.Get("location")), Asset: validate.OneLine(f.Get("asset")), Via: "staff", FromForm: true}
	var nf newTicketFiles
	var assignee int64
	if f.Err == "" {
		a.checkNewTicket(r, v, &f, &n)
		assignee = newTicketAssignee(&f)
		if nf, err = a.newTicketFiles(r, v, &f, rules); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	if !f.Invalid() {
		var id int64
		err := a.env.DB.InTx(ctx, func(tx *db.Tx) error {
			// Checked again in the transaction: a colleague may have archived it meanwhile.
			if err := company.RequireLive(ctx, tx, v.P.TenantID, co.ID); err != nil {
				return err
			}
			// And the contact: erased meanwhile, they open nothing.
			if errors.Is(access.RequireNotErased(ctx, tx, v.P.TenantID, n.ContactID), access.ErrAlreadyErased) {
				return errErasedOpener
			}
			// And the assignee, before the repeat check in Create: a colleague deactivated
			// meanwhile is said on the form, even when the form repeats one sent a moment ago.
			if assignee != 0 {
				if _, err := ticket.Assignable(ctx, tx, v.P.TenantID, assignee); err != nil {
					return err
				}
			}
			var err error
			if n.Files, err = nf.take(ctx, tx, v); err != nil {
				return err
			}
			if id, err = ticket.Create(ctx, tx, n, a.env.Now()); err != nil {
				return err
			}
			t, err := ticket.ForStaff(ctx, tx, v.P.TenantID, id)
			if err != nil {
				return err
			}
			notify, err := ticket.NewNotifier(ctx, tx, v.Tenant, a.env.Origin(r), a.env.Now())
			if err != nil {
				return err
			}
			if err := notify.WithFiles(n.Files).Created(ctx, tx, t, n); err != nil {
				return err
			}
			return assignNew(ctx, tx, t, assignee, v, notify, a.env.Now())
		})
		var first *ticket.RepeatedError
		if errors.As(err, &first) { // sent a moment ago already (a double click, the form sent again): nothing changed
			a.env.DeleteUploads(nf.ups)
			a.ticketRepeated(w, r, v, first.TicketID, n, assignee)
			return
		}
		if errors.Is(err, company.ErrArchived) {
			a.env.DeleteUploads(nf.ups) // kept ones stay kept: their rows came back
			a.env.FlashError(w, r, "company_archive.refused", "/admin/companies/"+itoa(co.ID))
			return
		}
		if errors.Is(err, errErasedOpener) || errors.Is(err, ticket.ErrAssigneeInactive) {
			if errors.Is(err, errErasedOpener) {
				f.Errors.Add("contact_id", "contact_erase.new_ticket_erased", nil)
			} else if errors.Is(err, ticket.ErrAssigneeInvited) { // before inactive, which it is too
				f.Errors.Add("assignee", "tback_fix.error.assignee_invited", nil)
			} else {
				f.Errors.Add("assignee", "tickets_admin.error.assignee_inactive", nil)
			}
			a.refuseNewTicket(w, r, v, co.ID, f, nf.kept, nf.ups)
			return
		}
		if err != nil {
			a.env.DeleteUploads(nf.ups)
			a.env.Fail(w, r, err)
			return
		}
		a.env.WakeWorker()
		if nf.missing+nf.raced > 0 {
			a.env.FlashParts(w, r, ticketPath(id), web.FlashPart{ID: "tickets_admin.created"},
				web.FlashPart{ID: "staged_uploads.not_sent", Count: nf.missing + nf.raced})
			return
		}
		a.env.Flash(w, r, "tickets_admin.created", ticketPath(id))
		return
	}
	a.refuseNewTicket(w, r, v, co.ID, f, nf.kept, nf.ups)
}

// checkNewTicket reads and checks the fields into n: the contact must belong to the
// company, the category must be an active one of the tenant.
func (a *Admin) checkNewTicket(r *http.Request, v *visit, f *web.Form, n *ticket.New) {
	ctx := r.Context()
	f.Errors.Text("title", n.Title, true, maxTicketTitle)
	f.Errors.Text("body", n.Body, true, maxTicketBody)
	f.Errors.MaxLen("location", n.Location, maxTicketField)
	f.Errors.MaxLen("asset", n.Asset, maxTicketField)
	n.ContactID, _ = strconv.ParseInt(f.Get("contact_id"), 10, 64)
	switch m, err := contact.MembershipIn(ctx, a.env.DB, v.P.TenantID, n.ContactID, n.CompanyID); {
	case err != nil:
		f.Errors.Add("contact_id", "tickets_admin.error.contact", nil)
	case access.IsDeletedEmail(m.Email):
		f.Errors.Add("contact_id", "contact_erase.new_ticket_erased", nil)
	}
	p, err := strconv.Atoi(f.Get("priority"))
	if err != nil || !slices.Contains(ticket.Priorities, p) {
		f.Errors.Add("priority", "tickets_admin.error.priority", nil)
	}
	n.Priority = p
	if s := f.Get("category"); s != "" {
		n.CategoryID, _ = strconv.ParseInt(s, 10, 64)
		cats, err := ticket.Categories(ctx, a.env.DB, v.P.TenantID, true)
		if err != nil || !slices.ContainsFunc(cats, func(c ticket.Category) bool { return c.ID == n.CategoryID }) {
			f.Errors.Add("category", "tickets_admin.error.category", nil)
		}
	}
}
