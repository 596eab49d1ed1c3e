package admin

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"pforte/internal/audit"
	"pforte/internal/i18n"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// auditList shows the tenant's audit log, newest first, filtered by action and by text
// in who or what. Paging is by id ("older than this entry") rather than by page
// number, so entries written meanwhile do not shift the pages and a deep page costs no
// more than the first.
func (a *Admin) auditList(w http.ResponseWriter, r *http.Request, v *visit) {
	before := keysetBefore(r)
	f := auditFilter(r)
	list, err := audit.List(r.Context(), a.env.DB, v.P.TenantID, f, before, web.PerPage+1)
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
	details, err := auditDetails(r.Context(), a.env.DB, v.P.TenantID, list)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	rows := auditRows(r.Context(), list, staff, contacts, details)
	web.Render(w, r, http.StatusOK, auditPage(v.chrome(r, "admin.audit.title"), f, rows, before > 0, older))
}

// auditFilter reads ?action= and ?q=. An action the log does not know and an overlong
// text are dropped rather than refused: a filter is a view, and a mangled link should
// still show the log.
func auditFilter(r *http.Request) audit.Filter {
	q := r.URL.Query()
	f := audit.Filter{Action: q.Get("action"), Query: strings.TrimSpace(q.Get("q"))}
	if !slices.Contains(auditActions(), f.Action) {
		f.Action = ""
	}
	if utf8.RuneCountInString(f.Query) > 100 || validate.HasControl(f.Query) {
		f.Query = ""
	}
	return f
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

// auditPath is the log's address with filter f, for paging links.
func auditPath(f audit.Filter) string {
	q := url.Values{}
	if f.Action != "" {
		q.Set("action", f.Action)
	}
	if f.Query != "" {
		q.Set("q", f.Query)
	}
	if len(q) == 0 {
		return "/admin/audit"
	}
	return "/admin/audit?" + q.Encode()
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
