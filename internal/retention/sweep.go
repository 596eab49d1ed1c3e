package retention

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"pforte/internal/audit"
	"pforte/internal/db"
)

// auditTask names the rules as the actor of the audit entries of a pass
// (audit.System); the log shows it as "Retention rules".
const auditTask = "retention"

// batch is how many rows one statement removes: a pass over a long log holds the
// SQLite writer for a short while at a time, not for one long delete.
const batch = 500

// Files deletes files of the file store by key (filestore.Store).
type Files interface {
	Delete(key string) error
}

// Removed counts what one pass removed for a tenant, by kind.
type Removed struct {
	Audit, DownloadLog, SentMail, InboundRaw int
}

func (r Removed) total() int { return r.Audit + r.DownloadLog + r.SentMail + r.InboundRaw }

// Sweeper applies every tenant's rules. Every instance may run it at once: each
// removal is idempotent and a row already gone is skipped.
type Sweeper struct {
	DB    *db.DB
	Files Files
	// OpenRaw returns the originals of incoming mail an open inbox item still offers
	// for download (inbox.OpenMailKeys): they stay until the item is dealt with.
	OpenRaw func(ctx context.Context, q db.Querier, tenantID int64) (map[string]bool, error)
}

// Sweep runs one pass at now over all tenants and returns what it removed per tenant.
// A tenant whose pass removed anything gets one audit entry that counts it, so the
// log says that entries are missing because of the rules, not by someone's hand.
func (s Sweeper) Sweep(ctx context.Context, now time.Time) (map[int64]Removed, error) {
	rows, err := s.DB.Query(ctx, `SELECT t.id, COALESCE(r.audit_days, ?), COALESCE(r.download_log_days, ?),
		COALESCE(r.sent_mail_days, ?), COALESCE(r.inbound_raw_days, ?)
		FROM tenants t LEFT JOIN retention_rules r ON r.tenant_id = t.id ORDER BY t.id`,
		Defaults.AuditDays, Defaults.DownloadLogDays, Defaults.SentMailDays, Defaults.InboundRawDays)
	if err != nil {
		return nil, fmt.Errorf("retention: tenants: %w", err)
	}
	rules := map[int64]Rules{}
	var ids []int64
	for rows.Next() {
		var id int64
		var r Rules
		if err := rows.Scan(&id, &r.AuditDays, &r.DownloadLogDays, &r.SentMailDays, &r.InboundRawDays); err != nil {
			rows.Close()
			return nil, fmt.Errorf("retention: tenants: %w", err)
		}
		rules[id], ids = r, append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("retention: tenants: %w", err)
	}
	out := map[int64]Removed{}
	var errs []error
	for _, id := range ids {
		got, err := s.tenant(ctx, id, rules[id], now)
		if got.total() > 0 {
			out[id] = got
			if lerr := audit.Log(ctx, s.DB, id, audit.System(auditTask), audit.RetentionApplied,
				got.describe(), "", now); lerr != nil {
				errs = append(errs, lerr)
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("retention: tenant %d: %w", id, err))
		}
		if ctx.Err() != nil {
			break
		}
	}
	return out, errors.Join(errs...)
}

// tenant applies r to one tenant; each kind goes on when another fails.
func (s Sweeper) tenant(ctx context.Context, tenantID int64, r Rules, now time.Time) (Removed, error) {
	var got Removed
	var errs []error
	var err error
	if c, ok := cutoff(r.AuditDays, now); ok {
		got.Audit, err = deleteOld(ctx, s.DB, "audit_log", tenantID, c)
		errs = append(errs, err)
	}
	if c, ok := cutoff(r.DownloadLogDays, now); ok {
		got.DownloadLog, err = deleteOld(ctx, s.DB, "download_log", tenantID, c)
		errs = append(errs, err)
	}
	if c, ok := cutoff(r.SentMailDays, now); ok {
		got.SentMail, err = s.purgeMail(ctx, tenantID, c, now)
		errs = append(errs, err)
	}
	if c, ok := cutoff(r.InboundRawDays, now); ok {
		got.InboundRaw, err = s.dropRaw(ctx, tenantID, c)
		errs = append(errs, err)
	}
	return got, errors.Join(errs...)
}

