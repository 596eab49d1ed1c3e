package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestOutboxHeldMail: a mail a restore held (queued when the backup was taken, perhaps
// sent since by the old installation) is not sent by the queue; the outbox marks it
// held, in the list and on its page, which says why and what to do. An admin's "Send
// now" lets it go, logged as a retry; an agent sees the state, not the button.
func TestOutboxHeldMail(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password")
		adm, agent := env.Client(""), env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")
		agent.AdminLogin("agent@service.test", "agent-password")
		var mailID int64
		err := env.DB.InTx(ctx, func(tx *db.Tx) error { // as a restore leaves it: held before any worker sees it
			var err error
			if mailID, err = outbox.Queue(ctx, tx, ten.ID, mail.Message{To: "wartet@kunde.test", Subject: "Ihr Ticket #7",
				Text: "Hallo"}, time.Now()); err != nil {
				return err
			}
			_, err = outbox.HoldQueued(ctx, tx)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		env.App.Env.WakeWorker()
		time.Sleep(300 * time.Millisecond)
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE id = ? AND state = 'queued'`, mailID); n != 1 {
			t.Fatal("the queue sent a held mail")
		}
		if list := adm.Get("/admin/outbox").Body; !strings.Contains(list, "Zurückgehalten") {
			t.Errorf("the list does not mark the mail held")
		}
		if list := adm.Get("/admin/outbox?state=held").Body; !strings.Contains(list, "wartet@kunde.test") ||
			!strings.Contains(list, `<option value="held" selected`) {
			t.Errorf("the filter for held mails does not list it")
		}
		if list := adm.Get("/admin/outbox?state=queued").Body; strings.Contains(list, "wartet@kunde.test") {
			t.Errorf("the filter for queued mails lists a held one")
		}
		page := adm.Get("/admin/outbox/" + id(mailID)).Body
		for _, want := range []string{"Zurückgehalten", "Seit einer Wiederherstellung zurückgehalten", "bis ein Administrator sie sendet",
			"/retry", "Jetzt senden"} {
			if !strings.Contains(page, want) {
				t.Errorf("the mail's page lacks %q", want)
			}
		}
		if strings.Contains(page, "Jetzt erneut senden") {
			t.Errorf("a held mail offers a retry")
		}
		if page := agent.Get("/admin/outbox/" + id(mailID)).Body; !strings.Contains(page, "Zurückgehalten") || strings.Contains(page, "/retry") {
			t.Errorf("agent: state missing or send button shown")
		}
		r := adm.Post("/admin/outbox/"+id(mailID)+"/retry", nil)
		if r.Status != 303 || !strings.Contains(adm.Get(r.Location).Body, "Die E-Mail wird jetzt gesendet.") {
			t.Fatalf("send now: %d", r.Status)
		}
		lastMailTo(t, env, "wartet@kunde.test")
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'mail_retried' AND target LIKE ?`,
			"%wartet@kunde.test"); n != 1 {
			t.Errorf("%d audit entries for sending the held mail", n)
		}
	})
}
