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
// have a body for contacts without access in every language; it uses only the mail's
// placeholders, passes the editor's check, and is not the usual body. Every such body
// in the message files belongs to a registered mail (a typo would silently never be
// used), and a mail without one says so.
func TestNoPortalVariants(t *testing.T) {
	for _, key := range []string{"mail.ticket_received", "mail.ticket_reminder"} {
		m, ok := Lookup(key)
		if !ok {
			t.Fatalf("%s not registered", key)
		}
		for _, lang := range i18n.Languages {
			v, ok := NoPortal(m, lang)
			if !ok {
				t.Errorf("%s %s: no body for contacts without portal access", lang, key)
				continue
			}
			if strings.Contains(v.Body, "<no value>") || !strings.Contains(v.Body, "{{ticket}}") {
				t.Errorf("%s %s: body %q", lang, key, v.Body)
			}
			if e := v.Normal().Check(m); e.Any() {
				t.Errorf("%s %s: fails the editor's check: %v", lang, key, e)
			}
			d := Default(m, lang)
			if v.Body == d.Body || v.Subject != d.Subject || v.Button != d.Button {
				t.Errorf("%s %s: variant %+v against default %+v", lang, key, v, d)
			}
		}
	}
	if _, ok := NoPortal(registry["mail.ticket_reply"], "en"); ok {
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
