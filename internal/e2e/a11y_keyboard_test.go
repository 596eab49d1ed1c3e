package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// maxTabs bounds the Tab presses on one page: a page whose wanted elements take more
// is not keyboard usable anyway.
const maxTabs = 80

// focusStop is where the keyboard focus went after one Tab.
type focusStop struct {
	Key     string // tag, id, href or form action: enough to recognise it
	Visible bool   // an outline or a box-shadow is drawn around it
	Style   string // the computed outline and box-shadow, for the failure message
	Hits    []int  // indexes of the wanted selectors it matches
}

// focusJS describes document.activeElement; %s is the JSON array of wanted selectors.
const focusJS = `(() => {
	const el = document.activeElement, wants = %s;
	if (!el || el === document.body) return JSON.stringify({Key: "body", Visible: true, Hits: []});
	const cs = getComputedStyle(el), form = el.closest("form");
	const key = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
		(el.getAttribute("href") ? "[href=" + el.getAttribute("href") + "]" : "") +
		(form ? " in form[action=" + form.getAttribute("action") + "]" : "");
	const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
	const shadow = cs.boxShadow !== "none";
	const hits = [];
	wants.forEach((w, i) => { if (el.matches(w)) hits.push(i); });
	return JSON.stringify({Key: key, Visible: el.matches(":focus-visible") && (outline || shadow),
		Style: cs.outlineStyle + " " + cs.outlineWidth + " " + cs.outlineColor + " / " + cs.boxShadow, Hits: hits});
})()`

// tab presses Tab once and describes the element that has the focus then.
func (s *session) tab(wants string) focusStop {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab))
	var raw string
	if err == nil {
		raw, err = chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(focusJS, wants)))
	}
	var f focusStop
	if err == nil {
		err = json.Unmarshal([]byte(raw), &f)
	}
	if err != nil {
		s.fatalf("press Tab: %v", err)
	}
	return f
}

// expectTabReaches opens path and presses Tab from the top of the page until every
// selector in wants has had the focus. Every element on the way must show its focus.
func (s *session) expectTabReaches(path, wait string, wants ...string) {
	s.t.Helper()
	s.open(path, wait)
	js, _ := json.Marshal(wants)
	reached := make([]bool, len(wants))
	left := len(wants)
	var seen []string
	for i := 0; i < maxTabs && left > 0; i++ {
		f := s.tab(string(js))
		if f.Key == "body" && i > 0 {
			break // the focus left the page: the whole tab order has been seen
		}
		seen = append(seen, f.Key)
		if !f.Visible {
			s.fatalf("%s: the focus on %s is not visible (%s)", path, f.Key, f.Style)
		}
		for _, h := range f.Hits {
			if !reached[h] {
				reached[h] = true
				left--
			}
		}
	}
	for i, ok := range reached {
		if !ok {
			s.fatalf("%s: Tab never reaches %s; the tab order was:\n  %s", path, wants[i], strings.Join(seen, "\n  "))
		}
	}
	s.t.Logf("keyboard: %s %s: %d wanted elements reached in %d Tabs, focus visible on each", s.who, path, len(wants), len(seen))
}

// expectSkipLink checks that the first Tab shows the skip link and Enter on it takes
// the next Tab into the main content, past the header.
func (s *session) expectSkipLink(path, wait string) {
	s.t.Helper()
	s.open(path, wait)
	if f := s.tab(`["a.skip-link"]`); len(f.Hits) != 1 || !f.Visible {
		s.fatalf("%s: the first Tab lands on %s (visible %v), want the skip link", path, f.Key, f.Visible)
	}
	s.do("press Enter on the skip link", chromedp.KeyEvent(kb.Enter))
	if f := s.tab(`["main *"]`); len(f.Hits) != 1 {
		s.fatalf("%s: after the skip link, Tab lands on %s, want something in main", path, f.Key)
	}
}

// keyboardChecks walks the header and the main forms of portal, back office and login
// page with the Tab key, at desktop width (and the portal's header on a phone).
func keyboardChecks(c, a, visitor *session) {
	c.expectSkipLink("/", "main .tiles")
	nav := []string{"a.skip-link"}
	for _, href := range []string{"/", "/tickets", "/kb", "/downloads", "/colleagues", "/account", "/settings"} {
		nav = append(nav, `nav.mainnav a[href="`+href+`"]`)
	}
	header := []string{"#switch-company", "form:has(#switch-company) button",
		"#switch-lang", "form:has(#switch-lang) button", ".topbar-logout button"}
	home := append(append(nav, header...), "main a.tile")
	c.expectTabReaches("/", "main .tiles", home...)
	c.setViewport(phone) // the header wraps into rows: still all of it, in order
	c.expectTabReaches("/", "main .tiles", home...)
	c.setViewport(desktop)
	c.expectTabReaches("/tickets/new", "main form", `main form button[type=submit]`)
	c.expectTabReaches("/settings", "main form", `main form button[type=submit]`)

	a.expectSkipLink("/admin/", "main")
	a.expectTabReaches("/admin/", "main", `nav.mainnav a[href="/admin/tickets"]`, `nav.mainnav a[href="/admin/settings"]`,
		"#switch-lang", "form:has(#switch-lang) button", "a.topbar-user", ".topbar-logout button")
	a.expectTabReaches("/admin/companies/new", "main form", `main form button[type=submit]`)

	visitor.expectTabReaches("/login", "#f-email", "#f-email", "#f-password",
		`form[action="/login"] button[type=submit]`, "#switch-lang")
}
