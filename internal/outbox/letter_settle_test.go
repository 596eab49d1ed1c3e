package outbox

import (
	"context"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/mailtmpl"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// noMarkers fails when a mail holds a NUL (a marker that was not resolved).
func noMarkers(t *testing.T, what string, subject, text, htm string) {
	t.Helper()
	for part, s := range map[string]string{"subject": subject, "text": text, "html": htm} {
		if strings.Contains(s, "\x00") || strings.Contains(s, "\uFFFD") {
			t.Errorf("%s: NUL in the %s: %q", what, part, s)
		}
	}
}

// TestWithdrawnLinkSaved: a tenant's registration text saved while the mail still
// offered {{link}} is sent without a literal "{{link}}": its label line goes, a
// sentence around it stays. Stored and read back like a real one, on both engines.
func TestWithdrawnLinkSaved(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tn, err := tenant.Create(ctx, d, "A", "en", nil, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		old := mailtmpl.Text{Subject: "Your registration", Greeting: "Hello {{name}},",
			Body: "We cannot approve it: {{reason}}\nPortal: {{link}}\n\nQuestions? Write to us, or see {{link}} any time."}
		for _, key := range []string{"mail.registration_rejected", "mail.registration_received"} {
			if key == "mail.registration_received" { // offers no {{reason}}
				old.Body = strings.Replace(old.Body, "{{reason}}", "unknown company", 1)
			}
			if err := mailtmpl.Save(ctx, d, tn.ID, key, "en", old, "admin", time.Now()); err != nil {
				t.Fatal(err)
			}
			l := Letter{To: "a@b.test", Lang: "en", Key: key, Sender: "A",
				Data: map[string]any{"Name": "Anna", "Reason": "unknown company", "Company": "Acme", "Portal": "A"}}
			m, err := l.RenderFor(ctx, d, tn.ID)
			if err != nil {
				t.Fatal(err)
			}
			noMarkers(t, key, m.Subject, m.Text, m.HTML)
			if strings.Contains(m.Text, "{{") || strings.Contains(m.HTML, "{{") || strings.Contains(m.Text, "Portal:") {
				t.Errorf("%s: withdrawn link shown:\n%s", key, m.Text)
			}
			if !strings.Contains(m.Text, "Questions? Write to us, or see any time.") {
				t.Errorf("%s: the sentence around the link is lost:\n%s", key, m.Text)
			}
			if !strings.Contains(m.Text, "We cannot approve it: unknown company") {
				t.Errorf("%s: reason lost:\n%s", key, m.Text)
			}
		}
	})
}

