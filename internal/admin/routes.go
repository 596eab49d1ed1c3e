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
	env     *web.Env
	svc     *access.Service
	changed func() // called after tenant settings change (drops cached tenants)
}

// Routes returns the back office's routes.
func Routes(env *web.Env, svc *access.Service, tenantChanged func()) []web.Route {
	a := &Admin{env: env, svc: svc, changed: tenantChanged}
	return []web.Route{
		{Pattern: "GET /admin/setup/{token}", Handler: a.setupForm},
		{Pattern: "POST /admin/setup/{token}", Handler: a.setupSubmit},
		{Pattern: "GET /admin/login", Handler: a.loginForm},
		{Pattern: "POST /admin/login", Handler: a.loginSubmit},
		{Pattern: "POST /admin/logout", Handler: a.logout},
		{Pattern: "GET /admin/invitation/{token}", Handler: a.invitationForm},
		{Pattern: "POST /admin/invitation/{token}", Handler: a.invitationSubmit},
		{Pattern: "GET /admin/{$}", Handler: a.staff(a.dashboard)},
		{Pattern: "POST /admin/language", Handler: a.staff(a.languageSave)},
		{Pattern: "GET /admin/companies", Handler: a.staff(a.companyList)},
		{Pattern: "GET /admin/companies/new", Handler: a.staff(a.companyNew)},
		{Pattern: "POST /admin/companies", Handler: a.staff(a.companyCreate)},
		{Pattern: "GET /admin/companies/{id}", Handler: a.staff(a.companyShow)},
		{Pattern: "POST /admin/companies/{id}", Handler: a.staff(a.companyUpdate)},
		{Pattern: "POST /admin/companies/{id}/grant", Handler: a.staff(a.companyGrant)},
		{Pattern: "POST /admin/companies/{id}/twofactor", Handler: a.staff(a.companyTwoFactorSave)},
		{Pattern: "GET /admin/contacts", Handler: a.staff(a.contactList)},
		{Pattern: "GET /admin/contacts/new", Handler: a.staff(a.contactNew)},
		{Pattern: "POST /admin/contacts", Handler: a.staff(a.contactCreate)},
		{Pattern: "GET /admin/contacts/{id}", Handler: a.staff(a.contactShow)},
		{Pattern: "POST /admin/contacts/{id}", Handler: a.staff(a.contactUpdate)},
		{Pattern: "POST /admin/contacts/{id}/memberships", Handler: a.staff(a.membershipAdd)},
		{Pattern: "POST /admin/memberships/{id}/grant", Handler: a.staff(a.accessGrant)},
		{Pattern: "POST /admin/memberships/{id}/revoke", Handler: a.staff(a.accessRevoke)},
		{Pattern: "GET /admin/outbox", Handler: a.staff(a.outboxList)},
		{Pattern: "GET /admin/outbox/{id}", Handler: a.staff(a.outboxShow)},
		{Pattern: "GET /admin/staff", Handler: a.adminOnly(a.staffList)},
		{Pattern: "POST /admin/staff", Handler: a.adminOnly(a.staffCreate)},
		{Pattern: "POST /admin/staff/{id}", Handler: a.adminOnly(a.staffUpdate)},
		{Pattern: "POST /admin/staff/{id}/resend", Handler: a.adminOnly(a.staffResend)},
		{Pattern: "GET /admin/settings", Handler: a.adminOnly(a.settingsForm)},
		{Pattern: "POST /admin/settings", Handler: a.adminOnly(a.settingsSave)},
		{Pattern: "GET /admin/settings/mail", Handler: a.adminOnly(a.mailSettingsForm)},
		{Pattern: "POST /admin/settings/mail", Handler: a.adminOnly(a.mailSettingsSave)},
		{Pattern: "POST /admin/settings/mail/test", Handler: a.adminOnly(a.mailSettingsTest)},
		{Pattern: "GET /admin/audit", Handler: a.adminOnly(a.auditList)},
		{Pattern: "/admin/", Handler: a.staff(a.notFound)},
	}
}

func (a *Admin) notFound(w http.ResponseWriter, r *http.Request, _ *visit) { a.env.NotFound(w, r) }
