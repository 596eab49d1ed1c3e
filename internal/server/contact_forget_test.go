package server_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/testutil"
)

// forgetTraces are what Uwe leaves besides his account in newEraseDesk's world, seeded
// by seedForgetTraces: the ids and keys to check after the erasure.
type forgetTraces struct {
	queuedOld, queuedNew, sent int64 // mails to the old and the new address
	rawKey                     string
	earlierFile                string // an attachment of the earlier mail of his threaded mail item
	mailItem, regItem          int64
}

// seedForgetTraces puts Uwe into every place the back office searches: he changes his
// own name and phone, reads tickets, asks for a password reset and rates his ticket;
// a registration from before he was a contact and a mail from him (raw message kept,
// with its inbound record, the address in capitals) wait in the inbox; staff preview
// the portal as him, move his ticket to Alice, answer a mail of his (sent) and queue
// one; last, staff change his address to uwe.neu@alpha.test (the notice to the old
// address stays queued).
func seedForgetTraces(t *testing.T, d eraseDesk) forgetTraces {
	t.Helper()
	ctx := context.Background()
	var tr forgetTraces
	uwe := d.as("uwe@alpha.test", "uwe-password-1")
	if r := uwe.Post("/account/details", url.Values{"first_name": {"Uwolf"}, "last_name": {"Altmann"},
		"phone": {"+49 170 5551234"}}); r.Status != 303 {
		t.Fatalf("own details: %d", r.Status)
	}
	uwe.Get("/tickets/" + id(d.own))
	uwe.Get("/tickets/" + id(d.followed))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	_, err := d.env.DB.Exec(ctx, `INSERT INTO reset_requests (tenant_id, email, ip, origin, created_at) VALUES (?, ?, '', '', ?)`,
		d.t.ID, "uwe@alpha.test", now.Unix())
	must(err)
	_, err = d.env.DB.Exec(ctx, `INSERT INTO ticket_ratings (tenant_id, ticket_id, resolution, contact_id, rating, comment, created_at, rated_at)
		VALUES (?, ?, 1, ?, 'bad', 'UWOLF-KOMMENTAR ruft mich an: 0170 5551234', ?, ?)`, d.t.ID, d.own, d.uwe, now.Unix(), now.Unix())
	must(err)

	reg := access.RegistrationPayload{FirstName: "Uwe", LastName: "Altmann", Email: "uwe@alpha.test", Company: "Alpha GmbH",
		Phone: "+49 170 5551234"}
	tr.regItem, err = inbox.Create(ctx, d.env.DB, inbox.Item{TenantID: d.t.ID, Kind: inbox.KindRegistration,
		Title: "Uwe Altmann · Alpha GmbH", Email: "uwe@alpha.test", Domain: "alpha.test"}, reg, now)
	must(err)
	must(audit.Log(ctx, d.env.DB, d.t.ID, "uwe@alpha.test", audit.RegistrationRequested, "Alpha GmbH", "", now))
	st, err := d.env.App.Env.Files.Put(strings.NewReader("From: Uwe Altmann <UWE@alpha.test>\r\nSubject: UWE-MAIL\r\n\r\nRuf an: 0170 5551234\r\n"), 1<<20)
	must(err)
	tr.rawKey = st.Key
	_, err = d.env.DB.Exec(ctx, `INSERT INTO inbound_mails (tenant_id, received_at, mail_from, rcpt, sender, subject, outcome, raw_key)
		VALUES (?, ?, ?, 'support@desk.test', ?, 'UWE-MAIL Drucker', 'inbox', ?)`, d.t.ID, now.Unix(), "UWE@alpha.test", "UWE@alpha.test", st.Key)
	must(err)
	att, err := d.env.App.Env.Files.Put(strings.NewReader("UWE-MAIL Foto"), 1<<20)
	must(err)
	tr.earlierFile = att.Key
	tr.mailItem, err = inbox.Create(ctx, d.env.DB, inbox.Item{TenantID: d.t.ID, Kind: inbox.KindMail, Title: "UWE-MAIL Drucker",
		Email: "uwe@alpha.test", Domain: "alpha.test"}, inbox.MailPayload{From: "uwe@alpha.test", FromName: "Uwe Altmann",
		Subject: "UWE-MAIL Drucker", Text: "Ruf an: 0170 5551234", RawKey: st.Key,
		Earlier: []inbox.MailTurn{{From: "uwe@alpha.test", Subject: "UWE-MAIL Drucker", Text: "UWE-MAIL zuerst",
			Attachments: []inbox.MailFile{{Name: "foto.jpg", Key: att.Key}}, Reply: "Welcher Drucker?"}}}, now)
	must(err)

	if r := d.admin.Post("/admin/contacts/"+id(d.uwe)+"/preview", url.Values{"company_id": {id(d.a.ID)}}); r.Status != 303 {
		t.Fatalf("preview: %d", r.Status)
	}
	if r := d.admin.Post("/admin/tickets/"+id(d.own)+"/move", url.Values{"contact": {id(d.alice)}}); r.Status != 303 {
		t.Fatalf("move: %d %.300s", r.Status, r.Body)
	}
	tr.sent, err = outbox.Queue(ctx, d.env.DB, d.t.ID, mail.Message{To: "uwe@alpha.test", Subject: "UWE-GESENDET Antwort",
		Text: "Hallo Uwolf"}, now.Add(time.Hour))
	must(err)
	_, err = d.env.DB.Exec(ctx, `UPDATE mails SET state = 'sent', sent_at = ? WHERE id = ?`, now.Unix(), tr.sent)
	must(err)
	tr.queuedOld, err = outbox.Queue(ctx, d.env.DB, d.t.ID, mail.Message{To: "Uwe@Alpha.test", Subject: "UWE-WARTET",
		Text: "Hallo Uwolf"}, now.Add(time.Hour))
	must(err)

	ct, err := contact.Get(ctx, d.env.DB, d.t.ID, d.uwe)
	must(err)
	ct.Email = "uwe.neu@alpha.test"
	must(d.env.App.Access.UpdateContact(ctx, d.t, access.Actor{Label: "staff:1 agent@desk.test"}, ct, "http://desk.test"))
	tr.queuedNew, err = outbox.Queue(ctx, d.env.DB, d.t.ID, mail.Message{To: "uwe.neu@alpha.test", Subject: "UWE-NEU-WARTET",
		Text: "x"}, now.Add(time.Hour))
	must(err)
	return tr
}

