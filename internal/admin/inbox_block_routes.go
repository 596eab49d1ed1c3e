package admin

import "pforte/internal/web"

// inboxBlockRoutes answer and block the senders of unsorted mail (any staff member, on
// the mail's page; a whole domain only admins, inboxBlock), and keep the list of
// blocked senders among the helpdesk settings (admins, like the other settings).
func (a *Admin) inboxBlockRoutes() []web.Route {
	return []web.Route{
		{Pattern: "POST /admin/inbox/{id}/reply", Handler: a.staff(a.inboxReply)},
		{Pattern: "POST /admin/inbox/{id}/block", Handler: a.staff(a.inboxBlock)},
		{Pattern: "GET " + blockedPath, Handler: a.adminOnly(a.helpdeskBlocked)},
		{Pattern: "POST " + blockedPath, Handler: a.adminOnly(a.helpdeskBlockAdd)},
		{Pattern: "POST " + blockedPath + "/{id}/remove", Handler: a.adminOnly(a.helpdeskUnblock)},
	}
}
