package admin

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/inbox"
	"pforte/internal/web"
)

// inboxFilter is the list's choice of kind and state; the list opens on what is open.
type inboxFilter struct {
	Kind, State string
}

// query is the filter as URL parameters, for links to further pages.
func (f inboxFilter) query() url.Values {
	q := url.Values{}
	if f.Kind != "" {
		q.Set("kind", f.Kind)
	}
	q.Set("state", orAll(f.State))
	return q
}

// inboxFilterOf reads the filter; unknown values fall back to "all" (kind) and "open"
// (state) rather than an error, like a mangled paging link.
func inboxFilterOf(r *http.Request) inboxFilter {
	q := r.URL.Query()
	f := inboxFilter{Kind: q.Get("kind"), State: q.Get("state")}
	if !slices.Contains(inbox.Kinds, f.Kind) {
		f.Kind = ""
	}
	switch {
	case f.State == "all":
		f.State = ""
	case !slices.Contains(inbox.States, f.State):
		f.State = inbox.StateOpen
	}
	return f
}

// inboxList shows the tenant's inbox items by their last activity, newest first (a
// reopened item, or one a new mail joined, comes back to the top), filtered by kind
// and state and paged by keyset (?before=<activity>_<id>), so the list stays fast
// however many items were handled over the years.
func (a *Admin) inboxList(w http.ResponseWriter, r *http.Request, v *visit) {
	f := inboxFilterOf(r)
	after, paged := inbox.ParseCursor(r.URL.Query().Get("before"))
	list, err := inbox.List(r.Context(), a.env.DB, v.P.TenantID,
		inbox.Filter{Kind: f.Kind, State: f.State, After: after, Limit: web.PerPage + 1})
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	var older string
	if len(list) > web.PerPage {
		list = list[:web.PerPage]
		q := f.query()
		q.Set("before", inbox.CursorOf(list[len(list)-1]).String())
		older = "/admin/inbox?" + q.Encode()
	}
	newest := ""
	if paged {
		newest = "/admin/inbox?" + f.query().Encode()
	}
	web.Render(w, r, http.StatusOK, inboxListPage(v.chrome(r, "inbox.title"), f, list, newest, older))
}

// inboxNav is the navigation's inbox link with the number of open items.
func inboxNav(ctx context.Context, r *http.Request, open int) web.NavItem {
	label := i18n.T(ctx, "admin.nav.inbox")
	if open > 0 {
		label = i18n.T(ctx, "admin.nav.inbox_open", map[string]any{"Count": open})
	}
	return web.NavItem{Label: label, Href: "/admin/inbox", Current: strings.HasPrefix(r.URL.Path, "/admin/inbox")}
}

// unverifiedMail reports whether it is a mail the tenant's trusted mail server did not
// vouch for: the list marks it, so staff see before opening it that its From line may
// be forged.
func unverifiedMail(it inbox.Item) bool {
	if it.Kind != inbox.KindMail {
		return false
	}
	var p inbox.MailPayload
	return it.Decode(&p) == nil && p.AuthServer != "" && !p.AuthPass
}
