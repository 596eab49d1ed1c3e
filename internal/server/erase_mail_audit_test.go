package server_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"pforte/internal/audit"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestEraseMasksMailAuditEntries: "Retry now" and "Don't send" write the mail's
// recipient into their audit entries, which are filed under no contact; erasing the
// recipient must take the address out of them too, keeping what happened.
func TestEraseMasksMailAuditEntries(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newEraseDesk(t, e)
		ctx := context.Background()
		ct, err := contact.Get(ctx, d.env.DB, d.t.ID, d.uwe)
		if err != nil {
			t.Fatal(err)
		}
		for _, action := range []string{audit.MailRetried, audit.MailDiscarded} {
			if err := audit.Log(ctx, d.env.DB, d.t.ID, "staff:1 agent@desk.test", action, "#7 "+ct.Email, "127.0.0.1", time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		if r := d.admin.Post("/admin/contacts/"+id(d.uwe)+"/erase", url.Values{"confirm": {ct.Email}}); r.Status != 303 {
			t.Fatalf("erase: %d", r.Status)
		}
		for _, action := range []string{audit.MailRetried, audit.MailDiscarded} {
			if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = ? AND target LIKE ?`, action, "%"+ct.Email+"%"); n != 0 {
				t.Errorf("%s: %d entries still name the erased address", action, n)
			}
			if n := count(t, d.env, `SELECT COUNT(*) FROM audit_log WHERE action = ? AND target LIKE '#7 %'`, action); n != 1 {
				t.Errorf("%s: the entry itself went (%d left)", action, n)
			}
		}
	})
}