// TestSupportNeverWipes: an unset support contact leaves a label line out but never
// the tenant's sentence, never the subject, and never puts a NUL anywhere (a text
// saved before the placeholders became body-only still renders).
func TestSupportNeverWipes(t *testing.T) {
	data := map[string]any{"FirstName": "Anna", "Portal": "Demo", "SupportEmail": "help@demo.example", "SupportPhone": ""}
	for _, c := range []struct {
		name    string
		text    mailtmpl.Text
		want    []string // in the text part
		notWant []string
		subject string
	}{
		{"one-line body", mailtmpl.Text{Subject: "Password changed", Greeting: "Hi {{first_name}},",
			Body: "Your password changed. If this was not you, call {{support_phone}} or write {{support_email}} at once.", Button: "Sign in"},
			[]string{"Your password changed. If this was not you, call or write help@demo.example at once."}, nil, "Password changed"},
		{"label lines", mailtmpl.Text{Subject: "s", Greeting: "Hi", Body: "Changed.\nPhone: {{support_phone}}\nEmail: {{support_email}}\nTéléphone : {{support_phone}}.", Button: "b"},
			[]string{"Changed.\nEmail: help@demo.example\n"}, []string{"Phone", "Téléphone"}, "s"},
		{"old subject, greeting, button", mailtmpl.Text{Subject: "Call {{support_phone}}", Greeting: "Hi {{first_name}}, phone {{support_phone}}",
			Body: "Changed.", Button: "Sign in {{support_phone}}"},
			[]string{"Hi Anna, phone\n", "Sign in:"}, nil, "Call"},
		{"subject of nothing but the value", mailtmpl.Text{Subject: "{{support_phone}}", Greeting: "Hi", Body: "Changed.", Button: "b"},
			[]string{"Changed."}, nil, "Your password for the Demo customer portal was changed"},
	} {
		l := Letter{To: "a@b.test", Lang: "en", Key: "mail.password_changed", Sender: "Demo", Data: data,
			ActionURL: "https://demo.example/login", Override: &c.text}
		m, err := l.Render()
		if err != nil {
			t.Fatal(err)
		}
		noMarkers(t, c.name, m.Subject, m.Text, m.HTML)
		if m.Subject != c.subject {
			t.Errorf("%s: subject %q, want %q", c.name, m.Subject, c.subject)
		}
		for _, w := range c.want {
			if !strings.Contains(m.Text, w) {
				t.Errorf("%s: no %q in\n%s", c.name, w, m.Text)
			}
		}
		for _, w := range c.notWant {
			if strings.Contains(m.Text, w) {
				t.Errorf("%s: %q left in\n%s", c.name, w, m.Text)
			}
		}
	}
	// A NUL in a value from outside (an inbound subject as a ticket title) neither
	// drops its line nor reaches the mail.
	l := replyLetter("en", "https://demo.example/tickets/6")
	l.Data["Title"] = "Pumpe\x00 defekt"
	l.Quote = "Hallo\x00 Anna"
	m, _ := l.Render()
	noMarkers(t, "value with NUL", m.Subject, m.Text, m.HTML)
	if !strings.Contains(m.Text, "Pumpe defekt") || !strings.Contains(m.Text, "Hallo Anna") {
		t.Errorf("value with NUL lost its line:\n%s", m.Text)
	}
}

// TestReplyLinkAlways: a person's mail whose wording places no {{link}} still leads a
// reader who can sign in to the ticket: the button's words as a link in its footer.
// The built-in wording, which places the link, gets no second one; a reader without
// portal access gets none.
func TestReplyLinkAlways(t *testing.T) {
	const url = "https://demo.example/tickets/6"
	for _, lang := range []string{"de", "en", "fr", "he", "th"} {
		l := replyLetter(lang, url)
		l.List = nil
		l.Override = &mailtmpl.Text{Subject: "Re: {{title}}", Body: "{{reply}}\n\n{{author}}", Button: "Zum Ticket"}
		m, err := l.Render()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.HTML, `<a href="`+url+`">Zum Ticket</a>`) || !strings.Contains(m.Text, "Zum Ticket") ||
			!strings.Contains(m.Text, "\n"+url+"\n") {
			t.Errorf("%s: no ticket link\n%s\n%s", lang, m.Text, m.HTML)
		}
		// Only the footer: nothing but the link.
		l.Override = &mailtmpl.Text{Subject: "Re", Body: "{{reply}}", Button: "Zum Ticket"}
		if m, _ = l.Render(); !strings.Contains(m.HTML, `<a href="`+url+`">Zum Ticket</a>`) {
			t.Errorf("%s: no ticket link without a footer\n%s", lang, m.HTML)
		}
		l.Override = nil
		if m, _ = l.Render(); strings.Count(m.Text, url) != 1 {
			t.Errorf("%s: built-in wording: link %d times\n%s", lang, strings.Count(m.Text, url), m.Text)
		}
		l = replyLetter(lang, "")
		l.Override = &mailtmpl.Text{Subject: "Re", Body: "{{reply}}\n\n{{author}}", Button: "Zum Ticket"}
		if m, _ = l.Render(); strings.Contains(m.Text, "Zum Ticket") || strings.Contains(m.HTML, "Zum Ticket") {
			t.Errorf("%s: link line for a reader without access\n%s", lang, m.Text)
		}
	}
}

