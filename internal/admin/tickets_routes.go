package admin

import (
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// ticketRoutes are the back office's helpdesk pages: the queue, a ticket with its
// conversation and the forms that change it, staff opening a ticket for a customer,
// and the tenant's helpdesk settings.
func (a *Admin) ticketRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /admin/tickets", Handler: a.helpdesk(a.ticketList)},
		{Pattern: "GET /admin/tickets/new", Handler: a.helpdesk(a.ticketNewForm)},
		{Pattern: "POST /admin/tickets", Handler: a.helpdesk(a.ticketCreate)},
		{Pattern: "POST /admin/tickets/bulk", Handler: a.helpdesk(a.ticketBulk)},
		{Pattern: "POST /admin/tickets/read", Handler: a.helpdesk(a.ticketsRead)},
		{Pattern: "GET /admin/tickets/{id}", Handler: a.helpdesk(a.ticketShow)},
		{Pattern: "GET /admin/tickets/{id}/files/{file}", Handler: a.helpdesk(a.ticketFile)},
		{Pattern: "POST /admin/tickets/{id}/reply", Handler: a.helpdesk(a.ticketReply)},
		{Pattern: "POST /admin/tickets/{id}/status", Handler: a.helpdesk(a.ticketStatus)},
		{Pattern: "POST /admin/tickets/{id}/assign", Handler: a.helpdesk(a.ticketAssign)},
		{Pattern: "POST /admin/tickets/{id}/billed", Handler: a.helpdesk(a.ticketBilled)},
		{Pattern: "POST /admin/tickets/{id}/details", Handler: a.helpdesk(a.ticketDetails)},
		{Pattern: "POST /admin/tickets/{id}/accept", Handler: a.helpdesk(a.ticketAccept)},
		{Pattern: "POST /admin/tickets/{id}/decline", Handler: a.helpdesk(a.ticketDecline)},
		{Pattern: "POST /admin/tickets/{id}/merge", Handler: a.helpdesk(a.ticketMerge)},
		{Pattern: "POST /admin/tickets/{id}/subject", Handler: a.helpdesk(a.ticketSubject)},
		{Pattern: "GET /admin/tickets/{id}/move", Handler: a.helpdesk(a.ticketMovePage)},
		{Pattern: "POST /admin/tickets/{id}/move", Handler: a.helpdesk(a.ticketMove)},
		{Pattern: "POST /admin/tickets/{id}/followers", Handler: a.helpdesk(a.ticketFollowerAdd)},
		{Pattern: "POST /admin/tickets/{id}/followers/{contact}/remove", Handler: a.helpdesk(a.ticketFollowerRemove)},
		{Pattern: "GET /admin/tickets/{id}/delete", Handler: a.helpdeskAdmin(a.ticketDeleteConfirm)},
		{Pattern: "POST /admin/tickets/{id}/delete", Handler: a.helpdeskAdmin(a.ticketDelete)},
		{Pattern: "POST /admin/tickets/{id}/followup", Handler: a.helpdesk(a.ticketFollowUp)},
		{Pattern: "POST /admin/tickets/{id}/presence", Handler: a.heartbeat(a.ticketPresence)},
		{Pattern: "GET /admin/settings/helpdesk", Handler: a.adminOnly(a.helpdeskSettings)},
		{Pattern: "POST /admin/settings/helpdesk", Handler: a.adminOnly(a.helpdeskRulesSave)},
		{Pattern: "POST /admin/settings/helpdesk/sla", Handler: a.adminOnly(a.helpdeskSLASave)},
		{Pattern: "POST /admin/settings/helpdesk/hours", Handler: a.adminOnly(a.helpdeskHoursSave)},
		{Pattern: "POST /admin/settings/helpdesk/automation", Handler: a.adminOnly(a.helpdeskAutomationSave)},
		{Pattern: "POST /admin/settings/helpdesk/statuses", Handler: a.adminOnly(a.helpdeskStatusSave)},
		{Pattern: "POST /admin/settings/helpdesk/statuses/{id}", Handler: a.adminOnly(a.helpdeskStatusSave)},
		{Pattern: "POST /admin/settings/helpdesk/categories", Handler: a.adminOnly(a.helpdeskCategorySave)},
		{Pattern: "POST /admin/settings/helpdesk/categories/{id}", Handler: a.adminOnly(a.helpdeskCategorySave)},
	}
}

// helpdeskModule is the module switch the ticket pages live under.
const helpdeskModule = "helpdesk"

// helpdesk admits staff of tenants that use the helpdesk; with the module off the
// ticket pages do not exist, as in the portal.
func (a *Admin) helpdesk(h handler) http.HandlerFunc {
	return a.staff(func(w http.ResponseWriter, r *http.Request, v *visit) {
		if !v.Tenant.HasModule(helpdeskModule) {
			a.env.NotFound(w, r)
			return
		}
		h(w, r, v)
	})
}

// usesHelpdesk reports whether the navigation shows the tickets link.
func usesHelpdesk(t tenant.Tenant) bool { return t.HasModule(helpdeskModule) }

// isNotFound reports a missing (or another tenant's) record.
func isNotFound(err error) bool { return errors.Is(err, db.ErrNotFound) }
