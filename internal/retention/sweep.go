package retention

import (
	"context"
	"errors"
	"fmt"
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
// than before, oldest first, by the index on (tenant_id, at).
func deleteOld(ctx context.Context, d *db.DB, table string, tenantID, before int64) (int, error) {
	n := 0
	for ctx.Err() == nil {
		res, err := d.Exec(ctx, `DELETE FROM `+table+` WHERE id IN (SELECT id FROM `+table+`
			WHERE tenant_id = ? AND at < ? ORDER BY at LIMIT ?)`, tenantID, before, batch)
		if err != nil {
			return n, fmt.Errorf("%s: %w", table, err)
		}
		k, _ := res.RowsAffected()
		n += int(k)
		if k < batch {
			break
		}
	}
	return n, ctx.Err()
}

// describe is the counts in the neutral form of an audit entry's target.
func (r Removed) describe() string {
	return fmt.Sprintf("audit=%d download_log=%d sent_mail=%d inbound_raw=%d",
		r.Audit, r.DownloadLog, r.SentMail, r.InboundRaw)
}
