package mailtmpl

import "testing"

// TestBodyOnly: {{reply}} and the support contacts are refused in the subject, the
// greeting and the button, each with a message naming the placeholder; {{reply}} is
// refused a second time in the body. The same texts pass with them in the body once.
func TestBodyOnly(t *testing.T) {
	reply, _ := Lookup("mail.ticket_reply")
	notice, _ := Lookup("mail.twofactor_enabled")
	ok := Text{Subject: "Re: {{title}}", Body: "{{reply}}\n\n{{author}}", Button: "Open"}
	if e := ok.Check(reply); e.Any() {
		t.Fatalf("valid text refused: %v", e)
	}
	for _, c := range []struct {
		m           Mail
		t           Text
		field, id   string
		placeholder string
	}{
		{reply, Text{Subject: "Re: {{reply}}", Body: "{{reply}}", Button: "Open"}, "subject", "mailout.error.body_only", "{{reply}}"},
		{reply, Text{Subject: "Re", Greeting: "Hi {{reply}}", Body: "{{reply}}", Button: "Open"}, "greeting", "mailout.error.body_only", "{{reply}}"},
		{reply, Text{Subject: "Re", Body: "{{reply}}", Button: "{{reply}}"}, "button", "mailout.error.body_only", "{{reply}}"},
		{reply, Text{Subject: "Re", Body: "{{reply}}\n\nAgain:\n\n{{ reply }}", Button: "Open"}, "body", "mailout.error.reply_twice", "{{reply}}"},
		{notice, Text{Subject: "Call {{support_phone}}", Greeting: "Hi", Body: "x", Button: "b"}, "subject", "mailout.error.body_only", "{{support_phone}}"},
		{notice, Text{Subject: "s", Greeting: "Hi", Body: "x", Button: "Sign in {{support_email}}"}, "button", "mailout.error.body_only", "{{support_email}}"},
		{notice, Text{Subject: "s", Greeting: "Hi {{first_name}}, phone {{support_phone}}", Body: "x", Button: "b"}, "greeting", "mailout.error.body_only", "{{support_phone}}"},
	} {
		e := c.t.Check(c.m)
		if got := e[c.field]; got.ID != c.id || got.Data["Text"] != c.placeholder {
			t.Errorf("%+v: %s error %+v, want %s for %s", c.t, c.field, got, c.id, c.placeholder)
		}
	}
	if e := (Text{Subject: "s", Greeting: "Hi", Body: "Call {{support_phone}} or write {{support_email}}.", Button: "b"}).Check(notice); e.Any() {
		t.Errorf("support contacts refused in the body: %v", e)
	}
}

// TestWithdrawnLink: a registration mail that no longer offers {{link}} still accepts a
// text saved with it (an admin can save it again), and does not list it.
func TestWithdrawnLink(t *testing.T) {
	for _, key := range []string{"mail.registration_received", "mail.registration_rejected"} {
		m, _ := Lookup(key)
		if _, ok := m.Placeholder(Link.Name); ok {
			t.Errorf("%s offers {{link}}", key)
		}
		old := Text{Subject: "Registration", Greeting: "Hello {{name}},", Body: "Thanks.\n\nPortal: {{link}}"}
		if e := old.Check(m); e.Any() {
			t.Errorf("%s: old text with {{link}} unsaveable: %v", key, e)
		}
		if e := (Text{Subject: "s", Greeting: "g", Body: "{{nope}}"}).Check(m); e["body"].ID != "templates.error.unknown" {
			t.Errorf("%s: unknown placeholder accepted", key)
		}
	}
}
