package server_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// htmxVerbs are the attributes that make an element send an htmx request.
var htmxVerbs = []string{"hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete"}

// liveRoles are the roles that make an element a live region of its own.
var liveRoles = []string{"status", "alert", "log", "marquee", "timer"}

// swapAttr returns n's attribute key, and whether it has it.
func swapAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// swapInherited returns key from n or its nearest ancestor that has it (htmx inherits
// hx-target and hx-swap).
func swapInherited(n *html.Node, key string) string {
	for ; n != nil; n = n.Parent {
		if v, ok := swapAttr(n, key); ok {
			return v
		}
	}
	return ""
}

// swapWithin reports whether n is outer or one of its descendants.
func swapWithin(n, outer *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == outer {
			return true
		}
	}
	return false
}

// swapDescribe names an element for a failure message.
func swapDescribe(n *html.Node) string {
	s := "<" + n.Data
	for _, k := range append([]string{"id", "class", "name"}, htmxVerbs...) {
		if v, ok := swapAttr(n, k); ok {
			s += " " + k + "=" + v
		}
	}
	return s + ">"
}

// swapProblems lists what the page's htmx swaps do to a screen reader or a keyboard:
// an outerHTML swap that replaces a live region (the new region is not the one the
// screen reader watches, so its content goes unread), and a swap that replaces the
// element which has the focus when it fires without an id (htmx puts the focus back
// on the new element of the focused one's id; without one it falls to the page's top).
func swapProblems(t *testing.T, body string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	ids := map[string]*html.Node{}
	var all []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			all = append(all, n)
			if id, ok := swapAttr(n, "id"); ok {
				ids[id] = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var problems []string
	for _, n := range all {
		if !slices.ContainsFunc(htmxVerbs, func(v string) bool { _, ok := swapAttr(n, v); return ok }) {
			continue
		}
		target := n
		switch sel := swapInherited(n, "hx-target"); {
		case strings.HasPrefix(sel, "#"):
			if target = ids[sel[1:]]; target == nil {
				problems = append(problems, swapDescribe(n)+": no element "+sel)
				continue
			}
		case sel != "" && sel != "this":
			continue // closest/find selectors: none in Pforte yet
		}
		swap := strings.Fields(swapInherited(n, "hx-swap") + " innerHTML")[0]
		replaced := swap == "outerHTML" || swap == "innerHTML" && target != n
		if !replaced {
			continue
		}
		if swap == "outerHTML" {
			live, _ := swapAttr(target, "aria-live")
			role, _ := swapAttr(target, "role")
			if live != "" && live != "off" || slices.Contains(liveRoles, role) {
				problems = append(problems, swapDescribe(n)+": outerHTML replaces the live region "+swapDescribe(target))
			}
		}
		// What has the focus when the request fires: the element itself, or the submit
		// buttons of a form that sends it.
		focused := []*html.Node{n}
		if n.Data == "form" {
			focused = nil
			for _, b := range all {
				typ, _ := swapAttr(b, "type")
				if swapWithin(b, n) && (b.Data == "button" && (typ == "" || typ == "submit") || b.Data == "input" && typ == "submit") {
					focused = append(focused, b)
				}
			}
		}
		for _, f := range focused {
			gone := swapWithin(f, target) && (swap == "outerHTML" || f != target)
			if _, hasID := swapAttr(f, "id"); gone && !hasID {
				problems = append(problems, swapDescribe(f)+": replaced by its own swap into "+swapDescribe(target)+" and without an id to get the focus back")
			}
		}
	}
	return problems
}

// TestSwapsKeepLiveRegionsAndFocus: where htmx swaps part of a page — the companies'
// and contacts' search, the companies picker of articles and downloads, the article
// preview, a mail template's preview and a contact's download subscription — the live
// region that announces the new part stays in place, and the button pressed gets the
// focus back (its id is the same in the answer), instead of the focus falling to the
// page's top. The check itself catches the markup these pages had.
func TestSwapsKeepLiveRegionsAndFocus(t *testing.T) {
	old := `<form><input id="q" hx-get="/admin/companies" hx-target="#results" hx-select="#results" hx-swap="outerHTML"></form>
		<div id="results" aria-live="polite"></div>
		<form class="inline subscribe" hx-post="/downloads/files/1/subscribe" hx-swap="outerHTML"><button class="btn" type="submit">Notify me</button></form>`
	if got := swapProblems(t, old); len(got) != 2 {
		t.Fatalf("the check misses the old markup's problems: %q", got)
	}
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var ta int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&ta)
		folder := seedFolder(t, w.env, ta, 0, "Handbücher")
		file := seedDownload(t, w.env, ta, "Handbuch X200", folder.ID, nil, []byte("für alle"))
		staff := w.env.Client("a.test")
		staff.AdminLogin("admin@a.test", "admin-a-password")
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		art := kbCreate(t, staff, "Wartung", "Text", kb.StatusDraft, kb.VisibilityCustomers)

		for _, c := range []struct {
			who  string
			cl   *apptest.Client
			path string
		}{
			{"staff", staff, "/admin/companies"}, {"staff", staff, "/admin/contacts"},
			{"staff", staff, "/admin/kb/new"}, {"staff", staff, art},
			{"staff", staff, "/admin/downloads/files/new"}, {"staff", staff, "/admin/settings/mails/invitation/de"},
			{"contact", alice, "/downloads/folders/" + id(folder.ID)}, {"contact", alice, "/downloads/files/" + id(file.ID)},
			{"contact", alice, "/tickets/new"},
		} {
			r := c.cl.Get(c.path)
			status, body := r.Status, r.Body
			if status != 200 {
				t.Errorf("%s GET %s: %d", c.who, c.path, status)
				continue
			}
			if !strings.Contains(body, "hx-") {
				t.Errorf("%s GET %s: no htmx swap to check", c.who, c.path)
			}
			for _, p := range swapProblems(t, body) {
				t.Errorf("%s GET %s: %s", c.who, c.path, p)
			}
		}

		// The subscription's answer to htmx has the button of the same id, subscribed
		// or not, so the focus comes back to it.
		filePath := "/downloads/files/" + id(file.ID)
		want := `id="subscribe-file-` + id(file.ID) + `"`
		for _, action := range []string{"/subscribe", "/unsubscribe"} {
			hx := fetch(t, w.env, alice, "a.test", "POST", filePath+action, map[string]string{"HX-Request": "true"})
			if hx.Status != 200 || !strings.Contains(string(hx.Body), want) {
				t.Errorf("htmx %s: %d, answer without %s: %.300s", action, hx.Status, want, hx.Body)
			}
		}
	})
}
