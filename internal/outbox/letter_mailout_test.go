package outbox

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/mail"
	"pforte/internal/mailtmpl"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// replyLetter is a staff member's answer to ticket #6 as the notifier builds it.
func replyLetter(lang, link string) Letter {
	return Letter{To: "anna@kunde.test", Lang: lang, Key: "mail.ticket_reply", Sender: "Demo Service GmbH",
		Data: map[string]any{"FirstName": "Anna", "Name": "Anna Müller", "Portal": "Demo Service GmbH", "Link": link,
			"Ticket": "#6", "Title": "Pumpe defekt", "Company": "Müller", "Author": "Erika Agentin"},
		ActionURL: link, Marker: "##- marker -##",
		Quote: "Hallo Anna,\n\ndie Anleitung: https://demo.example/kb/pumpe.\nBitte prüfen.\n\nErika Agentin",
		List:  []Line{{Text: "Angehängt: plan.png"}}}
}

// TestPersonalReply: a staff reply is the agent's mail: their text first, not quoted,
// its URL a link, no greeting or closing of the portal's own (the agent greets and
// signs), the attachment leading to the ticket, and a thin footer with the ticket and
// its link. A reader who cannot sign in gets no portal link line.
func TestPersonalReply(t *testing.T) {
	for _, lang := range []string{"de", "en", "fr", "da", "nl", "he", "pt", "es", "th"} {
		m, err := replyLetter(lang, "https://demo.example/tickets/6").Render()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(m.Subject, "Re: [#6] Pumpe defekt") {
			t.Errorf("%s subject %q", lang, m.Subject)
		}
		for _, bad := range []string{"<blockquote", "text-align", "Mit freundlichen Grüßen", "Kind regards", "Erika Agentin hat"} {
			if strings.Contains(m.HTML, bad) {
				t.Errorf("%s: %q in HTML\n%s", lang, bad, m.HTML)
			}
		}
		for _, want := range []string{`<a href="https://demo.example/kb/pumpe" dir="ltr"`, `>https://demo.example/kb/pumpe</a>.`,
			`<a href="https://demo.example/tickets/6">Angehängt: plan.png</a>`, "#6 · Pumpe defekt",
			`<div dir="auto"><p dir="auto" style="white-space:pre-wrap">Hallo Anna,</p>`, "border-top:1px solid #e5e7eb"} {
			if !strings.Contains(m.HTML, want) {
				t.Errorf("%s: no %q in HTML\n%s", lang, want, m.HTML)
			}
		}
		// The text part: marker, the agent's text, then the footer with the link.
		txt := m.Text
		if i, j, k := strings.Index(txt, "##- marker -##"), strings.Index(txt, "Hallo Anna,"), strings.Index(txt, "#6 · Pumpe"); !(i >= 0 && i < j && j < k) {
			t.Errorf("%s: text out of order:\n%s", lang, txt)
		}
		if strings.Count(txt, "Hallo Anna") != 1 || !strings.Contains(txt, "https://demo.example/tickets/6") {
			t.Errorf("%s: text\n%s", lang, txt)
		}
	}
	he, _ := replyLetter("he", "https://demo.example/tickets/6").Render()
	if !strings.Contains(he.HTML, `dir="rtl"`) {
		t.Errorf("he: not rtl\n%s", he.HTML)
	}
	// Without portal access (no link): the line with the link is left out, nothing blank.
	m, err := replyLetter("en", "").Render()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(m.Text, "open the ticket in the portal") || strings.Contains(m.Text, "\x00") || strings.Contains(m.HTML, "\x00") {
		t.Errorf("no-portal reply keeps the link line:\n%s", m.Text)
	}
	if !strings.Contains(m.Text, "Erika Agentin · Ticket #6 · Pumpe defekt") {
		t.Errorf("no-portal reply lost its footer:\n%s", m.Text)
	}
}

