package server_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// staffExported is exported with the part only staff's export has.
type staffExported struct {
	exported
	Elsewhere []struct {
		Ticket  int64  `json:"ticket"`
		Title   string `json:"title"`
		Company string `json:"company"`
		Body    string `json:"body"`
	} `json:"messages_on_other_tickets"`
}

// staffExport downloads Uwe's data as the admin and checks what never goes out.
func (d eraseDesk) staffExport(t *testing.T, when string) (staffExported, string) {
	t.Helper()
	r := d.admin.Post("/admin/contacts/"+id(d.uwe)+"/export", url.Values{})
	if r.Status != 200 || !strings.Contains(r.Header.Get("Content-Disposition"), `filename="pforte-kontakt-`+id(d.uwe)+"-") {
		t.Fatalf("%s: export %d %q %.300s", when, r.Status, r.Header.Get("Content-Disposition"), r.Body)
	}
	var out staffExported
	if err := json.Unmarshal([]byte(r.Body), &out); err != nil {
		t.Fatalf("%s: export is no JSON: %v", when, err)
	}
	// Never the internal note, a colleague's ticket or message, a secret.
	for _, leak := range []string{"GEHEIM-NOTIZ", "ULA-PRIVAT", "Beschreibung von ULA-ZUGANG", "argon2", "reply_token"} {
		if strings.Contains(r.Body, leak) {
			t.Errorf("%s: export holds %q", when, leak)
		}
	}
	return out, r.Body
}

