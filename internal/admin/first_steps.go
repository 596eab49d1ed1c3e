package admin

import (
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"pforte/internal/tenant"
)

// firstStep is one line of the dashboard's "First steps": a link to the page where the
// step is done, and whether the data says it is.
type firstStep struct {
	ID    string // names the list item, for tests and links to it
	Title string // message ids of the link and of the line below it
	Hint  string
	Href  string
	Done  bool
}

// firstStepsPanel is the checklist a new tenant's admins see on top of the dashboard
// (as Zammad, Freshdesk and Invoice Ninja do): what to set up before customers can
// use the portal.
type firstStepsPanel struct {
	Required, Optional []firstStep
}

// done counts the required steps done, for the line above the list.
func (p *firstStepsPanel) done() int {
	n := 0
	for _, s := range p.Required {
		if s.Done {
			n++
		}
	}
	return n
}

// firstStepsOf is the checklist for the dashboard, or nil when there is none to show:
// for agents (every required step is an admin's, and agents cannot change settings),
// once an admin hid it, and once every required step is done, so it leaves by itself
// without anyone having to tick it off. Each step is read from the data it changes.
func (a *Admin) firstStepsOf(r *http.Request, v *visit) (*firstStepsPanel, error) {
	if !v.Member.IsAdmin() {
		return nil, nil
	}
	fs, err := tenant.GetFirstSteps(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil || fs.Hidden {
		return nil, err
	}
	p := &firstStepsPanel{Required: []firstStep{
		// The address mail links point to: until it names the server, customers get
		// invitations that lead to their own machine.
		{ID: "address", Title: "first_steps.address", Hint: "first_steps.address_hint",
			Href: "/admin/settings#f-portal_url", Done: !localOrigin(a.env.TenantOrigin(v.Tenant))},
		// Without a mail server mail is only kept in the outbox: nobody receives it.
		{ID: "mail", Title: "first_steps.mail", Hint: "first_steps.mail_hint",
			Href: "/admin/settings/mail", Done: fs.OwnSMTP || a.env.InstallSMTP},
		{ID: "company", Title: "first_steps.company", Hint: "first_steps.company_hint",
			Href: "/admin/companies/new", Done: fs.Company},
		{ID: "access", Title: "first_steps.access", Hint: "first_steps.access_hint",
			Href: "/admin/contacts", Done: fs.Access},
	}}
	if p.done() == len(p.Required) {
		return nil, nil
	}
	if usesHelpdesk(v.Tenant) {
		p.Optional = append(p.Optional, firstStep{ID: "categories", Title: "first_steps.categories", Hint: "first_steps.categories_hint",
			Href: "/admin/settings/helpdesk#categories-h", Done: fs.Categories})
	}
	p.Optional = append(p.Optional, firstStep{ID: "staff", Title: "first_steps.staff", Hint: "first_steps.staff_hint",
		Href: "/admin/staff#new-staff-h", Done: fs.SecondStaff},
		// Forgot password, self-registration and the welcome mail start switched off: a
		// new admin who does not know the switches leaves customers without "forgot
		// password". Done once any of them is on ("main contacts approve" alone does
		// nothing without self-registration).
		firstStep{ID: "access_rules", Title: "first_steps.access_rules", Hint: "first_steps.access_rules_hint",
			Href: "/admin/settings#f-feature-" + tenant.FeaturePasswordReset,
			Done: slices.ContainsFunc([]string{tenant.FeaturePasswordReset, tenant.FeatureRegistration, tenant.FeatureWelcomeMail}, v.Tenant.Has)})
	return p, nil
}

// localOrigin reports whether links to origin lead only to the machine they are
// opened on: localhost (what serve prints and a fresh install remembers at the first
// sign-in), a name under .localhost, a loopback or unspecified address.
func localOrigin(origin string) bool {
	u, err := url.Parse(origin)
	if err != nil {
		return true
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}