// TestReplyOnce: a text saved with {{reply}} in the subject or twice in the body
// sends the reply once, where the body first places it, and not as the subject.
func TestReplyOnce(t *testing.T) {
	l := replyLetter("en", "https://demo.example/tickets/6")
	l.Override = &mailtmpl.Text{Subject: "Re: {{reply}}", Greeting: "Hi {{reply}}", Body: "{{reply}}\n\nAgain: {{reply}}\n\n{{author}}", Button: "Open {{reply}}"}
	m, err := l.Render()
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Re:" || strings.Count(m.Text, "Bitte prüfen.") != 1 || strings.Count(m.HTML, "Bitte prüfen.") != 1 {
		t.Errorf("reply repeated: %q\n%s", m.Subject, m.Text)
	}
}

// TestReplyKeepsSpacing: the writer's indentation and runs of spaces survive in both
// parts (a config snippet), line ends of any kind become one line break.
func TestReplyKeepsSpacing(t *testing.T) {
	l := replyLetter("en", "https://demo.example/tickets/6")
	l.Quote = "Please set:\r\n\r\n    listen  = 8080\r\n      tls   = on\r\n\r\nErika"
	m, err := l.Render()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, "Please set:\n\n    listen  = 8080\n      tls   = on\n\nErika") {
		t.Errorf("text part lost the spacing:\n%q", m.Text)
	}
	if !strings.Contains(m.HTML, `<p dir="auto" style="white-space:pre-wrap">    listen  = 8080<br>      tls   = on</p>`) || strings.Contains(m.HTML, "\r") {
		t.Errorf("HTML part lost the spacing:\n%s", m.HTML)
	}
	// The old layout's quote keeps it too.
	l.Override = &mailtmpl.Text{Subject: "s", Greeting: "Hi", Body: "{{author}} wrote:", Button: "Open"}
	if m, _ = l.Render(); !strings.Contains(m.HTML, "white-space:pre-wrap") || !strings.Contains(m.HTML, "    listen  = 8080<br>") || strings.Contains(m.HTML, "\r") {
		t.Errorf("quote lost the spacing:\n%s", m.HTML)
	}
}

// anchor finds the links rich writes, with their target and shown text.
var anchor = regexp.MustCompile(`<a href="([^"]*)"[^>]*>([^<]*)</a>`)

// TestRichBidi: no direction control takes part in a link, and none that reorders
// characters is left in a text holding one, so a link shows the address it goes to.
func TestRichBidi(t *testing.T) {
	for _, in := range []string{
		"see https://evil.example/\u202egro.elpmaxe-doog//:sptth now",
		"\u202ehttps://good.example/x\u202c and more",
		"https://a.example/\u200fpath and \u2067https://b.example\u2069",
		"mail \u202eme@x.example or https://c.example/\u200e/d",
	} {
		out := string(rich(in))
		for _, r := range []string{"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"} {
			if strings.Contains(out, r) {
				t.Errorf("%q: %U left in %q", in, []rune(r)[0], out)
			}
		}
		links := anchor.FindAllStringSubmatch(out, -1)
		if len(links) == 0 {
			t.Errorf("%q: no link in %q", in, out)
		}
		for _, a := range links {
			href, shown := html.UnescapeString(a[1]), html.UnescapeString(a[2])
			if strings.TrimPrefix(href, "mailto:") != shown || strings.ContainsAny(href, "\u200e\u200f") {
				t.Errorf("%q: link to %q shows %q", in, href, shown)
			}
		}
	}
	// Without a link the text is left as typed (Hebrew may use the controls).
	if s := "\u202bשלום\u202c"; string(rich(s)) != s {
		t.Errorf("text without a link changed: %q", rich(s))
	}
}

// TestFooterParagraphs: the text part keeps a blank line between the footer's
// paragraphs, as the HTML part keeps them apart.
func TestFooterParagraphs(t *testing.T) {
	l := replyLetter("en", "https://demo.example/tickets/6")
	l.Override = &mailtmpl.Text{Subject: "s", Body: "{{reply}}\n\nFirst: {{link}}\n\nSecond paragraph", Button: "Open"}
	m, err := l.Render()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, "---\nFirst: https://demo.example/tickets/6\n\nSecond paragraph\n") {
		t.Errorf("footer paragraphs run together:\n%q", m.Text)
	}
}
