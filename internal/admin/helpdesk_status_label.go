package admin

import (
	"context"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// builtinStatusName is a built-in status's own name as staff read it everywhere in the
// back office (statusName): "waiting" is waiting for the customer, not "for your
// reply", which is the portal's wording.
func builtinStatusName(ctx context.Context, code string) string {
	if code == ticket.CodeWaiting {
		return i18n.T(ctx, "admin_day.status.waiting")
	}
	return i18n.T(ctx, "ticket.status."+code)
}

// statusNameDescribedBy ties a status's name field to the line naming the built-in
// status and to its error, whichever there are.
func statusNameDescribedBy(s ticket.Status, f web.Form, id string) string {
	var ids []string
	if s.Code != "" {
		ids = append(ids, id+"-title")
	}
	if f.Errors["name"].ID != "" {
		ids = append(ids, id+"-name-e")
	}
	return strings.Join(ids, " ")
}
