// Package portal serves the customer portal at "/": contact login, invitation, home,
// company pages and settings. Every data access of a logged-in page goes through the
// request's principal (tenant, contact, active company, role).
package portal

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/kb"
	"pforte/internal/web"
)

// Portal holds the handlers' dependencies.
type Portal struct {
	env   *web.Env
	svc   *access.Service
	lists *web.Fragments // rendered ticket lists at their company's list version
	seen  *seenCache     // contacts' read marks at their read-mark count (ticket_news_seen.go)
	// visitors remembers recent reads of knowledge-base articles by visitors without
	// login, so their reloads count once (kb.VisitorViews).
	visitors *kb.VisitorViews
}

// Routes returns the portal's routes; lists keeps rendered ticket lists.
func Routes(env *web.Env, svc *access.Service, lists *web.Fragments) []web.Route {
	p := &Portal{env: env, svc: svc, lists: lists, seen: newSeenCache(), visitors: kb.NewVisitorViews()}
	routes := append(p.ticketRoutes(), []web.Route{
		{Pattern: "GET /login", Handler: p.loginForm},
		{Pattern: "POST /login", Handler: p.loginSubmit},
		{Pattern: "GET /login/code", Handler: p.loginCodeForm},
		{Pattern: "POST /login/code", Handler: p.loginCodeSubmit},
		{Pattern: "POST /logout", Handler: p.logout},
		{Pattern: "POST /language", Handler: p.languageSwitch},
		{Pattern: "POST /login/passkey/begin", Handler: p.passkeyLoginBegin},
		{Pattern: "POST /login/passkey", Handler: p.passkeyLoginFinish},
		{Pattern: "GET /invitation/{token}", Handler: p.invitationForm},
		{Pattern: "POST /invitation/{token}", Handler: p.invitationSubmit},
		{Pattern: "GET /password/forgot", Handler: p.forgotForm},
		{Pattern: "POST /password/forgot", Handler: p.forgotSubmit},
		{Pattern: "GET /password/reset/{token}", Handler: p.resetForm},
		{Pattern: "POST /password/reset/{token}", Handler: p.resetSubmit},

		{Pattern: "GET /register", Handler: p.registerForm},
		{Pattern: "POST /register", Handler: p.registerSubmit},
		{Pattern: "GET /register/confirm/{token}", Handler: p.registerConfirmForm},
		{Pattern: "POST /register/confirm/{token}", Handler: p.registerConfirmSubmit},
		{Pattern: "GET /{$}", Handler: p.contact(p.home)},
		{Pattern: "GET /companies/{id}", Handler: p.contact(p.companyShow)},
		{Pattern: "POST /company", Handler: p.contact(p.companySwitch)},
		{Pattern: "GET /settings", Handler: p.contact(p.settings)},
		{Pattern: "GET /colleagues", Handler: p.mainOnly(p.colleagues)},
		{Pattern: "POST /colleagues", Handler: p.mainOnly(p.colleagueInvite)},
		{Pattern: "POST /colleagues/{id}/role", Handler: p.mainOnly(p.colleagueRole)},
		{Pattern: "POST /colleagues/{id}/revoke", Handler: p.mainOnly(p.colleagueRevoke)},
		{Pattern: "POST /colleagues/{id}/resend", Handler: p.mainOnly(p.colleagueResend)},
		{Pattern: "POST /colleagues/registrations/{id}/approve", Handler: p.mainOnly(p.registrationApprove)},
		{Pattern: "POST /colleagues/registrations/{id}/reject", Handler: p.mainOnly(p.registrationReject)},
		{Pattern: "POST /account/delete", Handler: p.contact(p.accountDelete)},
		{Pattern: "GET /account", Handler: p.contact(p.account)},
		{Pattern: "POST /account/details", Handler: p.contact(p.accountDetails)},
		{Pattern: "POST /account/sessions/{id}/end", Handler: p.contact(p.accountSessionsEnd(true))},
		{Pattern: "POST /account/sessions/others/end", Handler: p.contact(p.accountSessionsEnd(false))},
		// The export is a POST (a button on My account), so that another site cannot start
		// it in a contact's browser (CrossOriginProtection covers unsafe methods only) and a
		// prefetch does not run it; the old address leads to its section, for bookmarks.
		{Pattern: "POST /account/export", Handler: p.contact(p.accountExport)},
		{Pattern: "GET /account/export", Handler: movedTo("/account#export")},
		{Pattern: "POST /account/passkeys/begin", Handler: p.contact(p.passkeyAddBegin)},
		{Pattern: "POST /account/passkeys", Handler: p.contact(p.passkeyAddFinish)},
		{Pattern: "POST /account/passkeys/{id}/rename", Handler: p.contact(p.passkeyRename)},
		{Pattern: "POST /account/passkeys/{id}/delete", Handler: p.contact(p.passkeyDelete)},
		{Pattern: "POST /account/twofactor/setup", Handler: p.contact(p.twoFactorStart)},
		{Pattern: "GET /account/twofactor/setup", Handler: p.contact(p.twoFactorSetup)},
		{Pattern: "POST /account/twofactor/confirm", Handler: p.contact(p.twoFactorConfirm)},
		{Pattern: "POST /account/twofactor/recovery", Handler: p.contact(p.twoFactorRecovery)},
		{Pattern: "POST /account/twofactor/recovery/file", Handler: p.contact(p.twoFactorRecoveryFile)},
		{Pattern: "POST /account/twofactor/disable", Handler: p.contact(p.twoFactorDisable)},
		{Pattern: "POST /account/twofactor/company", Handler: p.mainOnly(p.twoFactorCompany)},
		{Pattern: "POST /account/password", Handler: p.contact(p.passwordChange)},
		// The password change moved to My account; the old address stays for links in
		// mails and bookmarks (GET) and forms of pages opened before (POST, kept a POST).
		{Pattern: "GET /settings/password", Handler: movedTo("/account#password")},
		{Pattern: "POST /settings/password", Handler: movedTo("/account/password")},
		{Pattern: "POST /settings/language", Handler: p.contact(p.languageSave)},
		{Pattern: "GET /settings/notifications", Handler: p.helpdesk(p.notifications)},
		{Pattern: "POST /settings/notifications", Handler: p.helpdesk(p.notificationsSave)},
		{Pattern: "GET /choose", Handler: p.contact(p.chooseForm)},
		{Pattern: "POST /choose", Handler: p.contact(p.chooseSubmit)},
		{Pattern: "GET /brand/logo", Handler: p.brandLogo},
		{Pattern: "POST /preview/end", Handler: p.previewEnd},
		{Pattern: "/", Handler: p.notFound},
	}...)
	routes = append(routes, p.kbRoutes()...)
	routes = append(routes, p.downloadRoutes()...)
	return p.readOnly(routes)
}

func (p *Portal) notFound(w http.ResponseWriter, r *http.Request) { p.unknownAddress(w, r) }