// TestPersonalReplyTenantText: a tenant's own text places the reply where {{reply}}
// stands; one from before the placeholder keeps its layout, the reply quoted below it.
func TestPersonalReplyTenantText(t *testing.T) {
	l := replyLetter("de", "https://demo.example/tickets/6")
	l.Override = &mailtmpl.Text{Subject: "[{{ticket}}] {{title}}", Body: "{{reply}}\n\nIhr Team von {{portal}}: {{link}}", Button: "Öffnen"}
	m, err := l.Render()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(m.HTML, "<blockquote") || !strings.Contains(m.Text, "Ihr Team von Demo Service GmbH: https://demo.example/tickets/6") ||
		strings.Index(m.Text, "Hallo Anna") > strings.Index(m.Text, "Ihr Team") {
		t.Errorf("tenant text with {{reply}}:\n%s\n%s", m.Text, m.HTML)
	}
	l.Override = &mailtmpl.Text{Subject: "[{{ticket}}] Antwort", Greeting: "Guten Tag {{first_name}},",
		Body: "{{author}} hat geantwortet:", Button: "Öffnen"}
	if m, err = l.Render(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<blockquote", "Guten Tag Anna,", "Erika Agentin hat geantwortet:", "Mit freundlichen Grüßen"} {
		if !strings.Contains(m.HTML, want) {
			t.Errorf("old tenant text: no %q\n%s", want, m.HTML)
		}
	}
	if strings.Contains(m.HTML, "text-align") || !strings.Contains(m.HTML, `<a href="https://demo.example/kb/pumpe"`) {
		t.Errorf("quote: fixed alignment or URL not linked\n%s", m.HTML)
	}
	// The editor accepts a text without greeting for this mail, and offers {{reply}}.
	mm, _ := mailtmpl.Lookup("mail.ticket_reply")
	if e := (mailtmpl.Text{Subject: "x", Body: "{{reply}}", Button: "y"}).Check(mm); e.Any() {
		t.Errorf("greeting required for a person's mail: %v", e)
	}
}

// TestSupportLines: the security notices carry the tenant's support phone and address
// (the address a link); a line whose value the tenant has not set is left out, in the
// built-in text and in a tenant's own.
func TestSupportLines(t *testing.T) {
	for _, key := range []string{"mail.password_changed", "mail.twofactor_enabled", "mail.twofactor_disabled", "mail.recovery_used", "mail.registration_rejected"} {
		for _, lang := range []string{"de", "en", "fr", "da", "nl", "he", "pt", "es", "th"} {
			data := map[string]any{"FirstName": "Anna", "Name": "Anna M", "Portal": "Demo", "Left": "3", "Company": "Acme",
				"Reason": "x", "SupportPhone": "+49 30 555", "SupportEmail": "hilfe@demo.example"}
			l := Letter{To: "a@b.test", Lang: lang, Key: key, Sender: "Demo", Data: data, ActionURL: "https://demo.example/login"}
			if key == "mail.registration_rejected" {
				l.ActionURL = ""
			}
			m, err := l.Render()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(m.Text, "+49 30 555") || !strings.Contains(m.HTML, `<a href="mailto:hilfe@demo.example"`) {
				t.Errorf("%s %s: support missing\n%s\n%s", lang, key, m.Text, m.HTML)
			}
			data["SupportPhone"], data["SupportEmail"] = "", nil
			if m, err = l.Render(); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(m.Text, "\x00") || strings.Contains(m.Text, "<no value>") || strings.Contains(m.Text, "\n\n\n\n") {
				t.Errorf("%s %s: empty support lines left\n%q", lang, key, m.Text)
			}
			full := strings.Count(m.Text, "\n")
			data["SupportPhone"] = "+49 30 555"
			m, _ = l.Render()
			if strings.Count(m.Text, "\n") != full+1 {
				t.Errorf("%s %s: the phone line is not a line of its own\n%s", lang, key, m.Text)
			}
		}
	}
	l := Letter{To: "a@b.test", Lang: "en", Key: "mail.password_changed", Sender: "Demo", Data: map[string]any{"SupportEmail": "h@demo.example"},
		Override: &mailtmpl.Text{Subject: "s", Greeting: "Hi", Body: "Call {{support_phone}} now.\nOr write: {{support_email}}", Button: "b"}}
	m, _ := l.Render()
	// The sentence says more than the phone number: it stays, without it.
	if !strings.Contains(m.Text, "Call now.\n") || !strings.Contains(m.Text, "Or write: h@demo.example") {
		t.Errorf("tenant text: %s", m.Text)
	}
}

