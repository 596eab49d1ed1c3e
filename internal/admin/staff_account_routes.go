package admin

import "pforte/internal/web"

// staffAccountRoutes are a staff member's own account ("My account": name, language,
// password, signature, helpdesk mails, two-factor sign-in) and the back office's
// forgotten-password and second login step, which work without a session.
func (a *Admin) staffAccountRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /admin/account", Handler: a.staff(a.staffAccount)},
		{Pattern: "POST /admin/account/details", Handler: a.staff(a.staffAccountDetails)},
		{Pattern: "POST /admin/account/password", Handler: a.staff(a.staffPasswordChange)},
		{Pattern: "POST /admin/account/signature", Handler: a.staff(a.staffSignatureSave)},
		{Pattern: "POST /admin/account/sessions/{id}/end", Handler: a.staff(a.staffSessionsEnd(true))},
		{Pattern: "POST /admin/account/sessions/others/end", Handler: a.staff(a.staffSessionsEnd(false))},
		{Pattern: "POST /admin/account/notifications", Handler: a.helpdesk(a.staffNotifySave)},
		{Pattern: "POST /admin/account/twofactor/setup", Handler: a.staff(a.staffTwoFactorStart)},
		{Pattern: "GET /admin/account/twofactor/setup", Handler: a.staff(a.staffTwoFactorSetup)},
		{Pattern: "POST /admin/account/twofactor/confirm", Handler: a.staff(a.staffTwoFactorConfirm)},
		{Pattern: "POST /admin/account/twofactor/recovery", Handler: a.staff(a.staffTwoFactorRecovery)},
		{Pattern: "POST /admin/account/twofactor/recovery/file", Handler: a.staff(a.staffTwoFactorRecoveryFile)},
		{Pattern: "POST /admin/account/twofactor/disable", Handler: a.staff(a.staffTwoFactorDisable)},
		{Pattern: "GET /admin/login/code", Handler: a.staffLoginCodeForm},
		{Pattern: "POST /admin/login/code", Handler: a.staffLoginCodeSubmit},
		{Pattern: "GET /admin/password/forgot", Handler: a.staffForgotForm},
		{Pattern: "POST /admin/password/forgot", Handler: a.staffForgotSubmit},
		{Pattern: "GET /admin/password/reset/{token}", Handler: a.staffResetForm},
		{Pattern: "POST /admin/password/reset/{token}", Handler: a.staffResetSubmit},
	}
}
