package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// MailFollowUps tells the owners of the follow-ups that fell due by now, of every
// tenant, up to SweepBatch per pass, each in a transaction of its own. Every instance
// may run it at the same time: a follow-up is mailed only by the transaction whose
// UPDATE still finds it unmailed at the moment it was listed with (followup_mail_at),
// so each is mailed once; one that staff moved or cleared in between is left alone. A
// tenant that switched the helpdesk off gets no mail, and its follow-ups count as told.
// origin gives a tenant's address for the link in the mail.
func MailFollowUps(ctx context.Context, d *db.DB, now time.Time, origin func(tenant.Tenant) string) (int, error) {
	due, err := dueFollowUps(ctx, d, now)
	if err != nil {
		return 0, err
	}
	return tenant.Sweep(ctx, d, due, func(f dueFollowUp) int64 { return f.tenantID },
		func(f dueFollowUp) string { return fmt.Sprintf("ticket %d: follow-up", f.id) },
		func(ctx context.Context, tx *db.Tx, ten tenant.Tenant, f dueFollowUp) (bool, error) {
			return mailFollowUp(ctx, tx, ten, origin(ten), f, now)
		})
}

// dueFollowUp is a follow-up as the pass listed it.
type dueFollowUp struct {
	id, tenantID, at int64
}

// dueFollowUps lists up to SweepBatch unmailed follow-ups due by now, longest due
// first, from the partial index tickets_followup_mail, which holds only those not yet
// mailed.
func dueFollowUps(ctx context.Context, q db.Querier, now time.Time) ([]dueFollowUp, error) {
	rows, err := q.Query(ctx, `SELECT id, tenant_id, followup_mail_at FROM tickets WHERE followup_mail_at IS NOT NULL
		AND followup_mail_at <= ? ORDER BY followup_mail_at, id LIMIT ?`, now.Unix(), SweepBatch)
	if err != nil {
		return nil, fmt.Errorf("ticket: due follow-ups: %w", err)
	}
	defer rows.Close()
	var out []dueFollowUp
	for rows.Next() {
		var f dueFollowUp
		if err := rows.Scan(&f.id, &f.tenantID, &f.at); err != nil {
			return nil, fmt.Errorf("ticket: due follow-ups: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// mailFollowUp claims one follow-up and mails its owner in tx; took is false when
// another pass claimed it first or staff changed it since it was listed.
func mailFollowUp(ctx context.Context, tx db.Querier, ten tenant.Tenant, origin string, f dueFollowUp, now time.Time) (took bool, err error) {
	res, err := tx.Exec(ctx, `UPDATE tickets SET followup_mail_at = NULL WHERE tenant_id = ? AND id = ? AND followup_mail_at = ?`,
		f.tenantID, f.id, f.at)
	if err != nil {
		return false, fmt.Errorf("ticket: claim follow-up: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return false, nil
	}
	if !ten.HasModule(moduleHelpdesk) {
		return true, nil
	}
	t, err := ForStaff(ctx, tx, f.tenantID, f.id)
	if err != nil {
		return false, err
	}
	fu, err := FollowUpOf(ctx, tx, f.tenantID, f.id)
	if err != nil || fu.OwnerID == 0 {
		return err == nil, err
	}
	n, err := NewNotifier(ctx, tx, ten, origin, now)
	if err != nil {
		return false, err
	}
	return true, n.FollowUpDue(ctx, tx, t, fu)
}