// TestNoButtonWhenNoSignIn: the pending and the rejected registration have no button
// to a portal their reader cannot sign in to.
func TestNoButtonWhenNoSignIn(t *testing.T) {
	for _, key := range []string{"mail.registration_received", "mail.registration_rejected"} {
		m, _ := mailtmpl.Lookup(key)
		if m.HasButton() {
			t.Errorf("%s has a button", key)
		}
		d := mailtmpl.Default(m, "en")
		if d.Button != "" || d.Greeting == "" || d.Body == "" {
			t.Errorf("%s default %+v", key, d)
		}
	}
}

// TestMobileLinks: the fallback link may break anywhere (a token URL is wider than a
// phone), and a portal address inside a sentence (the Hebrew welcome) is a link, laid
// out left to right in the right-to-left text.
func TestMobileLinks(t *testing.T) {
	link := "https://portal.example/invitation/Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4"
	l := Letter{To: "a@b.test", Lang: "he", Key: "mail.welcome", Sender: "Demo", ActionURL: link,
		Data: map[string]any{"FirstName": "Anna", "Name": "Anna", "Portal": "Demo", "Company": "Acme", "PortalURL": "https://portal.example",
			"Username": "a@b.test", "Days": 7, "Link": link}}
	m, err := l.Render()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<a href="` + link + `" dir="ltr" style="overflow-wrap:anywhere;word-break:break-all">` + link,
		`<a href="https://portal.example" dir="ltr" style="overflow-wrap:anywhere;word-break:break-all">https://portal.example</a>`} {
		if !strings.Contains(m.HTML, want) {
			t.Errorf("no %q in\n%s", want, m.HTML)
		}
	}
}

// TestRich: text is escaped, addresses become links without the sentence's last
// full stop, and nothing but http(s) and mail addresses is linked.
func TestRich(t *testing.T) {
	got := string(rich("<b>x</b> see https://a.example/p?q=1&r=2. or javascript:alert(1)\nmail me@x.example!"))
	want := `&lt;b&gt;x&lt;/b&gt; see <a href="https://a.example/p?q=1&amp;r=2" dir="ltr" style="` + wrapStyle +
		`">https://a.example/p?q=1&amp;r=2</a>. or javascript:alert(1)<br>mail <a href="mailto:me@x.example" dir="ltr" style="` + wrapStyle + `">me@x.example</a>!`
	if got != want {
		t.Errorf("rich:\n got %s\nwant %s", got, want)
	}
}

type capture struct{ got []mail.Message }

func (c *capture) Send(_ context.Context, m mail.Message) (string, error) {
	c.got = append(c.got, m)
	return "test", nil
}

// TestQueuePersonal: the choice that a person wrote a mail survives the queue (the
// mails.personal column of migration 76), so the delivered mail goes out without
// Auto-Submitted; every other queued mail keeps it, and a Message-ID of the caller's
// own goes out unchanged.
func TestQueuePersonal(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := time.Now()
		tn, err := tenant.Create(ctx, d, "A", "de", nil, now)
		if err != nil {
			t.Fatal(err)
		}
		c := &capture{}
		dl := &Deliverer{DB: d, Now: time.Now, Route: func(context.Context, int64) (mail.Sender, string, error) {
			return c, "portal@a.test", nil
		}}
		for _, personal := range []bool{true, false} {
			id, err := Queue(ctx, d, tn.ID, mail.Message{To: "x@y.test", Subject: "s", Text: "t", Personal: personal,
				MessageID: "own-" + strconv.FormatBool(personal) + "@pforte"}, now)
			if err != nil {
				t.Fatal(err)
			}
			if err := dl.Deliver(ctx, jobs.Job{TenantID: tn.ID, RefID: id}); err != nil {
				t.Fatal(err)
			}
			got := c.got[len(c.got)-1]
			if got.Personal != personal || got.MessageID != "own-"+strconv.FormatBool(personal)+"@a.test" {
				t.Errorf("queued personal=%v, delivered %+v", personal, got)
			}
		}
		// Without a Message-ID of its own, a personal mail gets a plain new one.
		id, err := Queue(ctx, d, tn.ID, mail.Message{To: "x@y.test", Subject: "s", Text: "t", Personal: true}, now)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Get(ctx, d, tn.ID, id, true)
		if err != nil || !m.Personal || !mail.ValidMessageID(m.MessageID) || strings.HasPrefix(m.MessageID, "p.") {
			t.Errorf("stored %+v, %v", m, err)
		}
	})
}
