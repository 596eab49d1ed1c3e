package portal

import (
	"net/http"
	"slices"
	"strings"

	"pforte/internal/access"
	"pforte/internal/contact"
	"pforte/internal/principal"
	"pforte/internal/web"
)

// colleagueRow is a colleague as the main contact sees them.
type colleagueRow struct {
	contact.Membership
	State string
	Self  bool
	// Name is the name shown: while a colleague's invitation is open, the name the
	// inviter typed, so the page never reveals an existing account's stored name.
	Name string
}

// mainOnly lets only main contacts of the active company through; for a plain user the
// colleague pages do not exist.
func (p *Portal) mainOnly(h handler) http.HandlerFunc {
	return p.contact(func(w http.ResponseWriter, r *http.Request, v *visit) {
		if !v.P.IsMain() {
			p.env.NotFound(w, r)
			return
		}
		h(w, r, v)
	})
}

// actor names the contact in audit entries (and in the invitations they send).
func (v *visit) actor(r *http.Request, env *web.Env) access.Actor {
	return access.Actor{Label: access.ContactActor(v.Contact.ID, v.Contact.Email), IP: env.ClientIP(r), Name: v.Contact.Name()}
}

// colleagues lists the active company's contacts with their portal access, and the
// form to invite another colleague.
func (p *Portal) colleagues(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.NewForm()
	f.Set("role", principal.RoleUser)
	p.renderColleagues(w, r, v, f, http.StatusOK)
}

func (p *Portal) renderColleagues(w http.ResponseWriter, r *http.Request, v *visit, f web.Form, status int) {
	p.renderColleaguesWith(w, r, v, f, web.NewForm(), status)
}

// renderColleaguesWith shows the page with the invitation form f and, below the
// colleagues, the open registrations of the company's domains (rf: a decision on one of
// them that needs fixing, its id in the field "item").
func (p *Portal) renderColleaguesWith(w http.ResponseWriter, r *http.Request, v *visit, f, rf web.Form, status int) {
	p.renderColleaguesIn(w, r, v, v.chrome(r, "colleagues.title", "colleagues"), f, rf, status)
}

// renderColleaguesIn is renderColleaguesWith in the page frame c (which may carry a
// message of its own).
func (p *Portal) renderColleaguesIn(w http.ResponseWriter, r *http.Request, v *visit, c web.Chrome, f, rf web.Form, status int) {
	regs, err := p.colleagueRegistrations(r.Context(), r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	ms, err := contact.MembershipsOfCompany(r.Context(), p.env.DB, v.P.TenantID, v.P.CompanyID)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	rows := make([]colleagueRow, 0, len(ms))
	for _, m := range ms {
		// Former colleagues (access revoked, which includes deleted accounts) are no
		// business of the page any more: listing them kept their names and addresses
		// on show for good. Inviting the address again works as for anyone.
		if m.Access == contact.AccessRevoked || access.IsDeletedEmail(m.Email) {
			continue
		}
		row := colleagueRow{Membership: m, State: access.State(m, p.env.Now()), Self: m.ContactID == v.P.ContactID, Name: m.ContactName}
		if m.Access == contact.AccessInvited && m.InvitedName != "" {
			row.Name = m.InvitedName
		}
		rows = append(rows, row)
	}
	// By the name shown: an open invitation shows the name the inviter typed, and
	// sorting by the account's stored name would place it by a name the page hides.
	slices.SortStableFunc(rows, func(a, b colleagueRow) int {
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	rule, err := p.colleagueRuleOf(r, v, rows)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if rule.Saved = c.Flash != "" && v.flash == ruleSaved; rule.Saved {
		c.Flash = "" // shown in the rule's card, where the save lands (#twofactor-rule)
	}
	web.Render(w, r, status, colleaguesPage(c, v, rows, f, regs, rf, rule))
}
