package mailtmpl

import (
	"slices"
	"strings"
	"testing"

	"pforte/internal/i18n"
)

// noReplyMails are the mails whose built-in body asks for an answer by mail.
var noReplyMails = []string{"mail.ticket_received", "mail.ticket_reply", "mail.ticket_reply_status", "mail.ticket_reminder"}

// TestNoReplyBodies: every mail whose built-in body asks for an answer by mail has,
// in every language, a body that does not, aligned line by line with the usual one
// (the same lines but the asking ones), passing the editor's check; a mail that does
// not ask has none; and the editor starts from the one that fits (DefaultFor).
func TestNoReplyBodies(t *testing.T) {
	for _, key := range noReplyMails {
		m, ok := Lookup(key)
		if !ok {
			t.Fatalf("%s not registered", key)
		}
		for _, lang := range i18n.Languages {
			if !HasNoReply(m, lang) {
				t.Errorf("%s %s: no body without the answer by mail", lang, key)
				continue
			}
			usual, noReply := DefaultFor(m, lang, true), DefaultFor(m, lang, false)
			if usual != Default(m, lang) || noReply.Subject != usual.Subject || noReply.Greeting != usual.Greeting ||
				noReply.Button != usual.Button {
				t.Errorf("%s %s: no-reply text %+v against %+v", lang, key, noReply, usual)
			}
			if e := noReply.Normal().Check(m); e.Any() || strings.Contains(noReply.Body, "<no value>") {
				t.Errorf("%s %s: %q fails the editor's check: %v", lang, key, noReply.Body, e)
			}
			swap := replyLines(m, lang)
			if len(swap) == 0 {
				t.Errorf("%s %s: bodies not aligned line by line:\n%s\n--\n%s", lang, key, usual.Body, noReply.Body)
			}
			for from, to := range swap {
				if to == "" || strings.Count(from, "{{") != strings.Count(to, "{{") {
					t.Errorf("%s %s: %q becomes %q", lang, key, from, to)
				}
			}
		}
	}
	for _, m := range All() {
		if HasNoReply(m, "en") != slices.Contains(noReplyMails, m.Key) {
			t.Errorf("%s: a no-reply body is %v", m.Key, HasNoReply(m, "en"))
		}
	}
}

// TestWithoutReplyInvite: a tenant's text that kept the built-in sentence asking for
// an answer by mail gets the no-reply sentence in its place, in the text's language,
// whatever else the tenant changed; a sentence of their own wording stays, and so does
// a text of a mail that asks for nothing.
func TestWithoutReplyInvite(t *testing.T) {
	m, _ := Lookup("mail.ticket_reply")
	own := "{{reply}}\n\nIhr Team von {{portal}}\nAntworten Sie auf diese E-Mail oder öffnen Sie das Ticket im Portal: {{link}}\n\nGruß"
	got := WithoutReplyInvite(m, "de", Text{Subject: "Re: {{title}}", Body: own})
	want := "{{reply}}\n\nIhr Team von {{portal}}\nÖffnen Sie das Ticket im Portal: {{link}}\n\nGruß"
	if got.Body != want || got.Subject != "Re: {{title}}" {
		t.Errorf("kept sentence: %q", got.Body)
	}
	if got := WithoutReplyInvite(m, "en", Text{Body: own}); got.Body != own {
		t.Errorf("a German text read as English: %q", got.Body)
	}
	mine := "{{reply}}\n\nSchreiben Sie uns einfach zurück."
	if got := WithoutReplyInvite(m, "de", Text{Body: mine}); got.Body != mine {
		t.Errorf("own sentence changed: %q", got.Body)
	}
	r, _ := Lookup("mail.ticket_received")
	d := Default(r, "en")
	if got := WithoutReplyInvite(r, "en", d); got != DefaultNoReply(r, "en") {
		t.Errorf("received: %q", got.Body)
	}
	s, _ := Lookup("mail.ticket_status")
	if got := WithoutReplyInvite(s, "en", Default(s, "en")); got != Default(s, "en") {
		t.Errorf("status changed: %q", got.Body)
	}
}