// forgetLeaks are the texts that name Uwe: both addresses, the names he had, his phone.
var forgetLeaks = []string{"uwe@alpha.test", "uwe.neu@alpha.test", "Uwolf", "Altmann", "5551234", "UWE-MAIL", "UWE-GESENDET", "UWE-WARTET"}

// TestEraseForgetsEverywhere: after an admin erases Uwe, searching the audit log, the
// outbox, the inbox, the record of incoming mail and the tickets for any address he
// had, his names or his phone finds nothing; mail not sent to either address is
// cancelled, the raw message is gone from the file store, he follows nothing, has no
// read marks or reset requests, his rating comment is blank, the registration is
// closed; his tickets stay readable under the placeholder, the moved note included.
func TestEraseForgetsEverywhere(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		tr := seedForgetTraces(t, d)
		// The seeding put Uwe everywhere (else the checks below could not fail).
		before := d.admin.Get("/admin/audit?q=uwe").Body + d.admin.Get("/admin/outbox?q=uwe").Body +
			d.admin.Get("/admin/inbox?state=open").Body + d.admin.Get("/admin/settings/mail").Body +
			d.admin.Get("/admin/tickets/"+id(d.own)).Body
		for _, leak := range []string{"uwe@alpha.test", "uwe.neu@alpha.test", "Uwolf", "5551234", "UWE-GESENDET", "UWE-WARTET",
			"UWE-MAIL", "Altmann"} {
			if !strings.Contains(before, leak) {
				t.Errorf("before erasure, the back office does not show %q", leak)
			}
		}
		for _, q := range []string{`SELECT COUNT(*) FROM ticket_followers WHERE contact_id = ?`,
			`SELECT COUNT(*) FROM ticket_contact_reads WHERE contact_id = ?`} {
			if count(t, d.env, q, d.uwe) == 0 {
				t.Errorf("not seeded: %s", q)
			}
		}

		page := "/admin/contacts/" + id(d.uwe)
		if r := d.admin.Post(page+"/erase", url.Values{"confirm": {"uwe.neu@alpha.test"}}); r.Status != 303 {
			t.Fatalf("erase: %d %.500s", r.Status, r.Body)
		}

		anon := "Gelöschter Kontakt #" + id(d.uwe)
		pages := map[string]string{}
		for _, p := range []string{"/admin/audit?q=uwe", "/admin/audit?q=5551234", "/admin/audit?q=uwolf", "/admin/audit?q=altmann",
			"/admin/audit", "/admin/outbox?q=uwe", "/admin/outbox", "/admin/inbox", "/admin/inbox?state=done",
			"/admin/inbox/" + id(tr.mailItem), "/admin/inbox/" + id(tr.regItem), "/admin/settings/mail",
			"/admin/outbox/" + id(tr.sent), "/admin/tickets?q=uwe", "/admin/tickets?q=uwolf",
			"/admin/tickets/" + id(d.own), "/admin/tickets/" + id(d.followed)} {
			r := d.admin.Get(p)
			if r.Status != 200 {
				t.Errorf("%s: %d", p, r.Status)
			}
			pages[p] = r.Body
			body := strings.ToLower(r.Body)
			if u, err := url.Parse(p); err == nil && u.Query().Get("q") != "" { // the page repeats what was searched
				q := u.Query().Get("q")
				body = strings.NewReplacer(`value="`+q+`"`, "", "q="+q, "").Replace(body)
			}
			for _, leak := range forgetLeaks {
				if strings.Contains(body, strings.ToLower(leak)) {
					i := strings.Index(body, strings.ToLower(leak))
					t.Errorf("%s still shows %q: …%s…", p, leak, body[max(0, i-200):min(len(body), i+100)])
				}
			}
		}
		if tk := pages["/admin/tickets/"+id(d.own)]; !strings.Contains(tk, "UWE-DRUCKER") || !strings.Contains(tk, "Alpha GmbH · "+anon) {
			t.Errorf("the moved ticket is not readable with the placeholder in its move")
		}
		if !strings.Contains(pages["/admin/tickets/"+id(d.followed)], "ULA-ZUGANG") {
			t.Errorf("the followed ticket is not readable")
		}
		if !strings.Contains(pages["/admin/outbox/"+id(tr.sent)], "Entfernt: Die Daten der Person wurden gelöscht.") {
			t.Errorf("the sent mail does not say its text was removed")
		}

		for _, m := range []int64{tr.queuedOld, tr.queuedNew} {
			var state string
			d.env.DB.QueryRow(ctx, `SELECT state FROM mails WHERE id = ?`, m).Scan(&state)
			if state != outbox.StateCancelled {
				t.Errorf("mail %d to a former address: %q", m, state)
			}
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE state = 'queued' AND LOWER(to_addr) LIKE ?`, "uwe%"); n != 0 {
			t.Errorf("%d mails to Uwe still queued (the notice of the address change among them)", n)
		}
		if f, err := d.env.App.Env.Files.Open(tr.rawKey); err == nil {
			f.Close()
			t.Errorf("the raw message of Uwe's mail is still in the file store")
		}
		if f, err := d.env.App.Env.Files.Open(tr.earlierFile); err == nil {
			f.Close()
			t.Errorf("the attachment of Uwe's earlier mail is still in the file store")
		}
		for q, want := range map[string]int{
			`SELECT COUNT(*) FROM ticket_followers WHERE contact_id = ?`:                         0,
			`SELECT COUNT(*) FROM ticket_contact_reads WHERE contact_id = ?`:                     0,
			`SELECT COUNT(*) FROM ticket_ratings WHERE contact_id = ? AND comment <> ''`:         0,
			`SELECT COUNT(*) FROM ticket_ratings WHERE contact_id = ?`:                           1,
			`SELECT COUNT(*) FROM inbound_mails WHERE raw_key <> '' AND ? > 0`:                   0,
			`SELECT COUNT(*) FROM inbox_items WHERE state = 'open' AND ? > 0`:                    0,
			`SELECT COUNT(*) FROM reset_requests WHERE email LIKE 'uwe%' AND ? > 0`:              0,
			`SELECT COUNT(*) FROM audit_log WHERE action = 'contact_changed' AND contact_id = ?`: 2,
		} {
			if n := count(t, d.env, q, d.uwe); n != want {
				t.Errorf("%s: %d, want %d", q, n, want)
			}
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'ticket_moved' AND target LIKE ?`,
			"%contact:"+id(d.uwe)+" → %"); n != 1 {
			t.Errorf("%d moves of Uwe's ticket audited, want 1", n)
		}
		var payload string
		d.env.DB.QueryRow(ctx, `SELECT payload FROM inbox_items WHERE id = ?`, tr.regItem).Scan(&payload)
		var reg access.RegistrationPayload
		if err := json.Unmarshal([]byte(payload), &reg); err != nil || reg.Email != access.DeletedEmail(d.uwe) || reg.Company != "Alpha GmbH" {
			t.Errorf("registration payload after erasure: %s", payload)
		}
	})
}

