// Package admin serves the back office at /admin: staff login and first-admin setup,
// companies, contacts and portal access, staff, settings, the outbox and the audit log.
// Every query is scoped to the staff member's tenant.
package admin

import (
	"net/http"

	"pforte/internal/access"
	"pforte/internal/web"
)

// Admin holds the handlers' dependencies.
type Admin struct {
	env *web.Env
	svc *access.Service
}

// Routes returns the back office's routes.
func Routes(env *web.Env, svc *access.Service) []web.Route {
	a := &Admin{env: env, svc: svc}
	routes := []web.Route{
		{Pattern: "GET /admin/setup/{token}", Handler: a.setupForm},
		{Pattern: "POST /admin/setup/{token}", Handler: a.setupSubmit},
		{Pattern: "GET /admin/login", Handler: a.loginForm},
		{Pattern: "POST /admin/login", Handler: a.loginSubmit},
		{Pattern: "POST /admin/logout", Handler: a.logout},
		{Pattern: "GET /admin/invitation/{token}", Handler: a.invitationForm},
		{Pattern: "POST /admin/invitation/{token}", Handler: a.invitationSubmit},
		{Pattern: "GET /admin/{$}", Handler: a.staff(a.dashboard)},
		{Pattern: "POST /admin/first-steps/hide", Handler: a.adminOnly(a.firstStepsHide)},
		{Pattern: "POST /admin/language", Handler: a.staff(a.languageSave)},
		{Pattern: "GET /admin/companies", Handler: a.staff(a.companyList)},
		{Pattern: "GET /admin/companies/new", Handler: a.staff(a.companyNew)},
		{Pattern: "POST /admin/companies", Handler: a.staff(a.companyCreate)},
		{Pattern: "GET /admin/companies/{id}", Handler: a.staff(a.companyShow)},
		{Pattern: "POST /admin/companies/{id}", Handler: a.staff(a.companyUpdate)},
		{Pattern: "POST /admin/companies/{id}/grant", Handler: a.staff(a.companyGrant)},
		{Pattern: "POST /admin/companies/{id}/twofactor", Handler: a.staff(a.companyTwoFactorSave)},
		{Pattern: "POST /admin/companies/{id}/note", Handler: a.staff(a.companyNoteSave)},
		{Pattern: "GET /admin/companies/{id}/archive", Handler: a.staff(a.companyArchiveConfirm)},
		{Pattern: "POST /admin/companies/{id}/archive", Handler: a.staff(a.companyArchive)},
		{Pattern: "POST /admin/companies/{id}/restore", Handler: a.staff(a.companyRestore)},
		{Pattern: "GET /admin/contacts", Handler: a.staff(a.contactList)},
		{Pattern: "GET /admin/contacts/new", Handler: a.staff(a.contactNew)},
		{Pattern: "POST /admin/contacts", Handler: a.staff(a.contactCreate)},
		{Pattern: "GET /admin/contacts/{id}", Handler: a.staff(a.contactShow)},
		{Pattern: "POST /admin/contacts/{id}", Handler: a.staff(a.contactUpdate)},
		{Pattern: "POST /admin/contacts/{id}/memberships", Handler: a.staff(a.membershipAdd)},
		{Pattern: "POST /admin/memberships/{id}/grant", Handler: a.staff(a.accessGrant)},
		{Pattern: "POST /admin/memberships/{id}/revoke", Handler: a.staff(a.accessRevoke)},
		{Pattern: "POST /admin/memberships/{id}/role", Handler: a.staff(a.accessRole)},
		{Pattern: "GET /admin/inbox", Handler: a.staff(a.inboxList)},
		{Pattern: "GET /admin/inbox/{id}", Handler: a.staff(a.inboxShow)},
		{Pattern: "POST /admin/inbox/{id}/approve", Handler: a.staff(a.inboxApprove)},
		{Pattern: "POST /admin/inbox/{id}/reject", Handler: a.staff(a.inboxReject)},
		{Pattern: "POST /admin/inbox/{id}/done", Handler: a.staff(a.inboxDone)},
		{Pattern: "POST /admin/inbox/{id}/approve-new", Handler: a.staff(a.inboxApproveNew)},
		{Pattern: "POST /admin/inbox/{id}/ticket", Handler: a.staff(a.inboxTicket)},
		{Pattern: "POST /admin/inbox/{id}/attach", Handler: a.staff(a.inboxAttach)},
		{Pattern: "POST /admin/inbox/{id}/ticket-company", Handler: a.staff(a.inboxTicketCompany)},
		{Pattern: "GET /admin/inbox/{id}/files/{n}", Handler: a.staff(a.inboxFile)},
		{Pattern: "GET /admin/inbox/{id}/raw", Handler: a.staff(a.inboxRaw)},
		{Pattern: "GET /admin/outbox", Handler: a.staff(a.outboxList)},
		{Pattern: "GET /admin/outbox/{id}", Handler: a.staff(a.outboxShow)},
		{Pattern: "POST /admin/outbox/{id}/retry", Handler: a.adminOnly(a.outboxRetry)},
		{Pattern: "POST /admin/outbox/{id}/discard", Handler: a.adminOnly(a.outboxDiscard)},
		{Pattern: "POST /admin/outbox/discard-held", Handler: a.adminOnly(a.outboxDiscardHeld)},
		{Pattern: "GET /admin/staff", Handler: a.adminOnly(a.staffList)},
		{Pattern: "POST /admin/staff", Handler: a.adminOnly(a.staffCreate)},
		{Pattern: "POST /admin/staff/{id}", Handler: a.adminOnly(a.staffUpdate)},
		{Pattern: "POST /admin/staff/{id}/resend", Handler: a.adminOnly(a.staffResend)},
		{Pattern: "POST /admin/staff/{id}/name", Handler: a.adminOnly(a.staffRename)},
		{Pattern: "POST /admin/staff/{id}/withdraw", Handler: a.adminOnly(a.staffWithdraw)},
		{Pattern: "GET /admin/settings", Handler: a.adminOnly(a.settingsForm)},
		{Pattern: "POST /admin/settings", Handler: a.adminOnly(a.settingsSave)},
		{Pattern: "GET /admin/settings/mail", Handler: a.adminOnly(a.mailSettingsForm)},
		{Pattern: "POST /admin/settings/mail", Handler: a.adminOnly(a.mailSettingsSave)},
		{Pattern: "POST /admin/settings/mail/test", Handler: a.adminOnly(a.mailSettingsTest)},
		{Pattern: "POST /admin/settings/mail/inbound", Handler: a.adminOnly(a.mailInboundAuthSave)},
		{Pattern: "GET /admin/settings/mails", Handler: a.adminOnly(a.mailTemplateList)},
		{Pattern: "GET /admin/settings/mails/{name}/{lang}", Handler: a.adminOnly(a.mailTemplateForm)},
		{Pattern: "POST /admin/settings/mails/{name}/{lang}", Handler: a.adminOnly(a.mailTemplateSave)},
		{Pattern: "POST /admin/settings/mails/{name}/{lang}/preview", Handler: a.adminOnly(a.mailTemplatePreview)},
		{Pattern: "POST /admin/settings/mails/{name}/{lang}/preview/html", Handler: a.adminOnly(a.mailTemplatePreviewHTML)},
		{Pattern: "POST /admin/settings/mails/{name}/{lang}/reset", Handler: a.adminOnly(a.mailTemplateReset)},
		{Pattern: "GET /admin/audit", Handler: a.adminOnly(a.auditList)},
		// The exports are POSTs: each writes an audit entry (exportPage).
		{Pattern: "POST /admin/audit.csv", Handler: a.adminOnly(a.auditCSV)},
		{Pattern: "GET /admin/audit.csv", Handler: a.adminOnly(exportPage("/admin/audit"))},
		{Pattern: "GET " + retentionPath, Handler: a.adminOnly(a.retentionForm)},
		{Pattern: "POST " + retentionPath, Handler: a.adminOnly(a.retentionSave)},
		{Pattern: "GET /admin/settings/branding", Handler: a.adminOnly(a.brandingForm)},
		{Pattern: "POST /admin/settings/branding", Handler: a.adminOnly(a.brandingSave)},
		{Pattern: "POST /admin/settings/branding/logo/remove", Handler: a.adminOnly(a.brandingLogoRemove)},
		{Pattern: "POST /admin/contacts/{id}/preview", Handler: a.staff(a.previewStart)},
		{Pattern: "/admin/", Handler: a.staff(a.notFound)},
	}
	routes = append(routes, a.ticketRoutes()...)
	routes = append(routes, a.ticketTimeRoutes()...)
	routes = append(routes, a.reportRoutes()...)
	routes = append(routes, a.textModuleRoutes()...)
	routes = append(routes, a.moduleRoutes("knowledge", a.kbRoutes())...)
	routes = append(routes, a.staffAccountRoutes()...)
	routes = append(routes, a.contactSupportRoutes()...)
	routes = append(routes, a.contactEraseRoutes()...)
	routes = append(routes, a.inboxBlockRoutes()...)
	return append(routes, a.moduleRoutes("downloads", a.downloadRoutes())...)
}

func (a *Admin) notFound(w http.ResponseWriter, r *http.Request, _ *visit) { a.env.NotFound(w, r) }
