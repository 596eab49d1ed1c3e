package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDoubleSubmitOpensOneTicket: a double click on "send" opens one ticket, not two
// (app.js locks a form once it is sent); back on the page from the browser's history,
// the form works again.
func TestDoubleSubmitOpensOneTicket(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Service GmbH")
		env.Contact(ten, contactEmail, contactPass, "main", env.Company(ten, companyName))

		c := newSession(t, browser, env.Srv.URL, "contact")
		login(c, contactEmail, contactPass)
		c.open("/tickets/new", "#f-title")
		c.fill("title", "Doppelt geklickt")
		c.do("describe", chromedp.SendKeys(css("#f-body"), "Ein Doppelklick auf Senden."))
		// Two clicks a few milliseconds apart: the first request is on its way when the
		// second click comes, as with a real double click.
		double := `(() => { const b = document.querySelector('form[action="/tickets"] button[type=submit]');
			b.click(); setTimeout(() => b.click(), 30); return ""; })()`
		click := chromedp.Func(func(ctx context.Context, tab *chromedp.Target) error {
			_, err := chromedp.Evaluate[string](double)(ctx, tab)
			return err
		})
		c.follow("double click send", click, ".conversation")
		time.Sleep(500 * time.Millisecond) // a second request would have arrived by now
		var n int
		env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM tickets WHERE title = 'Doppelt geklickt'`).Scan(&n)
		if n != 1 {
			c.fatalf("%d tickets after a double click, want 1", n)
		}

		// Back to the form: its button is enabled again.
		c.do("back", chromedp.NavigateBack(), chromedp.WaitVisible(css("#f-title")))
		if v := c.eval(`String(document.querySelector('form[action="/tickets"] button[type=submit]').disabled)`); v != "false" {
			c.fatalf("button still disabled after going back: %q", v)
		}
		if !strings.Contains(c.location(), "/tickets/new") {
			c.fatalf("not back on the form")
		}
	})
}
