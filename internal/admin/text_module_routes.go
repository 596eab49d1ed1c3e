package admin

import "pforte/internal/web"

// textModuleRoutes are the helpdesk's text modules: agents and admins manage them
// (linked from Settings → Helpdesk and from the ticket pages) and insert them into a
// reply on the ticket page, filled in for that ticket.
func (a *Admin) textModuleRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /admin/text-modules", Handler: a.helpdesk(a.textModuleList)},
		{Pattern: "GET /admin/text-modules/new", Handler: a.helpdesk(a.textModuleNew)},
		{Pattern: "POST /admin/text-modules", Handler: a.helpdesk(a.textModuleSave)},
		{Pattern: "GET /admin/text-modules/{id}", Handler: a.helpdesk(a.textModuleEdit)},
		{Pattern: "POST /admin/text-modules/{id}", Handler: a.helpdesk(a.textModuleSave)},
		{Pattern: "POST /admin/text-modules/{id}/active", Handler: a.helpdesk(a.textModuleActive)},
		{Pattern: "POST /admin/text-modules/{id}/delete", Handler: a.helpdesk(a.textModuleDelete)},
		{Pattern: "GET /admin/tickets/{id}/text-modules/{module}", Handler: a.helpdesk(a.ticketTextModule)},
		{Pattern: "POST /admin/tickets/{id}/text-modules", Handler: a.helpdesk(a.ticketTextModuleInsert)},
	}
}
