package e2e

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"pforte/internal/testutil"
)

// chromiumPath is where Debian's chromium package installs the browser.
const chromiumPath = "/usr/bin/chromium"

// browserTimeout bounds the life of each session of a journey.
const browserTimeout = 60 * time.Second

// acceptLanguage is what a browser set to German sends; the app falls back to it for
// anyone without a language setting of their own.
const acceptLanguage = "de-DE,de;q=0.9"

// startBrowser returns a context that holds the test process's headless Chromium,
// started at the first journey and shared by all (see sharedBrowser). Without
// Chromium the test is skipped (a failure under PFORTE_REQUIRE_ALL=1).
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	return startBrowserFor(t, browserTimeout)
}

// startBrowserFor is startBrowser whose sessions live at most limit instead of
// browserTimeout, for a test that walks many pages. The context ends in the test's
// cleanup, closing what is left of the test's sessions before the server goes.
func startBrowserFor(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		testutil.Skip(t, "browser journey needs Chromium at "+chromiumPath)
	}
	browser, err := sharedBrowser()
	if err != nil {
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	life, cancel := context.WithTimeout(browser, limit)
	t.Cleanup(cancel)
	return life
}

// shared is the one browser of this test process. Starting Chromium for every journey
// cost one to three seconds each, about a minute and a half per run; every session
// still opens in a browser context of its own (cookies, storage and cache apart, like
// a private window), so journeys see each other no more than before.
var shared struct {
	mu      sync.Mutex
	browser context.Context
	stop    func()
}

// sharedBrowser returns the running shared browser, starting one (again, if the last
// one crashed or lost its connection) when there is none. Its profile is a fresh
// temporary directory that goes with it.
func sharedBrowser() (context.Context, error) {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.browser != nil && shared.browser.Err() == nil {
		return shared.browser, nil
	}
	stopBrowserLocked()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("lang", "de-DE"),
		chromedp.WindowSize(1280, 900),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	stop := func() {
		cancelBrowser()
		cancelAlloc() // waits for the browser process to exit and removes its profile
	}
	if err := chromedp.Do(browser); err != nil { // starts the browser
		stop()
		return nil, err
	}
	shared.browser, shared.stop = browser, stop
	return browser, nil
}

// stopBrowser ends the shared browser, if one runs; TestMain calls it after the tests.
func stopBrowser() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	stopBrowserLocked()
}

func stopBrowserLocked() {
	if shared.stop != nil {
		shared.stop()
	}
	shared.browser, shared.stop = nil, nil
}

// session is one person at a browser: a browser context of its own (separate cookies
// and storage, like a private window) with one tab.
type session struct {
	t    *testing.T
	who  string          // named in failure messages
	ctx  context.Context // the tab
	base string          // the app's URL, e.g. http://127.0.0.1:40123
}

// newSession opens a tab in a new browser context of browser, asking for German.
// The tab closes and its cookies go when the test ends.
func newSession(t *testing.T, browser context.Context, base, who string) *session {
	t.Helper()
	return newSessionFor(t, browser, base, who, browserTimeout)
}

// newSessionFor is newSession with a life of limit instead of browserTimeout.
func newSessionFor(t *testing.T, browser context.Context, base, who string, limit time.Duration) *session {
	t.Helper()
	life, cancelLimit := context.WithTimeout(browser, limit)
	ctx, cancel := chromedp.NewContext(life, chromedp.WithNewBrowserContext())
	t.Cleanup(func() {
		cancel()
		cancelLimit()
	})
	// The first Do opens the tab (with the context that has no step timeout, so the tab
	// lives as long as the session); then every request carries Accept-Language.
	german := chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
		_, err := cdp.Call(ctx, tab, network.SetExtraHTTPHeaders,
			network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Language": acceptLanguage}})
		return err
	})
	if err := chromedp.Do(ctx, german); err != nil {
		t.Fatalf("%s: open tab: %v", who, err)
	}
	return &session{t: t, who: who, ctx: ctx, base: base}
}