// TestStaffExportContact: "Download data" on a contact's page (a POST: a GET or a
// prefetch neither runs it nor logs it) gives an admin the file the contact downloads in
// the portal, in the contact's language, named with the contact's number: Uwe's
// details, his ticket with staff's public reply and the ticket he follows (without Ula's
// description there), never the internal note nor a colleague's ticket; the audit log
// records that staff exported it. It holds the tickets also when his portal access was
// withdrawn (the request came by letter). What Uwe wrote on a ticket he no longer
// follows, or on one in a status the portal hides, is in the staff's file with the
// ticket it stands on, but not in the portal's.
func TestStaffExportContact(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		colleague := d.open(t, d.as("ula@alpha.test", "ula-password-1"), "ULA-PRIVAT Monitor")
		path := "/admin/contacts/" + id(d.uwe) + "/export"
		for _, method := range []string{"GET", "HEAD"} {
			if r := d.admin.Do(method, path, nil); r.Status == 200 || strings.Contains(r.Body, "uwe@alpha.test") {
				t.Errorf("%s export: %d %.200s", method, r.Status, r.Body)
			}
		}
		check := func(when string) {
			t.Helper()
			out, body := d.staffExport(t, when)
			if !strings.Contains(body, `"email": "uwe@alpha.test"`) {
				t.Errorf("%s: export lacks the contact's details", when)
			}
			if len(out.Tickets) != 2 || out.Tickets[0].Number != d.own || out.Tickets[1].Number != d.followed {
				t.Fatalf("%s: tickets %+v (colleague's is %d)", when, out.Tickets, colleague)
			}
			if m := out.Tickets[0].Messages; len(m) != 2 || m[0].From != "you" || m[1].From != "staff" ||
				!strings.HasPrefix(m[1].Body, "STAFF-ANTWORT") {
				t.Errorf("%s: own ticket's messages %+v", when, m)
			}
			if m := out.Tickets[1].Messages; len(m) != 0 {
				t.Errorf("%s: the followed ticket holds others' messages %+v", when, m)
			}
			if len(out.Elsewhere) != 0 {
				t.Errorf("%s: messages elsewhere %+v", when, out.Elsewhere)
			}
		}
		check("with access")
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'contact_data_exported'`); n != 1 {
			t.Errorf("%d exports audited after a GET and a POST, want 1", n)
		}
		var membership int64
		d.env.DB.QueryRow(t.Context(), `SELECT id FROM memberships WHERE contact_id = ?`, d.uwe).Scan(&membership)
		if r := d.admin.Post("/admin/memberships/"+id(membership)+"/grant", url.Values{}); r.Status != 303 {
			t.Fatalf("grant: %d", r.Status)
		}
		uwe := d.as("uwe@alpha.test", "uwe-password-1")

		// Uwe answers on Ula's ticket by mail, then stops following it.
		d.staffDo(t, d.followed, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.AddReply(ctx, tx, tk, ticket.Reply{ContactID: d.uwe, Author: "Uwe", Body: "UWE-ZUSATZ Drucker auch", Via: "email"}, time.Now())
			return err
		})
		if _, err := d.env.DB.Exec(context.Background(), `DELETE FROM ticket_followers WHERE ticket_id = ? AND contact_id = ?`, d.followed, d.uwe); err != nil {
			t.Fatal(err)
		}
		out, _ := d.staffExport(t, "unfollowed")
		if len(out.Tickets) != 1 || len(out.Elsewhere) != 1 || out.Elsewhere[0].Ticket != d.followed ||
			out.Elsewhere[0].Title != "ULA-ZUGANG gemeinsam" || out.Elsewhere[0].Company != "Alpha GmbH" ||
			!strings.HasPrefix(out.Elsewhere[0].Body, "UWE-ZUSATZ") {
			t.Errorf("unfollowed: tickets %d, elsewhere %+v", len(out.Tickets), out.Elsewhere)
		}
		if body := uwe.Post("/account/export", nil).Body; strings.Contains(body, "UWE-ZUSATZ") || strings.Contains(body, "messages_on_other_tickets") {
			t.Errorf("the portal's export changed:\n%.2000s", body)
		}

		// His own ticket in a status the portal does not show.
		if _, err := d.env.DB.Exec(context.Background(), `UPDATE ticket_statuses SET portal_visible = FALSE
			WHERE id = (SELECT status_id FROM tickets WHERE id = ?)`, d.own); err != nil {
			t.Fatal(err)
		}
		out, body := d.staffExport(t, "hidden status")
		if len(out.Tickets) != 0 || len(out.Elsewhere) != 2 || out.Elsewhere[0].Ticket != d.own ||
			!strings.HasPrefix(out.Elsewhere[0].Body, "Beschreibung von UWE-DRUCKER") || strings.Contains(body, "STAFF-ANTWORT") {
			t.Errorf("hidden status: tickets %d, elsewhere %+v", len(out.Tickets), out.Elsewhere)
		}

		if r := d.admin.Post("/admin/memberships/"+id(membership)+"/revoke", url.Values{}); r.Status != 303 {
			t.Fatalf("revoke: %d", r.Status)
		}
		if _, err := d.env.DB.Exec(context.Background(), `UPDATE ticket_statuses SET portal_visible = TRUE`); err != nil {
			t.Fatal(err)
		}
		if _, err := d.env.DB.Exec(context.Background(), `INSERT INTO ticket_followers (ticket_id, tenant_id, contact_id, created_at)
			VALUES (?, ?, ?, ?)`, d.followed, d.t.ID, d.uwe, time.Now().Unix()); err != nil {
			t.Fatal(err)
		}
		out, _ = d.staffExport(t, "access withdrawn")
		if len(out.Tickets) != 2 || len(out.Elsewhere) != 0 {
			t.Errorf("access withdrawn: %d tickets, elsewhere %+v", len(out.Tickets), out.Elsewhere)
		}

		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'contact_data_exported' AND contact_id = ?
			AND actor LIKE 'staff:%' AND target = ?`, d.uwe, "contact "+id(d.uwe)); n != 4 {
			t.Errorf("%d exports audited, want 4", n)
		}
		if log := d.admin.Get("/admin/audit?action=contact_data_exported").Body; !strings.Contains(log, "Daten von Mitarbeitenden exportiert") ||
			!strings.Contains(log, "Kontakt #"+id(d.uwe)) {
			t.Errorf("audit page does not render the export")
		}
	})
}
