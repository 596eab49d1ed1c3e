package admin

import (
	"net/http"
	"strings"

	"pforte/internal/web"
)

// moduleRoutes makes a module's back-office pages answer as the helpdesk's do while
// the tenant has the module off (helpdesk): they do not exist, as in the portal, and
// the navigation and dashboard leave them out. Staff are still asked to sign in
// first, and get the 404 page in their own frame. The module's settings page stays,
// as the helpdesk settings do: an admin prepares them before switching it on.
func (a *Admin) moduleRoutes(module string, routes []web.Route) []web.Route {
	off := a.staff(a.notFound)
	for i, rt := range routes {
		if strings.Contains(rt.Pattern, "/settings") {
			continue
		}
		on := rt.Handler
		routes[i].Handler = func(w http.ResponseWriter, r *http.Request) {
			if !web.TenantFrom(r.Context()).HasModule(module) {
				off(w, r)
				return
			}
			on(w, r)
		}
	}
	return routes
}