// cutoff is the time before which a record kept days is due; false for "for ever".
func cutoff(days int, now time.Time) (int64, bool) {
	if days <= 0 {
		return 0, false
	}
	return now.AddDate(0, 0, -days).Unix(), true
}

// deleteOld deletes the tenant's rows of a log table (audit_log, download_log) older
// than before, oldest first, by the index on (tenant_id, at), in batches: each batch is
// read, then deleted by id in one short statement. The next batch starts at the time the
// last one reached: on PostgreSQL deleted rows stay in the index until VACUUM, and a
// scan from the tenant's oldest entry would step over all of them again on every batch
// (a first pass over a million audit entries took 85 s instead of 3 s;
// BenchmarkSweepOldAudit). Audit entries that an erasure reads later are kept (keepAudit).
func deleteOld(ctx context.Context, d *db.DB, table string, tenantID, before int64) (int, error) {
	n := 0
	from := position{at: math.MinInt64}
	for ctx.Err() == nil {
		read, k, err := deleteBatch(ctx, d, table, tenantID, &from, before)
		if err != nil {
			return n, fmt.Errorf("%s: %w", table, err)
		}
		n += k
		if read < batch {
			break
		}
	}
	return n, ctx.Err()
}

// deleteBatch reads the ids of the next batch from *from on and deletes them, in one
// transaction: on SQLite both go through the writer, whose page cache is warm (a
// reader's would be dropped after every batch's write). The batch is read from the
// index alone; the audit entries to keep are left out by the delete, which reads the
// rows anyway. It returns how many rows it read and deleted, and moves *from on.
func deleteBatch(ctx context.Context, d *db.DB, table string, tenantID int64, from *position, before int64) (int, int, error) {
	keep, keepArgs := "", []any(nil)
	if table == "audit_log" {
		keep, keepArgs = keepAudit()
	}
	read, deleted := 0, 0
	err := d.InTx(ctx, func(tx *db.Tx) error {
		// The index range starts at the last batch's time; entries of that same second
		// up to its last id are left out by the filter, so entries kept (keepAudit)
		// are read once, however many share a second.
		rows, err := tx.Query(ctx, `SELECT id, at FROM `+table+` WHERE tenant_id = ? AND at >= ? AND at < ?
			AND (at > ? OR id > ?) ORDER BY at, id LIMIT ?`, tenantID, from.at, before, from.at, from.id, batch)
		if err != nil {
			return err
		}
		var ids []any
		last := *from
		for rows.Next() {
			if err := rows.Scan(&last.id, &last.at); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, last.id)
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(ids) == 0 {
			return err
		}
		// By id alone (the primary key): the ids are the tenant's, read in this transaction.
		res, err := tx.Exec(ctx, `DELETE FROM `+table+` WHERE id IN (`+db.Marks(len(ids))+`)`+keep,
			append(ids, keepArgs...)...)
		if err != nil {
			return err
		}
		k, _ := res.RowsAffected() // not the kept ones, nor what another instance's pass deleted
		read, deleted, *from = len(ids), int(k), last
		return nil
	})
	return read, deleted, err
}

// position is where a pass got to in a log: the time and id of the last entry read.
type position struct{ at, id int64 }

// keepAudit is the condition that spares the audit entries an erasure of a contact reads
// to find what else names the person (access.ForgetContact): the contact's changes of
// address ("email old → new") and the moves of tickets ("… · contact:3 → contact:8").
// Mails to an old address and ticket events keep their rows for ever; without these
// entries an erasure years later would leave the old address and the name in them.
// They are few, and an erasure rewrites them so that they name nobody.
func keepAudit() (string, []any) {
	return ` AND NOT ((action = ? AND target LIKE 'email %') OR action = ?)`,
		[]any{audit.ContactChanged, audit.TicketMoved}
}

// describe is the counts in the neutral form of an audit entry's target.
func (r Removed) describe() string {
	return fmt.Sprintf("audit=%d download_log=%d sent_mail=%d inbound_raw=%d",
		r.Audit, r.DownloadLog, r.SentMail, r.InboundRaw)
}
