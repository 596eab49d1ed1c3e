package admin

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"pforte/internal/audit"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// auditList shows the tenant's audit log, newest first, filtered by action, by text
// in who or what, and by days. Paging is by id ("older than this entry") rather than
// by page number, so entries written meanwhile do not shift the pages and a deep page
// costs no more than the first. Dates that cannot be used answer 422 with the form
// and their messages.
func (a *Admin) auditList(w http.ResponseWriter, r *http.Request, v *visit) {
	aq := auditAskOf(r, v.Tenant.Location())
	c := v.chrome(r, "admin.audit.title")
	if aq.Errors.Any() {
		web.Render(w, r, http.StatusUnprocessableEntity, auditPage(c, aq, nil, false, 0))
		return
	}
	before := keysetBefore(r)
	list, err := audit.List(r.Context(), a.env.DB, v.P.TenantID, aq.Filter, before, web.PerPage+1)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	var older int64
	if len(list) > web.PerPage { // one row more than shown tells that older ones exist
		list = list[:web.PerPage]
		older = list[len(list)-1].ID
	}
	rows, err := a.auditRowsOf(r.Context(), v.P.TenantID, list)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, http.StatusOK, auditPage(c, aq, rows, before > 0, older))
}

// auditRowsOf makes entries readable: the actors' current names and the details as
// sentences with links, a few queries for the whole list.
func (a *Admin) auditRowsOf(ctx context.Context, tenantID int64, list []audit.Entry) ([]auditRow, error) {
	actors := make([]audit.Actor, len(list))
	for i, e := range list {
		actors[i] = audit.ParseActor(e.Actor)
	}
	staff, contacts, err := audit.Names(ctx, a.env.DB, tenantID, actors)
	if err != nil {
		return nil, err
	}
	details, err := auditDetails(ctx, a.env.DB, tenantID, list)
	if err != nil {
		return nil, err
	}
	return auditRows(ctx, list, staff, contacts, details), nil
}

// auditActions are the actions the log can hold: every one has a label
// (audit.action.<name>), and the English message file is complete (i18n tests).
var auditActions = sync.OnceValue(func() []string {
	keys, _ := i18n.Keys("en")
	var out []string
	for _, k := range keys {
		if a, ok := strings.CutPrefix(k, "audit.action."); ok {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
})

// auditPath is the log's address with the filter, for paging links and the CSV
// export (base "/admin/audit" or "/admin/audit.csv").
func auditPath(base string, aq auditAsk) string {
	q := url.Values{}
	if aq.Action != "" {
		q.Set("action", aq.Action)
	}
	if aq.Query != "" {
		q.Set("q", aq.Query)
	}
	if aq.FromText != "" {
		q.Set("from", aq.FromText)
	}
	if aq.ToText != "" {
		q.Set("to", aq.ToText)
	}
	if len(q) == 0 {
		return base
	}
	return base + "?" + q.Encode()
}

// auditChoices are the action filter's options, sorted by their label in the reader's
// language, after "all actions".
func auditChoices(ctx context.Context) []web.Choice {
	out := []web.Choice{}
	for _, a := range auditActions() {
		out = append(out, web.Choice{Value: a, Label: actionLabel(ctx, a)})
	}
	slices.SortFunc(out, func(x, y web.Choice) int { return strings.Compare(x.Label, y.Label) })
	return append([]web.Choice{{Value: "", Label: i18n.T(ctx, "admin.audit.all_actions")}}, out...)
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

// olderLink is the URL of the page after the entry with id; path may carry a query.
func olderLink(path string, id int64) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "before=" + strconv.FormatInt(id, 10)
}

// actionLabel translates an audit action; an action without a message (written by a
// newer version, say) shows its raw name rather than a message id.
func actionLabel(ctx context.Context, action string) string {
	id := "audit.action." + action
	if s := i18n.T(ctx, id); s != id {
		return s
	}
	return action
}