// TestOwnDeletionForgetsEverywhere: deleting one's own account runs the same erasure:
// the former address leaves the audit log and the outbox.
func TestOwnDeletionForgetsEverywhere(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		tr := seedForgetTraces(t, d)
		uwe := d.as("uwe.neu@alpha.test", "uwe-password-1")
		if r := uwe.Post("/account/delete", url.Values{"delete_password": {"uwe-password-1"}}); r.Status != 303 {
			t.Fatalf("own deletion: %d", r.Status)
		}
		for _, p := range []string{"/admin/audit?q=uwe", "/admin/outbox?q=uwe", "/admin/settings/mail", "/admin/inbox/" + id(tr.mailItem)} {
			body := d.admin.Get(p).Body
			for _, leak := range forgetLeaks {
				if strings.Contains(body, leak) {
					t.Errorf("%s still shows %q", p, leak)
				}
			}
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE id = ? AND state = 'cancelled'`, tr.queuedOld); n != 1 {
			t.Errorf("the mail to the old address was not cancelled")
		}
	})
}

// TestEraseDeletedAccountLeftovers: a contact who deleted their own account leaves the
// account_deleted item with the former details for staff while it is open (marking it
// done empties it: TestDeletedAccountNoticeDone); an admin's erasure of the deleted
// account takes those out too, once, and closes the item.
func TestEraseDeletedAccountLeftovers(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		item := ulaDeletesOwnAccount(t, d)
		leaks := []string{"ula@alpha.test", "Ulrike", "Lohmeyer", "7778899"}
		shown := d.admin.Get("/admin/inbox/" + id(item)).Body
		for _, leak := range leaks {
			if !strings.Contains(shown, leak) {
				t.Errorf("before: %q not kept for staff", leak)
			}
		}
		ct, err := contact.Get(ctx, d.env.DB, d.t.ID, d.ula)
		if err != nil {
			t.Fatal(err)
		}
		svc, by := d.env.App.Access, access.Actor{Label: "staff:1 agent@desk.test"}
		if n, err := svc.DeletedAccountLeftovers(ctx, ct); err != nil || n != 1 {
			t.Fatalf("leftovers: %d %v", n, err)
		}
		if err := svc.EraseDeletedAccount(ctx, d.t, by, ct, "Löschantrag"); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/admin/inbox/" + id(item), "/admin/inbox?state=done", "/admin/audit", "/admin/audit?q=ula"} {
			body := strings.ReplaceAll(d.admin.Get(p).Body, "q=ula", "")
			body = strings.ReplaceAll(body, `value="ula"`, "")
			for _, leak := range leaks {
				if strings.Contains(body, leak) {
					t.Errorf("%s still shows %q", p, leak)
				}
			}
		}
		if n, _ := svc.DeletedAccountLeftovers(ctx, ct); n != 0 {
			t.Errorf("%d leftovers after the erasure", n)
		}
		if err := svc.EraseDeletedAccount(ctx, d.t, by, ct, ""); !errors.Is(err, access.ErrAlreadyErased) {
			t.Errorf("erasing again: %v", err)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'contact_erased' AND contact_id = ?`, d.ula); n != 1 {
			t.Errorf("%d erasures audited, want 1", n)
		}
	})
}

