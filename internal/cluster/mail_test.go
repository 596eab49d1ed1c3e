package cluster

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// Size of the mail test: how many mails, in how many transactions, how long to wait.
const (
	mailCount    = 1000
	mailBatches  = 4
	mailDeadline = 60 * time.Second
	mailSettle   = 2 * time.Second // extra wait for late duplicates
)

// TestMailsDeliveredOnce queues 1,000 mails while two processes run and checks that
// each is delivered exactly once and that both processes took part.
func TestMailsDeliveredOnce(t *testing.T) {
	dsn, _ := testutil.DSN(t, db.Postgres)
	smtp := testutil.StartSMTP(t)
	one, two := pair(t, dsn, smtp.URL())
	d := openDB(t, dsn)
	ctx := context.Background()
	ten, err := tenant.Default(ctx, d)
	if err != nil {
		t.Fatalf("default tenant: %v", err)
	}

	start := time.Now()
	per := mailCount / mailBatches
	for b := range mailBatches {
		err := d.InTx(ctx, func(tx *db.Tx) error {
			for i := b * per; i < (b+1)*per; i++ {
				msg := mail.Message{To: fmt.Sprintf("c%d@cluster.test", i), MessageID: fmt.Sprintf("m%d@cluster.test", i),
					Subject: fmt.Sprintf("Cluster mail %d", i), Text: fmt.Sprintf("Text %d", i),
					HTML: fmt.Sprintf("<p>HTML %d</p>", i)}
				if _, err := outbox.Queue(ctx, tx, ten.ID, msg, time.Now()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("queue batch %d: %v", b, err)
		}
	}
	t.Logf("queued %d mails in %d transactions in %v", mailCount, mailBatches, time.Since(start).Round(time.Millisecond))

	for deadline := start.Add(mailDeadline); ; time.Sleep(50 * time.Millisecond) {
		got := len(smtp.Messages())
		open := count(t, d, `SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'running')`)
		if got >= mailCount && open == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %d of %d mails received, %d jobs pending or running", mailDeadline, got, mailCount, open)
		}
	}
	took := time.Since(start)
	t.Logf("delivered %d mails in %v (%.0f mails/s)", mailCount, took.Round(time.Millisecond), mailCount/took.Seconds())
	time.Sleep(mailSettle)

	msgs := smtp.Messages()
	if len(msgs) != mailCount {
		t.Errorf("SMTP server received %d messages, want exactly %d", len(msgs), mailCount)
	}
	seen := map[string]int{}
	for _, m := range msgs {
		seen[m.MessageID]++
		var i int
		if _, err := fmt.Sscanf(m.MessageID, "m%d@cluster.test", &i); err != nil || len(m.To) != 1 ||
			m.To[0] != fmt.Sprintf("c%d@cluster.test", i) {
			t.Errorf("message %q went to %v", m.MessageID, m.To)
		}
	}
	for i := range mailCount {
		if id := fmt.Sprintf("m%d@cluster.test", i); seen[id] != 1 {
			t.Errorf("message %s received %d times, want once", id, seen[id])
		}
	}
	if n := count(t, d, `SELECT COUNT(*) FROM mails WHERE state = 'sent'`); n != mailCount {
		t.Errorf("mails in state sent: %d, want %d", n, mailCount)
	}
	if n := count(t, d, `SELECT COUNT(*) FROM jobs WHERE state <> 'done' OR attempts <> 1`); n != 0 {
		t.Errorf("%d jobs not done after exactly one attempt", n)
	}
	checkSplit(t, d, one, two)
}

// checkSplit logs how many jobs each process took (jobs.locked_by is "host-pid") and
// fails unless both instances delivered some.
func checkSplit(t *testing.T, d *db.DB, ins ...*instance) {
	t.Helper()
	rows, err := d.Query(context.Background(), `SELECT locked_by, COUNT(*) FROM jobs GROUP BY locked_by ORDER BY locked_by`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	split := map[string]int{}
	for rows.Next() {
		var who string
		var n int
		if err := rows.Scan(&who, &n); err != nil {
			t.Fatal(err)
		}
		split[who] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("jobs by worker: %v", split)
	if len(split) != 2 {
		t.Errorf("jobs.locked_by shows %d distinct workers, want 2: %v", len(split), split)
	}
	for _, in := range ins {
		var mine int
		suffix := fmt.Sprintf("-%d", in.cmd.Process.Pid)
		for who, n := range split {
			if strings.HasSuffix(who, suffix) {
				mine += n
			}
		}
		t.Logf("%s (pid %d) delivered %d", in.name, in.cmd.Process.Pid, mine)
		if mine == 0 {
			t.Errorf("%s delivered no mail", in.name)
		}
	}
}
