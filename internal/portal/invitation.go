package portal

import (
	"net/http"

	"pforte/internal/contact"
	"pforte/internal/web"
)

func (p *Portal) invitationForm(w http.ResponseWriter, r *http.Request) {
	ct, ok := p.linkContact(w, r, "invitation.title", p.svc.CheckInvitation)
	if !ok {
		return
	}
	r = inLanguageOf(r, ct)
	company := p.invitedCompany(r, ct)
	web.Render(w, r, http.StatusOK, invitationPage(guestChrome(r, invitationTitle(company)), ct.Email, company, web.NewForm()))
}

// invitedCompany names the company a contact who already has an account is invited
// to ("" for a new account, whose page asks for a password and names no company).
func (p *Portal) invitedCompany(r *http.Request, ct contact.Contact) string {
	if ct.PasswordHash == "" {
		return ""
	}
	return p.svc.InvitedCompany(r.Context(), web.TenantFrom(r.Context()).ID, r.PathValue("token"))
}

// invitationTitle is the tab title of the invitation page: "Set password" for a new
// account, and what the page asks, "Accept invitation", of a contact who already has
// a password and confirms with it (company is the company they are invited to).
func invitationTitle(company string) string {
	if company != "" {
		return "invitation.confirm_submit"
	}
	return "invitation.title"
}
