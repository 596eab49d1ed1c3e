package e2e

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds each step (a navigation, a click and its page load, a wait), so a
// missing element fails in seconds with a useful message, not at the test timeout.
const stepTimeout = 10 * time.Second

// css selects by CSS, the way the steps name elements.
func css(sel string) chromedp.CSS { return chromedp.CSS(sel) }

// fatalf fails the test with the session's current URL and the start of the page's
// text, so a failure shows where the browser was and what it saw.
func (s *session) fatalf(format string, args ...any) {
	s.t.Helper()
	args = append([]any{s.who}, args...)
	s.t.Fatalf("%s: "+format+"\n  url:  %s\n  body: %.500s", append(args, s.location(), s.body())...)
}

// do runs actions within the step timeout and fails the test with what on error.
func (s *session) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		s.fatalf("%s: %v", what, err)
	}
}

// open loads the app's path (or an absolute URL) and waits until waitSel is visible.
func (s *session) open(path, waitSel string) {
	s.t.Helper()
	u := path
	if strings.HasPrefix(path, "/") {
		u = s.base + path
	}
	s.do("open "+path+", wait for "+waitSel, chromedp.Navigate(u), chromedp.WaitVisible(css(waitSel)))
}

// openStatus loads the app's path, waits until waitSel is visible and returns the
// HTTP status of the document.
func (s *session) openStatus(path, waitSel string) int64 {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.Run(ctx, chromedp.NavigateResponse(s.base+path))
	if err == nil {
		err = chromedp.Do(ctx, chromedp.WaitVisible(css(waitSel)))
	}
	if err != nil || res == nil {
		s.fatalf("open %s, wait for %s: %v", path, waitSel, err)
	}
	return res.Status
}

// follow runs trigger (a click or a change that makes the page navigate), waits for
// the next page to finish loading, and then until waitSel is visible on it.
func (s *session) follow(what string, trigger chromedp.Action[chromedp.Void], waitSel string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, trigger)); err != nil {
		s.fatalf("%s: no new page: %v", what, err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(css(waitSel))); err != nil {
		s.fatalf("%s: %s not visible on the new page: %v", what, waitSel, err)
	}
}

// clickTo clicks sel with the mouse and waits for the next page to show waitSel.
func (s *session) clickTo(sel, waitSel string) {
	s.t.Helper()
	s.follow("click "+sel, chromedp.Click(css(sel)), waitSel)
}

// fill types text into the field with id "f-<name>", replacing what it held.
func (s *session) fill(name, text string) {
	s.t.Helper()
	sel := "#f-" + name
	s.do("type into "+sel, chromedp.Clear(css(sel)), chromedp.SendKeys(css(sel), text))
}

// text returns the visible text of the first element matching sel.
func (s *session) text(sel string) string {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Text(css(sel)))
	if err != nil {
		s.fatalf("read text of %s: %v", sel, err)
	}
	return strings.TrimSpace(v)
}

// eval evaluates a JavaScript expression that yields a string; "" on error (it is
// also used while failing, when the page may be gone).
func (s *session) eval(expr string) string {
	ctx, cancel := context.WithTimeout(s.ctx, 3*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		return ""
	}
	return v
}

// body returns the rendered text of the page.
func (s *session) body() string { return s.eval(`document.body ? document.body.innerText : ""`) }

// location returns the current URL.
func (s *session) location() string { return s.eval(`document.location.href`) }

// lang returns the lang attribute of the html element.
func (s *session) lang() string { return s.eval(`document.documentElement.lang`) }

// path returns the path of the current URL.
func (s *session) path() string {
	u, err := url.Parse(s.location())
	if err != nil {
		return ""
	}
	return u.Path
}

// expectPath fails unless the current URL's path is want.
func (s *session) expectPath(want string) {
	s.t.Helper()
	if got := s.path(); got != want {
		s.fatalf("path %q, want %q", got, want)
	}
}

// expectLang fails unless the page declares language want on its html element.
func (s *session) expectLang(want string) {
	s.t.Helper()
	if got := s.lang(); got != want {
		s.fatalf(`<html lang=%q>, want %q`, got, want)
	}
}

// screenshot saves a full-page PNG of the current page as dir/name.png and logs it.
func (s *session) screenshot(dir, name string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 means PNG
	if err != nil {
		s.fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		s.t.Fatalf("write screenshot: %v", err)
	}
	s.t.Logf("screenshot: %s", p)
}
