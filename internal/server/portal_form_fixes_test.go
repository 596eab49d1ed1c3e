package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// tagOf returns the opening tag of the element with the given id, or "".
func tagOf(body, id string) string {
	return regexp.MustCompile(`<(?:input|textarea|select)[^>]*\bid="` + regexp.QuoteMeta(id) + `"[^>]*>`).FindString(body)
}

// TestTicketFieldsLikeWebField: the ticket form's subject and description, the reply
// box and the reply given back after a refusal are wired to their errors as web.Field
// does (aria-invalid, aria-describedby naming the error), run in the direction of what
// is typed (dir="auto"), and the limit in the message is written the German way.
func TestTicketFieldsLikeWebField(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		uwe := d.as("uwe@alpha.test", "uwe-password-1")
		long := strings.Repeat("x", 20001)

		page := uwe.Get("/tickets/new").Body
		for _, id := range []string{"f-title", "f-body"} {
			if tag := tagOf(page, id); !strings.Contains(tag, `dir="auto"`) || strings.Contains(tag, "aria-invalid") {
				t.Errorf("new ticket %s without error: %s", id, tag)
			}
		}
		r := uwe.PostMultipart("/tickets", map[string]string{"title": "", "body": long, "priority": "2"})
		if r.Status != 422 {
			t.Fatalf("invalid ticket: %d", r.Status)
		}
		title, body := tagOf(r.Body, "f-title"), tagOf(r.Body, "f-body")
		if !strings.Contains(title, `aria-invalid="true"`) || !regexp.MustCompile(`aria-describedby="e-title( kb-suggestions)?"`).MatchString(title) ||
			!strings.Contains(r.Body, `id="e-title"`) {
			t.Errorf("subject not wired to its error: %s", title)
		}
		if !strings.Contains(body, `aria-invalid="true"`) || !strings.Contains(body, `aria-describedby="e-body"`) || !strings.Contains(r.Body, `id="e-body"`) {
			t.Errorf("description not wired to its error: %s", body)
		}
		if !strings.Contains(r.Body, "Bitte höchstens 20.000 Zeichen eingeben.") {
			t.Errorf("the limit is not written the German way")
		}

		id := d.open(t, uwe, "Heizung")
		path := "/tickets/" + itoa64(id)
		if tag := tagOf(uwe.Get(path).Body, "f-body"); !strings.Contains(tag, `dir="auto"`) || strings.Contains(tag, "aria-invalid") {
			t.Errorf("reply box: %s", tag)
		}
		r = uwe.PostMultipart(path+"/reply", map[string]string{"body": long})
		if tag := tagOf(r.Body, "f-body"); r.Status != 422 || !strings.Contains(tag, `aria-invalid="true"`) || !strings.Contains(tag, `aria-describedby="e-body"`) ||
			!strings.Contains(tag, `dir="auto"`) || !strings.Contains(r.Body, `id="e-body"`) {
			t.Errorf("reply box with an error: %d %s", r.Status, tag)
		}

		// A closed ticket that may be reopened gives the refused reply back as a form.
		tenant.SetTicketRules(context.Background(), d.env.DB, d.t.ID, tenant.TicketRules{Reopen: true, UploadLimitMB: 5})
		if r := uwe.Post(path+"/close", nil); r.Status != 303 {
			t.Fatalf("close: %d", r.Status)
		}
		r = uwe.PostMultipart(path+"/reply", map[string]string{"body": long})
		tag := tagOf(r.Body, "f-body")
		if !strings.Contains(r.Body, `id="unsent-h"`) || !strings.Contains(tag, `aria-invalid="true"`) ||
			!strings.Contains(tag, `aria-describedby="e-body"`) || !strings.Contains(tag, `dir="auto"`) || !strings.Contains(r.Body, `id="e-body"`) {
			t.Errorf("unsent reply with an error: %d %s", r.Status, tag)
		}
	})
}

// TestSearchKeepsCharacters: a search of 100 Thai letters (300 bytes) is kept whole in
// the ticket list and the knowledge base; a longer one is cut to 200 letters, never
// inside a letter.
func TestSearchKeepsCharacters(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		uwe := d.as("uwe@alpha.test", "uwe-password-1")
		thai := strings.Repeat("ก", 100)
		for _, p := range []string{"/tickets?q=", "/kb/search?q="} {
			r := uwe.Get(p + url.QueryEscape(thai))
			if r.Status != 200 || !utf8.ValidString(r.Body) || !strings.Contains(r.Body, `value="`+thai+`"`) {
				t.Errorf("%s with 100 Thai letters: %d, valid UTF-8 %v", p, r.Status, utf8.ValidString(r.Body))
			}
			r = uwe.Get(p + url.QueryEscape(strings.Repeat("ข", 250)))
			if !utf8.ValidString(r.Body) || !strings.Contains(r.Body, `value="`+strings.Repeat("ข", 200)+`"`) || strings.Contains(r.Body, strings.Repeat("ข", 201)) {
				t.Errorf("%s with 250 Thai letters is not cut to 200", p)
			}
		}
	})
}

// TestAccountLimitsAndNames: the account form says the server's limits (maxlength), and
// repeated buttons on the colleagues page and the followers list name their person.
func TestAccountLimitsAndNames(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		alice, uwe := d.as("alice@alpha.test", "alice-password"), d.as("uwe@alpha.test", "uwe-password-1")
		page := alice.Get("/account").Body
		for id, want := range map[string]string{"f-first_name": "100", "f-last_name": "100", "f-phone": "50"} {
			if tag := tagOf(page, id); !strings.Contains(tag, `maxlength="`+want+`"`) {
				t.Errorf("%s: %s, want maxlength %s", id, tag, want)
			}
		}

		page = alice.Get("/colleagues").Body
		uweName := "Test uwe@alpha.test"
		for _, want := range []string{
			`aria-label="Rolle ändern für ` + uweName + `"`,
			`aria-label="Zugang entziehen für ` + uweName + `"`,
			`>Rolle von ` + uweName + `</label>`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("colleagues page lacks %s", want)
			}
		}
		if r := alice.Post("/colleagues", url.Values{"first_name": {"Ina"}, "last_name": {"Neu"}, "email": {"ina@alpha.test"}, "role": {"user"}}); r.Status != 303 {
			t.Fatalf("invite: %d %.300s", r.Status, r.Body)
		}
		if page := alice.Get("/colleagues").Body; !strings.Contains(page, `aria-label="Einladung erneut senden an Ina Neu"`) {
			t.Errorf("resend button does not name the invited colleague")
		}

		id := d.open(t, uwe, "Heizung")
		path := "/tickets/" + itoa64(id)
		if r := alice.Post(path+"/followers", url.Values{"contact_id": {itoa64(d.ula)}}); r.Status != 303 {
			t.Fatalf("add follower: %d", r.Status)
		}
		if !strings.Contains(alice.Get(path).Body, `aria-label="Entfernen: Test ula@alpha.test als Beobachter"`) {
			t.Errorf("the follower's remove button does not name the follower")
		}
	})
}
