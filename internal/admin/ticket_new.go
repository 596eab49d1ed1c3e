package admin

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/access"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// errErasedOpener: the contact chosen as opener was erased while the ticket was being
// created.
var errErasedOpener = errors.New("admin: opener erased")

// Bounds of a ticket opened by staff (the portal's are the same).
const (
	maxTicketTitle = 200
	maxTicketField = 200
)

// ticketNewView is the form for a ticket staff open on a customer's behalf: first a
// company (chosen from a search), then the rest with the company's contacts.
type ticketNewView struct {
	Company    company.Company // zero until chosen
	Companies  []web.Choice
	Search     string
	Contacts   []web.Choice
	Categories []web.Choice
	// Assignees, UploadMB and Kept: "assign to", the files' limit and the files a
	// refused form kept (ticket_new_files.go).
	Assignees []web.Choice
	UploadMB  int
	Kept      []ticket.Staged
}

// ticketNewForm shows the form; ?company= picks the company, ?cq= searches for one,
// ?contact= preselects the contact (from the contact's page; the select offers only
// the company's contacts, and the choice is checked when the form is sent). An erased
// contact is not preselected: a message at the field says why.
func (a *Admin) ticketNewForm(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("priority", strconv.Itoa(ticket.PriorityNormal))
	f.Set("assignee", itoa(v.Member.ID)) // who opens it for a caller usually works on it
	if c, err := strconv.ParseInt(r.URL.Query().Get("contact"), 10, 64); err == nil && c > 0 {
		// Another tenant's contact (or none) is not in the select: nothing to say then.
		if errors.Is(access.RequireNotErased(r.Context(), a.env.DB, v.P.TenantID, c), access.ErrAlreadyErased) {
			f.Errors.Add("contact_id", "contact_erase.new_ticket_erased", nil)
		} else {
			f.Set("contact_id", itoa(c))
		}
	}
	id, _ := strconv.ParseInt(r.URL.Query().Get("company"), 10, 64)
	a.renderTicketNew(w, r, v, id, f, http.StatusOK)
}

func (a *Admin) renderTicketNew(w http.ResponseWriter, r *http.Request, v *visit, companyID int64, f web.Form, status int) {
	ctx, q, tid := r.Context(), a.env.DB, v.P.TenantID
	nv := ticketNewView{Search: validate.Truncate(validate.Clean(r.URL.Query().Get("cq")), 100)}
	if companyID > 0 {
		co, err := company.Get(ctx, q, tid, companyID)
		if err != nil {
			a.env.Fail(w, r, err) // another tenant's company is a 404
			return
		}
		if co.Archived() { // nothing new is filed under an archived company
			a.env.FlashError(w, r, "company_archive.refused", "/admin/companies/"+itoa(co.ID))
			return
		}
		nv.Company = co
		ms, err := contact.MembershipsOfCompany(ctx, q, tid, co.ID)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		nv.Contacts = []web.Choice{{Value: "", Label: "–"}}
		for _, m := range ms {
			if access.IsDeletedEmail(m.Email) { // an erased contact opens nothing
				continue
			}
			nv.Contacts = append(nv.Contacts, web.Choice{Value: itoa(m.ContactID), Label: memberLabel(m)})
		}
		cats, err := ticket.Categories(ctx, q, tid, true)
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		nv.Categories = []web.Choice{{Value: "", Label: i18n.T(ctx, "tickets_admin.category_none")}}
		for _, c := range cats {
			nv.Categories = append(nv.Categories, web.Choice{Value: itoa(c.ID), Label: c.Name})
		}
		if err := a.ticketNewExtras(r, v, f, &nv); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	} else {
		list, _, err := company.List(ctx, q, tid, company.ListParams{Search: nv.Search, Limit: queueCompanyChoices})
		if err != nil {
			a.env.Fail(w, r, err)
			return
		}
		for _, co := range list {
			nv.Companies = append(nv.Companies, web.Choice{Value: itoa(co.ID), Label: co.Name})
		}
	}
	web.Render(w, r, status, ticketNewPage(v.chrome(r, "tickets_admin.new_title"), nv, f))
}
