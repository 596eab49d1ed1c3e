package server_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestStaffExportContact: "Download data" on a contact's page gives an admin the file
// the contact downloads in the portal, in the contact's language: Uwe's details, his
// ticket with staff's public reply and the ticket he follows, never the internal note
// nor a colleague's ticket; the audit log records that staff exported it. It holds the
// tickets also when his portal access was withdrawn (the request came by letter).
func TestStaffExportContact(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		colleague := d.open(t, d.as("ula@alpha.test", "ula-password-1"), "ULA-PRIVAT Monitor")
		path := "/admin/contacts/" + id(d.uwe) + "/export"
		check := func(when string) {
			t.Helper()
			r := d.admin.Get(path)
			if r.Status != 200 || !strings.Contains(r.Header.Get("Content-Disposition"), `filename="pforte-meine-daten-`) {
				t.Fatalf("%s: export %d %q %.300s", when, r.Status, r.Header.Get("Content-Disposition"), r.Body)
			}
			var out exported
			if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
				t.Fatalf("%s: export is no JSON: %v", when, err)
			}
			for _, leak := range []string{"GEHEIM-NOTIZ", "ULA-PRIVAT", "argon2", "reply_token"} {
				if strings.Contains(r.Body, leak) {
					t.Errorf("%s: export holds %q", when, leak)
				}
			}
			if !strings.Contains(r.Body, `"email": "uwe@alpha.test"`) {
				t.Errorf("%s: export lacks the contact's details", when)
			}
			if len(out.Tickets) != 2 || out.Tickets[0].Number != d.own || out.Tickets[1].Number != d.followed {
				t.Fatalf("%s: tickets %+v (colleague's is %d)", when, out.Tickets, colleague)
			}
			if m := out.Tickets[0].Messages; len(m) != 2 || m[0].From != "you" || m[1].From != "staff" ||
				!strings.HasPrefix(m[1].Body, "STAFF-ANTWORT") {
				t.Errorf("%s: own ticket's messages %+v", when, m)
			}
		}
		check("with access")
		var membership int64
		d.env.DB.QueryRow(t.Context(), `SELECT id FROM memberships WHERE contact_id = ?`, d.uwe).Scan(&membership)
		if r := d.admin.Post("/admin/memberships/"+id(membership)+"/revoke", url.Values{}); r.Status != 303 {
			t.Fatalf("revoke: %d", r.Status)
		}
		check("access withdrawn")

		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'contact_data_exported' AND contact_id = ?
			AND actor LIKE 'staff:%' AND target = ?`, d.uwe, "contact "+id(d.uwe)); n != 2 {
			t.Errorf("%d exports audited, want 2", n)
		}
		if log := d.admin.Get("/admin/audit?action=contact_data_exported").Body; !strings.Contains(log, "Daten von Mitarbeitenden exportiert") ||
			!strings.Contains(log, "Kontakt #"+id(d.uwe)) {
			t.Errorf("audit page does not render the export")
		}
	})
}
