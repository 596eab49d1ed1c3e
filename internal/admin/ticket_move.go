package admin

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// moveView is the page that moves a ticket to another company: a name search for
// the company, then the chosen company's contacts to pick the opener from.
type moveView struct {
	Ticket   ticket.Ticket
	Query    string
	Found    []company.Company // what the search found (up to queueCompanyChoices)
	More     bool
	Searched bool
	Company  company.Company // chosen; ID 0 while none is
	Members  []contact.Membership
}

// ticketMovePage shows the move page (GET: choosing changes nothing).
func (a *Admin) ticketMovePage(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	f := web.NewForm()
	f.Set("company_id", r.URL.Query().Get("company"))
	a.renderMove(w, r, v, id, f, http.StatusOK)
}

// renderMove shows the move page for ticket id with the contact form f. A company
// of another tenant, like a ticket of one, is a 404.
func (a *Admin) renderMove(w http.ResponseWriter, r *http.Request, v *visit, id int64, f web.Form, status int) {
	ctx, tid := r.Context(), v.P.TenantID
	t, err := ticket.ForStaff(ctx, a.env.DB, tid, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	mv := moveView{Ticket: t, Query: validate.Truncate(validate.Clean(r.URL.Query().Get("cq")), 100)}
	if cid, _ := strconv.ParseInt(f.Get("company_id"), 10, 64); cid > 0 {
		if mv.Company, err = company.Get(ctx, a.env.DB, tid, cid); err != nil {
			a.env.Fail(w, r, err)
			return
		}
		if mv.Company.Archived() && cid != t.CompanyID { // not offered: choose again
			mv.Company = company.Company{}
			f.Errors.Add("contact", "company_archive.refused", nil)
			status = http.StatusUnprocessableEntity
		}
	}
	if mv.Company.ID > 0 {
		if mv.Members, err = contact.MembershipsOfCompany(ctx, a.env.DB, tid, mv.Company.ID); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	} else if mv.Query != "" {
		mv.Searched = true
		if mv.Found, mv.More, err = company.List(ctx, a.env.DB, tid, company.ListParams{Search: mv.Query, Limit: queueCompanyChoices}); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	web.Render(w, r, status, ticketMovePage(v.chrome(r, "qa2_desk.move_title"), mv, f))
}

// openerChoices are the company's contacts who may open its ticket (with "choose"
// first when none is chosen yet): every member but one whose access was revoked,
// unless that is the opener now.
func openerChoices(ctx context.Context, ms []contact.Membership, current int64) []web.Choice {
	var out []web.Choice
	if current == 0 {
		out = append(out, web.Choice{Value: "", Label: i18n.T(ctx, "qa2_desk.choose_contact")})
	}
	for _, m := range ms {
		if m.Access != contact.AccessRevoked || m.ContactID == current {
			out = append(out, web.Choice{Value: itoa(m.ContactID), Label: memberLabel(m)})
		}
	}
	return out
}

// followerChoices are "choose" and the company's contacts with portal access who
// neither opened nor follow the ticket (ticket.Follow takes only those).
func followerChoices(ctx context.Context, tv ticketView) []web.Choice {
	out := []web.Choice{{Value: "", Label: i18n.T(ctx, "qa2_desk.choose_contact")}}
	taken := map[int64]bool{tv.ContactID: true}
	for _, f := range tv.Followers {
		taken[f.ContactID] = true
	}
	for _, m := range tv.Members {
		if m.Access == contact.AccessActive && !taken[m.ContactID] {
			out = append(out, web.Choice{Value: itoa(m.ContactID), Label: memberLabel(m)})
		}
	}
	return out
}

// memberLabel names a contact in a select: the name and the address, which tells
// two of the same name apart. A contact without an address (kept for the records, no
// portal access) is named alone: "Karl Kasse <>" read like a broken entry.
func memberLabel(m contact.Membership) string {
	if m.ContactName == "" {
		return m.Email
	}
	if m.Email == "" {
		return m.ContactName
	}
	return m.ContactName + " <" + m.Email + ">"
}
