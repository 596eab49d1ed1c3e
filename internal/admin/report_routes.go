package admin

import "pforte/internal/web"

// reportRoutes are the helpdesk's reports: figures over a period and the period's
// tickets as a CSV file, for admins and agents of tenants that use the helpdesk.
func (a *Admin) reportRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /admin/reports", Handler: a.helpdesk(a.reportShow)},
		// The exports are POSTs: each writes an audit entry (exportPage).
		{Pattern: "POST /admin/reports/tickets.csv", Handler: a.helpdesk(a.reportCSV)},
		{Pattern: "POST /admin/reports/time.csv", Handler: a.helpdesk(a.reportTimeCSV)},
		{Pattern: "GET /admin/reports/tickets.csv", Handler: a.helpdesk(exportPage("/admin/reports"))},
		{Pattern: "GET /admin/reports/time.csv", Handler: a.helpdesk(exportPage("/admin/reports"))},
	}
}
