package mailtmpl

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"pforte/internal/i18n"
)

// pending are registered mails whose built-in texts are written by parallel work on
// issue 3 (self-registration, account security). Whoever merges that work deletes the
// key here; the test then holds its texts to the same rules as all others.
var pending = map[string]bool{}

// notEditable are mail message keys that are not editable mails: the shared closing
// and fallback lines, and the admin's SMTP test mail.
var notEditable = []string{"mail.closing", "mail.fallback", "mail.test"}

// TestRegistryDefaults: every registered mail has built-in texts in every language,
// those texts use only the placeholders the mail declares (an undeclared {{.X}} renders
// as "<no value>" when only declared values are given), and the text the editor starts
// from passes the same check a tenant's text must pass.
func TestRegistryDefaults(t *testing.T) {
	if len(All()) < 15 {
		t.Fatalf("only %d mails registered", len(All()))
	}
	for _, m := range All() {
		for _, lang := range i18n.Languages {
			l := i18n.For(lang)
			for _, id := range []string{m.Label(), m.Purpose()} {
				if l.T(id) == id {
					t.Errorf("%s: no %q", lang, id)
				}
			}
			if pending[m.Key] {
				if HasDefault(m, lang) {
					t.Errorf("%s has texts now: drop it from pending", m.Key)
				}
				continue
			}
			if !HasDefault(m, lang) {
				t.Errorf("%s: %s has no built-in texts", lang, m.Key)
				continue
			}
			d := Default(m, lang)
			for field, s := range map[string]string{"subject": d.Subject, "greeting": d.Greeting, "body": d.Body, "button": d.Button} {
				if strings.Contains(s, "<no value>") {
					t.Errorf("%s %s.%s uses a placeholder the registry does not declare: %q", lang, m.Key, field, s)
				}
			}
			if e := d.Normal().Check(m); e.Any() {
				t.Errorf("%s %s: built-in text fails the editor's check: %v", lang, m.Key, e)
			}
			if d.Subject == "" || d.Body == "" || (d.Button == "") == m.HasButton() {
				t.Errorf("%s %s: empty built-in part: %+v", lang, m.Key, d)
			}
		}
		for _, p := range m.Placeholders {
			for _, lang := range i18n.Languages {
				if l := i18n.For(lang); l.T(p.Label()) == p.Label() {
					t.Errorf("%s: placeholder %s has no description", lang, p.Name)
				}
			}
			if p.Sample == "" && p.SampleKey == "" {
				t.Errorf("%s: placeholder %s has no sample", m.Key, p.Name)
			}
		}
	}
}

// TestDefaultUsesPlaceholders: the editor's starting text shows placeholders, not
// values or Go template syntax.
func TestDefaultUsesPlaceholders(t *testing.T) {
	m, _ := Lookup("mail.invitation")
	d := Default(m, "en")
	if !strings.Contains(d.Subject, "{{portal}}") || !strings.Contains(d.Body, "{{company}}") || !strings.Contains(d.Body, "{{days}}") {
		t.Errorf("default: %+v", d)
	}
	if strings.Contains(d.Body+d.Subject+d.Greeting, "{{.") {
		t.Errorf("Go template syntax in the editor: %+v", d)
	}
}

var keyRE = regexp.MustCompile(`"(mail\.[a-z_]+)(?:\.subject)?"`)

// TestEveryMailRegistered: every mail the code sends or the message files define is in
// the registry (or knowingly not editable), so a mail added later cannot be missed in
// the back office's list.
func TestEveryMailRegistered(t *testing.T) {
	root := filepath.Join("..", "..", "internal")
	seen := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		isGo := strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go")
		isMsg := strings.HasSuffix(path, ".toml") && strings.Contains(path, "locales")
		if !isGo && !isMsg {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(raw)
		for _, at := range keyRE.FindAllStringSubmatchIndex(text, -1) {
			m0, m1 := text[at[0]:at[1]], text[at[2]:at[3]]
			if isMsg && !strings.Contains(m0, ".subject") {
				continue // in message files, a mail is a key with a subject
			}
			if isGo && strings.HasPrefix(text[at[1]:], ":") {
				continue // a map key in Go, such as the mail provider "mail.de": not a mail
			}
			seen[m1] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !seen["mail.invitation"] || !seen["mail.welcome"] {
		t.Fatalf("scan found too little: %v", seen)
	}
	for k := range seen {
		if _, ok := Lookup(k); !ok && !slices.Contains(notEditable, k) {
			t.Errorf("%s is sent or defined but not registered in mailtmpl", k)
		}
	}
}

// renderAllowed are the files that may render a Letter without the tenant's text: the
// SMTP test mail (not editable) and the editor's preview (renders the unsaved text).
var renderAllowed = []string{"admin/settings_mail_test_mail.go", "admin/mail_template_preview.go"}

// TestLettersUseTenantText: code that sends an outbox.Letter renders it with RenderFor,
// so a tenant's own text applies; a plain Render() would silently ignore it.
func TestLettersUseTenantText(t *testing.T) {
	root := filepath.Join("..", "..", "internal")
	render := regexp.MustCompile(`\.Render\(\)`)
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, root+string(filepath.Separator)))
		if strings.HasPrefix(rel, "outbox/") || slices.Contains(renderAllowed, rel) {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(raw), "outbox.Letter") && render.Match(raw) {
			t.Errorf("%s renders a Letter with Render(); use RenderFor(ctx, tx, tenantID)", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
