// Package retention removes what a tenant keeps only for a while: audit entries,
// download-log entries, the content of sent mail and the original of incoming mail,
// each after as many days as the tenant's rules say. Tickets, their messages and
// files are business records and are not touched here; people are removed by erasure
// (access.ForgetContact), not by age.
package retention

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Rules say after how many days each kind of record goes; 0 keeps it for ever.
type Rules struct {
	AuditDays       int // audit-log entries (sign-ins, changes, their IP addresses)
	DownloadLogDays int // who downloaded which file when; the counters stay
	SentMailDays    int // the text of delivered, failed or cancelled mail and its stored file
	InboundRawDays  int // the original (.eml) of incoming mail; the ticket message stays
}

// Defaults apply to a tenant that never saved its own rules: long enough for an
// audit of last year's access, short enough that IP addresses and mail copies do
// not pile up for ever (storage limitation, GDPR art. 5(1)(e)).
var Defaults = Rules{AuditDays: 730, DownloadLogDays: 365, SentMailDays: 365, InboundRawDays: 90}

// MinDays and MaxDays bound a rule other than 0. The lower bound keeps an admin's
// change of the rules itself in the audit log for a month, and gives a month to
// answer a complaint about a mail before its copy is gone.
const (
	MinDays = 30
	MaxDays = 3650
)

// Fields are the rules' form and settings names, in the order the page lists them.
var Fields = []string{"audit_days", "download_log_days", "sent_mail_days", "inbound_raw_days"}

// Days returns r's values in the order of Fields.
func (r Rules) Days() []int {
	return []int{r.AuditDays, r.DownloadLogDays, r.SentMailDays, r.InboundRawDays}
}

// FromDays makes rules of values in the order of Fields.
func FromDays(d []int) Rules {
	return Rules{AuditDays: d[0], DownloadLogDays: d[1], SentMailDays: d[2], InboundRawDays: d[3]}
}

// Validate says which fields hold a number of days out of bounds.
func (r Rules) Validate() validate.Errors {
	errs := validate.Errors{}
	for i, d := range r.Days() {
		if d != 0 && (d < MinDays || d > MaxDays) {
			errs.Add(Fields[i], "retention.days_invalid", map[string]any{"Min": MinDays, "Max": MaxDays})
		}
	}
	return errs
}

// Get returns the tenant's rules, Defaults when it has none of its own.
func Get(ctx context.Context, q db.Querier, tenantID int64) (Rules, error) {
	r := Rules{}
	err := db.One(q.QueryRow(ctx, `SELECT audit_days, download_log_days, sent_mail_days, inbound_raw_days
		FROM retention_rules WHERE tenant_id = ?`, tenantID).Scan(&r.AuditDays, &r.DownloadLogDays, &r.SentMailDays, &r.InboundRawDays))
	if errors.Is(err, db.ErrNotFound) {
		return Defaults, nil
	}
	if err != nil {
		return r, fmt.Errorf("retention: rules of %d: %w", tenantID, err)
	}
	return r, nil
}

// Set stores the tenant's rules; the caller validated them.
func Set(ctx context.Context, q db.Querier, tenantID int64, r Rules, now time.Time) error {
	_, err := q.Exec(ctx, `INSERT INTO retention_rules (tenant_id, audit_days, download_log_days, sent_mail_days,
		inbound_raw_days, updated_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (tenant_id) DO UPDATE SET audit_days = excluded.audit_days,
		download_log_days = excluded.download_log_days, sent_mail_days = excluded.sent_mail_days,
		inbound_raw_days = excluded.inbound_raw_days, updated_at = excluded.updated_at`,
		tenantID, r.AuditDays, r.DownloadLogDays, r.SentMailDays, r.InboundRawDays, now.Unix())
	if err != nil {
		return fmt.Errorf("retention: set rules of %d: %w", tenantID, err)
	}
	return nil
}

// Describe is the rules in the neutral form of an audit entry's target
// ("audit=730 download_log=365 sent_mail=365 inbound_raw=90", 0 for ever).
func (r Rules) Describe() string {
	return fmt.Sprintf("audit=%d download_log=%d sent_mail=%d inbound_raw=%d",
		r.AuditDays, r.DownloadLogDays, r.SentMailDays, r.InboundRawDays)
}
