package admin

import "pforte/internal/web"

// reportRoutes are the helpdesk's reports: figures over a period and the period's
// tickets as a CSV file, for admins and agents of tenants that use the helpdesk.
func (a *Admin) reportRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /admin/reports", Handler: a.helpdesk(a.reportShow)},
		{Pattern: "GET /admin/reports/tickets.csv", Handler: a.helpdesk(a.reportCSV)},
		{Pattern: "GET /admin/reports/time.csv", Handler: a.helpdesk(a.reportTimeCSV)},
	}
}
