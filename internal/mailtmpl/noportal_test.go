package mailtmpl

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/i18n"
)

// TestNoPortalVariants: the mails whose built-in body sends the reader to the portal
// have an editable wording for contacts without access, built in for every language:
// the usual subject and greeting, a body of its own using only the mail's placeholders,
// no button, and it passes the editor's check. The wording offers no portal link, so a
// tenant's text of it cannot carry one. Every such body in the message files belongs
// to a registered mail (a typo would silently never be used), and a mail without one
// says so.
func TestNoPortalVariants(t *testing.T) {
	for _, key := range []string{"mail.ticket_received", "mail.ticket_reminder"} {
		m, ok := Lookup(key)
		if !ok {
			t.Fatalf("%s not registered", key)
		}
		v, ok := NoPortal(key)
		if !ok || v.HasButton() || v.NoPortalOf != key {
			t.Fatalf("%s: no wording for contacts without portal access: %+v", key, v)
		}
		if _, ok := v.Placeholder(Link.Name); ok {
			t.Errorf("%s offers {{link}}", v.Key)
		}
		if p := Check(v, "Open {{link}}"); p == nil || p.Kind != ProblemUnknown {
			t.Errorf("%s: {{link}} passes the check: %v", v.Key, p)
		}
		for _, lang := range i18n.Languages {
			if !HasDefault(v, lang) {
				t.Errorf("%s %s: no built-in text", lang, v.Key)
				continue
			}
			w := Default(v, lang)
			if strings.Contains(w.Body, "<no value>") || !strings.Contains(w.Body, "{{ticket}}") {
				t.Errorf("%s %s: body %q", lang, key, w.Body)
			}
			if e := w.Normal().Check(v); e.Any() {
				t.Errorf("%s %s: fails the editor's check: %v", lang, key, e)
			}
			d := Default(m, lang)
			if w.Body == d.Body || w.Subject != d.Subject || w.Greeting != d.Greeting || w.Button != "" {
				t.Errorf("%s %s: variant %+v against default %+v", lang, key, w, d)
			}
		}
	}
	if _, ok := NoPortal("mail.ticket_reply"); ok {
		t.Errorf("mail.ticket_reply has a variant nobody wrote")
	}
	re := regexp.MustCompile(`"(mail\.[a-z_]+)` + regexp.QuoteMeta(NoPortalBody) + `"`)
	files, err := filepath.Glob(filepath.Join("..", "i18n", "locales", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("locales: %v", err)
	}
	found := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(raw), -1) {
			found++
			if _, ok := Lookup(m[1]); !ok {
				t.Errorf("%s: %s%s is no registered mail's", f, m[1], NoPortalBody)
			}
		}
	}
	if found < 2*len(i18n.Languages) {
		t.Errorf("found %d no-portal bodies", found)
	}
}

// TestWithoutPortalLinks: a paragraph using a portal address (however spaced) is left
// out for a recipient without access, the others stay; a body of nothing but such
// paragraphs is reported empty.
func TestWithoutPortalLinks(t *testing.T) {
	in := Text{Subject: "Re {{ticket}}", Body: "{{author}} wrote.\n\nSee {{ link }} for more.\n\nAlso {{portal_url}}.\n\nThanks, {{first_name}}", Button: "Look"}
	out, ok := WithoutPortalLinks(in)
	if !ok || out.Body != "{{author}} wrote.\n\nThanks, {{first_name}}" || out.Subject != in.Subject || out.Button != in.Button {
		t.Errorf("got %+v, %v", out, ok)
	}
	if out, ok := WithoutPortalLinks(Text{Body: "Open {{link}}"}); ok || out.Body != "" {
		t.Errorf("only a link: %+v, %v", out, ok)
	}
}
