package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestKBFeedbackKeepsVersion: a German contact reading the English version of an
// article ("Also available in: English") answers "Was this article helpful?" and comes
// back to the English text — with the thanks, and with the form after an error — not
// to the German one they did not read.
func TestKBFeedbackKeepsVersion(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newKBFeedbackWorld(t, e)
		if err := kb.SaveTranslation(context.Background(), w.env.DB, w.ten.ID, w.customers,
			kb.Translation{Language: "en", Title: "Order toner", Body: "In the shop."}, time.Now()); err != nil {
			t.Fatal(err)
		}
		page := w.a.Get("/kb/articles/kunden?lang=en")
		if !strings.Contains(page.Body, "Order toner") ||
			!strings.Contains(page.Body, `action="/kb/articles/kunden/feedback?lang=en#feedback"`) {
			t.Fatalf("English version: %d, the answer's form does not keep the version", page.Status)
		}
		r := w.a.Post("/kb/articles/kunden/feedback?lang=en", url.Values{"helpful": {"no"}})
		if r.Status != 303 || r.Location != "/kb/articles/kunden?lang=en#feedback" {
			t.Fatalf("answer: %d %q, want back to the English version", r.Status, r.Location)
		}
		page = w.a.Get(r.Location)
		if !strings.Contains(page.Body, "Order toner") || !strings.Contains(page.Body, "Vielen Dank") {
			t.Errorf("after the answer: not the English text with the thanks")
		}
		long := strings.Repeat("x", kb.MaxFeedbackComment+1)
		r = w.a.Post("/kb/articles/kunden/feedback?lang=en", url.Values{"helpful": {"no"}, "comment": {long}})
		if r.Status != 422 || !strings.Contains(r.Body, "Order toner") || strings.Contains(r.Body, "Toner bestellen") {
			t.Errorf("comment too long: %d, want the English version with the error", r.Status)
		}
		// Without ?lang= nothing changes: the reader's own language, plain addresses.
		r = w.a.Post("/kb/articles/kunden/feedback", url.Values{"helpful": {"yes"}})
		if r.Status != 303 || r.Location != "/kb/articles/kunden#feedback" {
			t.Errorf("answer without a version: %d %q", r.Status, r.Location)
		}
		// A made-up language is ignored, not carried along.
		r = w.a.Post("/kb/articles/kunden/feedback?lang=xx", url.Values{"helpful": {"yes"}})
		if r.Status != 303 || r.Location != "/kb/articles/kunden#feedback" {
			t.Errorf("answer with an unknown language: %d %q", r.Status, r.Location)
		}
	})
}
