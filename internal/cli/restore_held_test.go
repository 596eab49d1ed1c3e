package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/jobs"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestRestoreHoldsQueuedMails: a mail queued when the backup was taken, and sent by
// the old installation after it, went out a second time once the restored portal
// started: the archive held its delivery job as pending. A restore now holds such
// mails — no worker takes them — and says how many and how to send them; with
// --send-queued they are due at once instead. A mail already out stays out.
func TestRestoreHoldsQueuedMails(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		dsn, src := testutil.DSN(t, e)
		t.Setenv("PFORTE_DATABASE_URL", dsn)
		var out, errOut bytes.Buffer
		if code := Run([]string{"pforte", "demo", "--data", src}, &out, &errOut); code != 0 {
			t.Fatalf("demo: %d %s", code, errOut.String())
		}
		d, err := db.Open(ctx, dsn, src)
		if err != nil {
			t.Fatal(err)
		}
		ten, err := tenant.Default(ctx, d)
		var queued, sent int64
		if err == nil {
			queued, err = outbox.Queue(ctx, d, ten.ID, mail.Message{To: "wartet@kunde.test", Subject: "Ticket #7", Text: "t"}, time.Now())
		}
		if err == nil {
			sent, err = outbox.Queue(ctx, d, ten.ID, mail.Message{To: "raus@kunde.test", Subject: "Ticket #8", Text: "t"}, time.Now())
		}
		if err == nil {
			_, err = d.Exec(ctx, `UPDATE jobs SET state = 'done' WHERE kind = 'mail' AND ref_id = ?`, sent)
		}
		if err == nil {
			_, err = d.Exec(ctx, `UPDATE mails SET state = 'sent' WHERE id = ?`, sent)
		}
		d.Close()
		if err != nil {
			t.Fatal(err)
		}
		archive := filepath.Join(t.TempDir(), "portal.tar.gz")
		if code := Run([]string{"pforte", "backup", "--data", src, "--out", archive}, &out, &errOut); code != 0 {
			t.Fatalf("backup: %d %s", code, errOut.String())
		}

		for _, send := range []bool{false, true} {
			dsn, dst := testutil.DSN(t, e)
			t.Setenv("PFORTE_DATABASE_URL", dsn)
			args := []string{"pforte", "restore", "--data", dst, archive}
			if send {
				args = []string{"pforte", "restore", "--data", dst, "--send-queued", archive}
			}
			out.Reset()
			if code := Run(args, &out, &errOut); code != 0 {
				t.Fatalf("restore: %d %s", code, errOut.String())
			}
			text := out.String()
			said := strings.Contains(text, "1 mail was queued when the backup was taken and is held") &&
				strings.Contains(text, `"Send now"`) && strings.Contains(text, "--send-queued")
			if send {
				said = strings.Contains(text, "1 mail was queued when the backup was taken; they go out when serve starts")
			}
			if !said {
				t.Errorf("--send-queued %v: the restore says:\n%s", send, text)
			}
			d, err := db.Open(ctx, dsn, dst)
			if err != nil {
				t.Fatal(err)
			}
			states := map[int64]string{}
			rows, err := d.Query(ctx, `SELECT ref_id, state FROM jobs WHERE kind = 'mail' AND ref_id IN (?, ?)`, queued, sent)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int64
				var s string
				rows.Scan(&id, &s)
				states[id] = s
			}
			rows.Close()
			want := jobs.StateHeld
			if send {
				want = jobs.StatePending
			}
			if states[queued] != want || states[sent] != jobs.StateDone {
				t.Errorf("--send-queued %v: delivery jobs %v, want the queued mail's %s and the sent one's done", send, states, want)
			}
			j, ok, err := jobs.Claim(ctx, d, "test", time.Now(), time.Minute)
			if err != nil || ok != send || (send && j.RefID != queued) {
				t.Errorf("--send-queued %v: a worker claims %+v %v %v", send, j, ok, err)
			}
			d.Close()
		}
	})
}
