package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// dynamicKeys are the message ids the code builds at run time from a literal prefix
// and a value (a state, a kind, a mail's name…), so the whole id appears nowhere as a
// literal. Each entry names the prefix of the ids it covers, the literal the code
// builds them with (when it differs from the prefix), and where. An entry whose
// literal the code no longer has fails the test, so the list cannot outlive the code
// that needs it; keep entries as narrow as the code allows.
var dynamicKeys = []struct{ prefix, built, why string }{
	{"access.", "", "a membership's access state (web.AccessBadge pages)"},
	{"admin.contacts.filter.", "", "the contact list's access filter options"},
	{"admin.outbox.filter.state.", "", "the outbox filter's states"},
	{"admin.outbox.state.", "", "a mail's state in the outbox"},
	{"admin.staff.state.", "", "a staff member's state"},
	{"retention.audit.actor.", "", "the server's task an audit entry names (admin/audit_render.go)"},
	{"retention.audit.removed.", "", "what the retention rules removed, by kind (admin/audit_render_retention.go)"},
	{"retention.field.", "", "a retention rule's label (admin/settings_retention.templ)"},
	{"retention.hint.", "", "a retention rule's hint (admin/settings_retention.templ)"},
	{"retention.kind.", "", "a kind of record the retention rules name (admin/audit_render_retention.go)"},
	{"audit.action.", "", "an audit entry's action, stored by name; the filter lists every id with the prefix"},
	{"audit_details.", "", "audit details rendered from stored words (admin/audit_render_*.go)"},
	{"error.password_", "", "why a password is refused (access.go)"},
	{"feature.", "", "the tenant's feature switches"},
	{"followup.quick.", "", "the follow-up's quick choices"},
	{"inbound.auto.", "", "why an inbound mail counts as automatic"},
	{"inbound.outcome.", "", "what became of an inbound mail"},
	{"inbox.kind.", "", "an inbox item's kind"},
	{"inbox.state.", "", "an inbox item's state"},
	{"kb_admin.status.", "", "an article's status"},
	{"kb_admin.view_note.", "", "the note on an article's visibility"},
	{"kb_admin.visibility.", "", "an article's visibility"},
	{"mail.", "", "a mail's subject, greeting, body and button, by the mail's name (mailtmpl)"},
	{"module.", "", "a portal module's title and text, by the module's name"},
	{"portal.nav.", "", "the portal's navigation, one entry per module"},
	{"presence.conflict.anyway_", "", "the stale notice's hint, by the refused form"},
	{"presence.queue.", "", "a colleague viewing or typing, in the queue"},
	{"reports.channel.", "", "a ticket's channel in the reports"},
	{"reports.from", "reports.", "the period chooser's date fields (web/period_chooser.templ)"},
	{"reports.to", "reports.", "the period chooser's date fields (web/period_chooser.templ)"},
	{"reports.preset.", "", "the period chooser's presets"},
	{"role.", "", "a contact's or staff member's role"},
	{"security.event.wrong_password.", "", "where a wrong password was typed (account page)"},
	{"sla.state.", "", "a ticket's SLA state"},
	{"sla_hours.day.", "", "week days by number in the business hours"},
	{"templates.error.", "", "a mail template's placeholder problem, by kind"},
	{"templates.group.", "", "a mail template group's heading, by the group (mailtmpl.Group)"},
	{"templates.mail.", "", "a mail template's label and purpose, by the mail's name"},
	{"templates.ph.", "", "a placeholder's label, by its name"},
	{"text_modules.error.", "", "a text module's placeholder problem, by kind"},
	{"text_modules.ph.", "", "a text module placeholder's label, by its name"},
	{"ticket.kind.", "", "a status kind"},
	{"ticket.priority.", "", "a priority's name"},
	{"ticket.status.", "", "a built-in status's name, by code"},
	{"ticket_rating.choice.", "", "the portal's rating choices"},
	{"ticket_rating.filter.", "", "the back office's rating filter"},
	{"ticket_rating.value.", "", "a rating's value"},
	{"tickets.event.", "", "a ticket event in the portal, by kind"},
	{"tickets.none_", "", "the empty ticket list, by filter"},
	{"tickets.request.", "", "a ticket request's state in the portal"},
	{"tickets.sort.", "", "the portal list's sort orders"},
	{"tickets.state.", "", "the portal list's state filter"},
	{"tickets_admin.event.", "", "a ticket event in the back office, by kind"},
	{"tickets_admin.request.", "", "a ticket request's state in the back office"},
	{"tickets_admin.sort.", "", "the queue's sort orders"},
	{"tickets_admin.state.", "", "the queue's state filter"},
}

// literal matches a Go or templ string literal, quoted or raw.
var literal = regexp.MustCompile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`]*`")

// TestNoUnusedMessages fails when an English message is used nowhere: its id is no
// string literal of the module's code (tests do not count) and no entry of
// dynamicKeys covers it. Such a message is left over from a change and costs every
// translator a sentence. It also fails when an entry of dynamicKeys has lost the
// literal it stands for.
func TestNoUnusedMessages(t *testing.T) {
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	lits := map[string]bool{}
	var code strings.Builder
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || d.Name() == "testdata"):
			return filepath.SkipDir
		case d.IsDir(), strings.HasSuffix(p, "_test.go"):
			return nil
		case !strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, ".templ"):
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, l := range literal.FindAllString(string(b), -1) {
			lits[l[1:len(l)-1]] = true
		}
		code.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dynamicKeys {
		built := d.built
		if built == "" {
			built = d.prefix
		}
		if !strings.Contains(code.String(), `"`+built+`"`) {
			t.Errorf("dynamicKeys: no code builds ids from %q (%s) any more; drop the entry", built, d.why)
		}
	}
	en, err := Messages(files, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(en) < 50 {
		t.Fatalf("only %d English messages", len(en))
	}
	for _, id := range sortedKeys(en) {
		if lits[id] || covered(id) {
			continue
		}
		t.Errorf("%q is used nowhere in the code: remove it from all languages (or, when the code builds the id, add its prefix to dynamicKeys)", id)
	}
}

// covered reports whether an entry of dynamicKeys covers id.
func covered(id string) bool {
	for _, d := range dynamicKeys {
		if strings.HasPrefix(id, d.prefix) {
			return true
		}
	}
	return false
}
