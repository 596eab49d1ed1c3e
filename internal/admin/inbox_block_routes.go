package admin

import "pforte/internal/web"

// inboxBlockRoutes answer and block the senders of unsorted mail (any staff member, on
// the mail's page; a whole domain only admins, inboxBlock), and keep the list of
// blocked senders among the helpdesk settings (admins, like the other settings).
func (a *Admin) inboxBlockRoutes() []web.Route {
	return []web.Route{
		{Pattern: "POST /admin/inbox/{id}/reply", Handler: a.staff(a.inboxReply)},
		{Pattern: "POST /admin/inbox/{id}/block", Handler: a.staff(a.inboxBlock)},
		// Undoing: lifting the sender's block (who blocked it, or an admin) and
		// reopening an item marked done (inbox_unblock.go, inbox_reopen.go).
		{Pattern: "POST /admin/inbox/{id}/unblock", Handler: a.staff(a.inboxUnblock)},
		{Pattern: "POST /admin/inbox/{id}/reopen", Handler: a.staff(a.inboxReopen)},
		{Pattern: "GET " + blockedPath, Handler: a.adminOnly(a.helpdeskBlocked)},
		{Pattern: "POST " + blockedPath, Handler: a.adminOnly(a.helpdeskBlockAdd)},
		{Pattern: "POST " + blockedPath + "/{id}/remove", Handler: a.adminOnly(a.helpdeskUnblock)},
	}
}
