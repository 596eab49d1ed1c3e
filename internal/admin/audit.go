package admin

import (
	"context"
	"net/http"
	"strconv"

	"pforte/internal/audit"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// auditList shows the tenant's audit log, newest first. Paging is by id ("older than
// this entry") rather than by page number, so entries written meanwhile do not shift
// the pages and a deep page costs no more than the first.
func (a *Admin) auditList(w http.ResponseWriter, r *http.Request, v *visit) {
	before := keysetBefore(r)
	list, err := audit.List(r.Context(), a.env.DB, v.P.TenantID, before, web.PerPage+1)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	var older int64
	if len(list) > web.PerPage { // one row more than shown tells that older ones exist
		list = list[:web.PerPage]
		older = list[len(list)-1].ID
	}
	actors := make([]audit.Actor, len(list))
	for i, e := range list {
		actors[i] = audit.ParseActor(e.Actor)
	}
	staff, contacts, err := audit.Names(r.Context(), a.env.DB, v.P.TenantID, actors)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	rows := auditRows(r.Context(), list, staff, contacts)
	web.Render(w, r, http.StatusOK, auditPage(v.chrome(r, "admin.audit.title"), rows, before > 0, older))
}

// keysetBefore reads ?before=<id>; anything but a positive number means the newest page,
// so a mangled link shows the start of the list instead of an error.
func keysetBefore(r *http.Request) int64 {
	id, err := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	if err != nil || id < 1 {
		return 0
	}
	return id
}

// olderLink is the URL of the page after the entry with id.
func olderLink(path string, id int64) string { return path + "?before=" + strconv.FormatInt(id, 10) }

// actionLabel translates an audit action; an action without a message (written by a
// newer version, say) shows its raw name rather than a message id.
func actionLabel(ctx context.Context, action string) string {
	id := "audit.action." + action
	if s := i18n.T(ctx, id); s != id {
		return s
	}
	return action
}
