package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/retention"
	"pforte/internal/testutil"
)

// TestEraseAfterRetention: the retention rules have removed Uwe's old audit entries
// (sign-ins, his own changes) and emptied the mail to his old address, whose row stays
// in the outbox. Erasing him years later still finds that old address and the move of
// his ticket: the rules keep the entries an erasure reads (an address change, a
// ticket's move), so neither the outbox nor the ticket's moved note names him after.
func TestEraseAfterRetention(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		tr := seedForgetTraces(t, d)
		later := time.Now().AddDate(0, 0, 800) // past the default 730 days of the audit log
		sw := retention.Sweeper{DB: d.env.DB, Files: d.env.App.Env.Files, OpenRaw: inbox.OpenMailKeys}
		got, err := sw.Sweep(ctx, later)
		if err != nil || got[d.t.ID].Audit == 0 || got[d.t.ID].SentMail == 0 {
			t.Fatalf("pass removed %+v (%v), want old audit entries and mail content", got, err)
		}
		// What the erasure reads is still there; the rest of Uwe's old entries is gone.
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE contact_id = ? AND action = 'contact_changed'
			AND target LIKE 'email %'`, d.uwe); n != 1 {
			t.Errorf("%d address changes of Uwe kept, want 1", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = 'ticket_moved' AND target LIKE ?`,
			"%contact:"+id(d.uwe)+" → %"); n != 1 {
			t.Errorf("%d moves of Uwe's ticket kept, want 1", n)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE contact_id = ? AND action = 'contact_changed'
			AND target NOT LIKE 'email %'`, d.uwe); n != 0 {
			t.Errorf("%d of Uwe's own changes kept past their time, want 0", n)
		}

		if r := d.admin.Post("/admin/contacts/"+id(d.uwe)+"/erase", url.Values{"confirm": {"uwe.neu@alpha.test"}}); r.Status != 303 {
			t.Fatalf("erase: %d %.500s", r.Status, r.Body)
		}
		if n := count(t, d.env, `SELECT COUNT(*) FROM mails WHERE LOWER(to_addr) LIKE 'uwe%' AND ? > 0`, d.uwe); n != 0 {
			t.Errorf("%d mails still addressed to Uwe after his erasure", n)
		}
		for _, p := range []string{"/admin/outbox/" + id(tr.sent), "/admin/outbox?q=uwe", "/admin/tickets/" + id(d.own)} {
			body := d.admin.Get(p).Body
			if u, _ := url.Parse(p); u.Query().Get("q") != "" {
				q := u.Query().Get("q")
				body = strings.NewReplacer(`value="`+q+`"`, "", "q="+q, "").Replace(body)
			}
			for _, leak := range []string{"uwe@alpha.test", "Uwolf", "Altmann", "UWE-GESENDET"} {
				if strings.Contains(body, leak) {
					t.Errorf("%s still shows %q after the erasure", p, leak)
				}
			}
		}
		if tk := d.admin.Get("/admin/tickets/" + id(d.own)).Body; !strings.Contains(tk, "Alpha GmbH · Gelöschter Kontakt #"+id(d.uwe)) {
			t.Errorf("the moved note does not name the placeholder")
		}
	})
}