// TestEraseSparesAddressOfAnother: an address Uwe gave up and a new colleague has now is
// that colleague's: erasing Uwe leaves the mail queued to it and their sign-in alone.
func TestEraseSparesAddressOfAnother(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		ct, err := contact.Get(ctx, d.env.DB, d.t.ID, d.uwe)
		if err != nil {
			t.Fatal(err)
		}
		ct.Email = "uwe.neu@alpha.test"
		if err := d.env.App.Access.UpdateContact(ctx, d.t, access.Actor{Label: "staff:1 agent@desk.test"}, ct, "http://desk.test"); err != nil {
			t.Fatal(err)
		}
		d.env.Contact(d.t, "uwe@alpha.test", "uwe2-password-1", "user", d.a)
		mailID, err := outbox.Queue(ctx, d.env.DB, d.t.ID, mail.Message{To: "uwe@alpha.test", Subject: "FÜR DEN NEUEN", Text: "x"},
			time.Now().Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if r := d.admin.Post("/admin/contacts/"+id(d.uwe)+"/erase", url.Values{"confirm": {"uwe.neu@alpha.test"}}); r.Status != 303 {
			t.Fatalf("erase: %d", r.Status)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE id = ? AND state = 'queued' AND to_addr = 'uwe@alpha.test'`, mailID); n != 1 {
			t.Errorf("the new owner's mail was cancelled or blanked")
		}
		if d.as("uwe@alpha.test", "uwe2-password-1").Get("/").Status != 200 {
			t.Errorf("the new owner of the address cannot sign in")
		}
	})
}

// ulaDeletesOwnAccount has Ula change her name and phone, then delete her own account,
// and returns the account_deleted inbox item that keeps her former details for staff.
func ulaDeletesOwnAccount(t *testing.T, d eraseDesk) int64 {
	t.Helper()
	ula := d.as("ula@alpha.test", "ula-password-1")
	if r := ula.Post("/account/details", url.Values{"first_name": {"Ulrike"}, "last_name": {"Lohmeyer"},
		"phone": {"+49 170 7778899"}}); r.Status != 303 {
		t.Fatalf("own details: %d", r.Status)
	}
	if r := ula.Post("/account/delete", url.Values{"delete_password": {"ula-password-1"}}); r.Status != 303 {
		t.Fatalf("own deletion: %d", r.Status)
	}
	var item int64
	if err := d.env.DB.QueryRow(context.Background(), `SELECT id FROM inbox_items WHERE contact_id = ? AND kind = ?`,
		d.ula, inbox.KindAccountDeleted).Scan(&item); err != nil {
		t.Fatal(err)
	}
	return item
}
