package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeFile is axe-core, vendored for tests only (see testdata/axe/VENDORED.md): it is
// injected into pages through the DevTools protocol and never served by the portal.
const axeFile = "testdata/axe/axe.min.js"

// axeRun runs axe on the document with the WCAG 2.0, 2.1 and 2.2 A/AA rules and the
// best-practice rules (landmarks, one h1, …), and returns the violations in short: rule,
// impact, and the CSS selector of each element.
const axeRun = `axe.run(document, {
	runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
	resultTypes: ["violations"],
}).then(r => JSON.stringify(r.violations.map(v => ({
	Rule: v.id, Impact: v.impact || "", Help: v.help,
	Targets: v.nodes.map(n => n.target.join(" ")),
}))))`

// finding is one rule that failed on one page.
type finding struct {
	Page    string // viewport name and path
	Rule    string
	Impact  string // minor, moderate, serious, critical
	Help    string
	Targets []string
}

// targets lists the first elements of f, and how many more there are.
func (f finding) targets() string {
	const show = 6
	if len(f.Targets) <= show {
		return strings.Join(f.Targets, " | ")
	}
	return fmt.Sprintf("%s | … %d more", strings.Join(f.Targets[:show], " | "), len(f.Targets)-show)
}

// blocking reports whether a finding fails the test: serious and critical ones do.
func (f finding) blocking() bool { return f.Impact == "serious" || f.Impact == "critical" }

// axeAudit injects axe into pages and collects what it finds over the whole test.
type axeAudit struct {
	t         *testing.T
	source    string
	findings  []finding
	overflows []string // pages wider than a phone's screen
	pages     int
	spent     time.Duration
}

// newAxeAudit reads the vendored axe-core.
func newAxeAudit(t *testing.T) *axeAudit {
	t.Helper()
	b, err := os.ReadFile(axeFile)
	if err != nil {
		t.Fatalf("read axe-core: %v", err)
	}
	return &axeAudit{t: t, source: string(b)}
}

// run runs axe on the page the session shows and returns its violations. axe arrives by Runtime.evaluate: the page's CSP (script-src without inline) governs
// the page's own scripts, not what the DevTools protocol evaluates (proved by
// expectCSPBlocksInline).
func (a *axeAudit) run(s *session, name string) []finding {
	s.t.Helper()
	started := time.Now()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err == nil && !loaded {
		err = chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](a.source+"\n;true"))
	}
	var raw string
	if err == nil {
		raw, err = chromedp.Run(ctx, chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise))
	}
	if err != nil {
		s.fatalf("axe on %s: %v", name, err)
	}
	var found []finding
	if err := json.Unmarshal([]byte(raw), &found); err != nil {
		s.fatalf("axe on %s: %v: %.300s", name, err, raw)
	}
	a.pages++
	a.spent += time.Since(started)
	return found
}

// check runs axe on the page the session shows and keeps its violations under name.
func (a *axeAudit) check(s *session, name string) {
	s.t.Helper()
	for _, f := range a.run(s, name) {
		f.Page = name
		a.findings = append(a.findings, f)
	}
}

// expectCatches plants an image without a text alternative into the page and fails
// unless axe reports it: the check above can fail.
func (a *axeAudit) expectCatches(s *session) {
	s.t.Helper()
	s.eval(`(() => { const i = document.createElement("img"); i.id = "a11y-planted"; i.src = "/brand/logo"; document.querySelector("main").append(i); return ""; })()`)
	found := a.run(s, "planted")
	s.eval(`(() => { document.getElementById("a11y-planted").remove(); return ""; })()`)
	for _, f := range found {
		if f.Rule == "image-alt" && f.blocking() && slices.Contains(f.Targets, "#a11y-planted") {
			return
		}
	}
	s.fatalf("axe missed a planted image without alt text: %+v", found)
}

// report logs the count of findings per rule and impact and fails the test with page,
// rule and elements of every serious or critical one.
func (a *axeAudit) report() {
	a.t.Helper()
	count := map[string]int{}
	var blocking []string
	for _, f := range a.findings {
		count[f.Rule+" ("+f.Impact+")"] += len(f.Targets)
		if f.blocking() {
			blocking = append(blocking, fmt.Sprintf("%s: %s (%s, %s): %s", f.Page, f.Rule, f.Impact, f.Help, f.targets()))
		}
	}
	a.t.Logf("axe checked %d pages in %v", a.pages, a.spent.Round(time.Millisecond))
	for _, k := range slices.Sorted(maps.Keys(count)) {
		a.t.Logf("axe: %s: %d elements", k, count[k])
	}
	for _, f := range a.findings {
		if !f.blocking() {
			a.t.Logf("axe (%s, not failing): %s: %s: %s", f.Impact, f.Page, f.Rule, f.targets())
		}
	}
	if len(a.overflows) > 0 {
		a.t.Errorf("%d pages are wider than the phone's screen:\n%s", len(a.overflows), strings.Join(a.overflows, "\n"))
	}
	if len(blocking) > 0 {
		a.t.Errorf("axe found %d serious or critical violations:\n%s", len(blocking), strings.Join(blocking, "\n"))
	}
}

// expectCSPBlocksInline proves the page runs under a CSP that forbids inline script —
// an inline <script> added to it does not run — while the axe check above still works
// because it is evaluated through the DevTools protocol.
func (s *session) expectCSPBlocksInline() {
	s.t.Helper()
	const js = `(() => {
		const el = document.createElement("script");
		el.textContent = "window.__inlineRan = true";
		document.head.appendChild(el);
		el.remove();
		return String(window.__inlineRan === true);
	})()`
	if got := s.eval(js); got != "false" {
		s.fatalf("an inline script ran (%q): the page has no CSP against it, so the axe injection proves nothing", got)
	}
}

// decodeList decodes a JSON array of strings the page computed.
func decodeList(s *session, raw string) []string {
	s.t.Helper()
	var l []string
	if err := json.Unmarshal([]byte(raw), &l); err != nil || len(l) == 0 {
		s.fatalf("expected a non-empty list, got %q (%v)", raw, err)
	}
	return l
}
