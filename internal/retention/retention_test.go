package retention_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/inbox"
	"pforte/internal/mail"
	"pforte/internal/outbox"
	"pforte/internal/retention"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// world is two tenants with records of every kind, some past their time and some not.
type world struct {
	ctx    context.Context
	d      *db.DB
	files  *filestore.Store
	dir    string
	ta, tb int64
	now    time.Time
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	w := &world{ctx: context.Background(), d: d, dir: t.TempDir(), now: time.Unix(1_800_000_000, 0)}
	var err error
	if w.files, err = filestore.New(filepath.Join(w.dir, "files")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		id   *int64
		name string
	}{{&w.ta, "A"}, {&w.tb, "B"}} {
		ten, err := tenant.Create(w.ctx, d, p.name, "de", nil, w.now)
		if err != nil {
			t.Fatal(err)
		}
		*p.id = ten.ID
	}
	return w
}

// ago is now minus days.
func (w *world) ago(days int) time.Time { return w.now.AddDate(0, 0, -days) }

func (w *world) exec(t *testing.T, q string, args ...any) int64 {
	t.Helper()
	id, err := db.Insert(w.ctx, w.d, q, args...)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (w *world) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := w.d.QueryRow(w.ctx, q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// sentMail queues a mail created at `at` and marks it sent into a stored file.
func (w *world) sentMail(t *testing.T, tenantID int64, to string, at time.Time) (int64, string) {
	t.Helper()
	id, err := outbox.Queue(w.ctx, w.d, tenantID, mail.Message{To: to, Subject: "Ihr Ticket", Text: "Hallo " + to,
		HTML: "<p>Hallo</p>"}, at)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(w.dir, "mail-"+to+".eml")
	if err := os.WriteFile(path, []byte("Subject: x\r\n\r\nHallo"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := w.d.Exec(w.ctx, `UPDATE mails SET state = 'sent', sent_at = ?, stored_path = ? WHERE id = ?`,
		at.Unix(), path, id); err != nil {
		t.Fatal(err)
	}
	return id, path
}

// raw keeps an original of incoming mail received at `at`.
func (w *world) raw(t *testing.T, tenantID int64, at time.Time) string {
	t.Helper()
	st, err := w.files.Put(strings.NewReader("From: x@kunde.test\r\n\r\nHallo"), 0)
	if err != nil {
		t.Fatal(err)
	}
	w.exec(t, `INSERT INTO inbound_mails (tenant_id, received_at, rcpt, outcome, raw_key) VALUES (?, ?, 'support@a.test', 'ticket', ?)`,
		tenantID, at.Unix(), st.Key)
	return st.Key
}

func (w *world) hasFile(key string) bool {
	f, err := w.files.Open(key)
	if err == nil {
		f.Close()
	}
	return err == nil
}

// TestSweepByRules: each tenant's rules remove its own records past their time and
// nothing else — not the other tenant's, not younger ones, not a mail still queued,
// not the original an open inbox item offers — and the pass is noted in the audit
// log; a second pass finds nothing more.
func TestSweepByRules(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		ctx := w.ctx
		// Tenant B keeps its audit log 30 days and everything else for ever.
		if err := retention.Set(ctx, d, w.tb, retention.Rules{AuditDays: 30}, w.now); err != nil {
			t.Fatal(err)
		}
		for _, tid := range []int64{w.ta, w.tb} {
			for _, days := range []int{800, 100, 10} {
				if err := audit.Log(ctx, d, tid, "staff:1 anna@a.test", audit.LoginOK, "", "10.0.0.1", w.ago(days)); err != nil {
					t.Fatal(err)
				}
			}
		}
		file := w.exec(t, `INSERT INTO download_files (tenant_id, title, created_at, updated_at) VALUES (?, 'Preisliste', ?, ?)`,
			w.ta, w.now.Unix(), w.now.Unix())
		version := w.exec(t, `INSERT INTO download_versions (tenant_id, file_id, number, storage_key, original_name, size,
			content_type, sha256, created_at) VALUES (?, ?, 1, 'k', 'p.pdf', 1, 'application/pdf', '', ?)`, w.ta, file, w.now.Unix())
		for _, days := range []int{400, 10} {
			w.exec(t, `INSERT INTO download_log (tenant_id, file_id, version_id, at) VALUES (?, ?, ?, ?)`,
				w.ta, file, version, w.ago(days).Unix())
		}
		oldA, oldPath := w.sentMail(t, w.ta, "old@kunde.test", w.ago(400))
		newA, newPath := w.sentMail(t, w.ta, "new@kunde.test", w.ago(10))
		oldB, oldBPath := w.sentMail(t, w.tb, "b@kunde.test", w.ago(400))
		queued, err := outbox.Queue(ctx, d, w.ta, mail.Message{To: "stuck@kunde.test", Subject: "x", Text: "still to go"}, w.ago(400))
		if err != nil {
			t.Fatal(err)
		}
		rawOld, rawNew, rawHeld := w.raw(t, w.ta, w.ago(100)), w.raw(t, w.ta, w.ago(10)), w.raw(t, w.ta, w.ago(100))
		rawB := w.raw(t, w.tb, w.ago(100))
		if _, err := inbox.Create(ctx, d, inbox.Item{TenantID: w.ta, Kind: inbox.KindMail, Title: "Frage", Email: "x@kunde.test"},
			inbox.MailPayload{From: "x@kunde.test", RawKey: rawHeld}, w.ago(100)); err != nil {
			t.Fatal(err)
		}

		sw := retention.Sweeper{DB: d, Files: w.files, OpenRaw: inbox.OpenMailKeys}
		got, err := sw.Sweep(ctx, w.now)
		if err != nil {
			t.Fatal(err)
		}
		if want := (retention.Removed{Audit: 1, DownloadLog: 1, SentMail: 1, InboundRaw: 1}); got[w.ta] != want {
			t.Errorf("tenant A removed %+v, want %+v", got[w.ta], want)
		}
		if want := (retention.Removed{Audit: 2}); got[w.tb] != want {
			t.Errorf("tenant B removed %+v, want %+v", got[w.tb], want)
		}

		// Audit: A (730 days) lost the 800-day entry, B (30 days) the 800- and 100-day ones.
		if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = ?`, w.ta, audit.LoginOK); n != 2 {
			t.Errorf("tenant A keeps %d sign-ins, want 2", n)
		}
		if n := w.count(t, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = ?`, w.tb, audit.LoginOK); n != 1 {
			t.Errorf("tenant B keeps %d sign-ins, want 1", n)
		}
		for tid, want := range map[int64]string{w.ta: "audit=1 download_log=1 sent_mail=1 inbound_raw=1", w.tb: "audit=2 download_log=0 sent_mail=0 inbound_raw=0"} {
			var actor, target string
			if err := d.QueryRow(ctx, `SELECT actor, target FROM audit_log WHERE tenant_id = ? AND action = ?`, tid,
				audit.RetentionApplied).Scan(&actor, &target); err != nil {
				t.Fatalf("tenant %d: no entry of the pass: %v", tid, err)
			}
			if target != want || audit.ParseActor(actor).Kind != "system" {
				t.Errorf("tenant %d: entry %q by %q, want %q by the system", tid, target, actor, want)
			}
		}
		if n := w.count(t, `SELECT COUNT(*) FROM download_log WHERE tenant_id = ?`, w.ta); n != 1 {
			t.Errorf("download log keeps %d entries, want 1", n)
		}

		// Sent mail: the old one's text and file are gone, its row stays; the others are whole.
		m, err := outbox.Get(ctx, d, w.ta, oldA, true)
		if err != nil {
			t.Fatal(err)
		}
		if m.Text != "" || m.HTML != "" || m.Stored != "" || m.Purged.IsZero() || m.To != "old@kunde.test" || m.Subject != "Ihr Ticket" {
			t.Errorf("old mail after the pass: %+v", m)
		}
		if _, err := os.Stat(oldPath); !os.IsNotExist(err) {
			t.Errorf("old mail's file still there: %v", err)
		}
		if err := outbox.Retry(ctx, d, w.ta, oldA, w.now); err != outbox.ErrDelivered {
			t.Errorf("retry of a purged sent mail: %v", err)
		}
		for _, c := range []struct {
			tenant, id int64
			path       string
		}{{w.ta, newA, newPath}, {w.tb, oldB, oldBPath}, {w.ta, queued, ""}} {
			m, err := outbox.Get(ctx, d, c.tenant, c.id, true)
			if err != nil {
				t.Fatal(err)
			}
			if m.Text == "" || !m.Purged.IsZero() {
				t.Errorf("mail %d to %s lost its content", c.id, m.To)
			}
			if _, err := os.Stat(c.path); c.path != "" && err != nil {
				t.Errorf("mail %d's file: %v", c.id, err)
			}
		}

		// Originals of incoming mail: only A's old one not held by an open item.
		for key, want := range map[string]bool{rawOld: false, rawNew: true, rawHeld: true, rawB: true} {
			if w.hasFile(key) != want {
				t.Errorf("original %s kept = %v, want %v", key, !want, want)
			}
			n := w.count(t, `SELECT COUNT(*) FROM inbound_mails WHERE raw_key = ?`, key)
			if (n == 1) != want {
				t.Errorf("original %s still named by %d rows, want kept=%v", key, n, want)
			}
		}

		again, err := sw.Sweep(ctx, w.now)
		if err != nil || len(again) != 0 {
			t.Errorf("second pass removed %+v (%v), want nothing", again, err)
		}
	})
}

// TestFailedMailPurged: a failed mail past its time is emptied too, and "retry"
// then refuses it instead of sending an empty mail.
func TestFailedMailPurged(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		id, _ := w.sentMail(t, w.ta, "gone@kunde.test", w.ago(400))
		if _, err := d.Exec(w.ctx, `UPDATE mails SET state = 'failed' WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
		if _, err := (retention.Sweeper{DB: d, Files: w.files}).Sweep(w.ctx, w.now); err != nil {
			t.Fatal(err)
		}
		if err := outbox.Retry(w.ctx, d, w.ta, id, w.now); err != outbox.ErrPurged {
			t.Errorf("retry of a purged failed mail: %v, want ErrPurged", err)
		}
	})
}

// TestRulesBounds: 0 keeps for ever; otherwise from MinDays to MaxDays.
func TestRulesBounds(t *testing.T) {
	ok := retention.Rules{AuditDays: 0, DownloadLogDays: retention.MinDays, SentMailDays: retention.MaxDays, InboundRawDays: 90}
	if errs := ok.Validate(); errs.Any() {
		t.Errorf("valid rules refused: %v", errs)
	}
	bad := retention.Rules{AuditDays: 1, DownloadLogDays: -5, SentMailDays: retention.MaxDays + 1, InboundRawDays: 29}
	if errs := bad.Validate(); len(errs) != 4 {
		t.Errorf("out-of-bounds rules: %v, want an error for each", errs)
	}
}
