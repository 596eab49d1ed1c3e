package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/tenant"
)

// SweepBatch bounds the tickets one pass takes per tenant and step, so a backlog (the
// settings switched on over years of resolved tickets) goes out in portions instead of
// one burst of mail, and a pass stays short.
const SweepBatch = 200

// Swept counts what one pass did.
type Swept struct {
	Closed, Reminded, Resolved int
}

// moduleHelpdesk is the module the tickets live under; a tenant that switched it off
// shows no tickets, so nothing is automated there.
const moduleHelpdesk = "helpdesk"

// Automate takes the automation's due steps of every tenant at now: up to SweepBatch
// tickets per tenant and step, each in a transaction of its own. Every instance may run
// it at the same time: a step is taken only by the transaction that still finds the
// ticket at the step and start it was listed with, so each ticket is handled once.
// origin gives a tenant's address for the links in mails. A ticket that fails is
// reported in the error and tried again with the next pass; the others go on.
func Automate(ctx context.Context, d *db.DB, now time.Time, origin func(tenant.Tenant) string) (Swept, error) {
	var sw Swept
	ids, err := automatedTenants(ctx, d)
	if err != nil {
		return sw, err
	}
	var errs []error
	for _, id := range ids {
		ten, err := tenant.Get(ctx, d, id)
		if err != nil {
			errs = append(errs, fmt.Errorf("ticket: automation tenant %d: %w", id, err))
			continue
		}
		if !ten.HasModule(moduleHelpdesk) {
			continue
		}
		a, err := AutomationOf(ctx, d, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if a.InHours {
			hours, err := automationHours(ctx, d, id, ten.Location())
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if !hours.Open(now) {
				continue // the steps wait for the office to open
			}
		}
		s := sweeper{d: d, ten: ten, origin: origin(ten), now: now}
		for _, step := range []string{StepClose, StepResolve, StepRemind} {
			if a.after(step) == 0 {
				continue
			}
			due, err := dueTickets(ctx, d, id, step, now.Add(-a.after(step)))
			if err != nil {
				errs = append(errs, err)
				continue
			}
			for _, dt := range due {
				if ctx.Err() != nil {
					return sw, errors.Join(append(errs, ctx.Err())...)
				}
				took, err := s.take(ctx, dt)
				if err != nil {
					errs = append(errs, fmt.Errorf("ticket %d: %s: %w", dt.id, dt.step, err))
				}
				sw.count(took)
			}
		}
	}
	return sw, errors.Join(errs...)
}

func (sw *Swept) count(step string) {
	switch step {
	case StepClose:
		sw.Closed++
	case StepRemind:
		sw.Reminded++
	case StepResolve:
		sw.Resolved++
	}
}

// automatedTenants lists the tenants with a step switched on (a handful of rows).
func automatedTenants(ctx context.Context, q db.Querier) ([]int64, error) {
	rows, err := q.Query(ctx, `SELECT tenant_id FROM ticket_automation WHERE close_days > 0 OR remind_days > 0 ORDER BY tenant_id`)
	if err != nil {
		return nil, fmt.Errorf("ticket: automated tenants: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("ticket: automated tenants: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// dueTicket is a ticket at a step since a moment, as the pass listed it.
type dueTicket struct {
	id    int64
	step  string
	since int64
}

// dueTickets lists up to SweepBatch of the tenant's tickets at step that started it at
// or before by, longest due first. The condition names the columns of the partial
// index tickets_auto in its order, so both engines read only the due entries.
func dueTickets(ctx context.Context, q db.Querier, tenantID int64, step string, by time.Time) ([]dueTicket, error) {
	rows, err := q.Query(ctx, `SELECT id, auto_since FROM tickets WHERE tenant_id = ? AND auto_step = ?
		AND auto_since IS NOT NULL AND auto_since <= ? ORDER BY auto_since, id LIMIT ?`, tenantID, step, by.Unix(), SweepBatch)
	if err != nil {
		return nil, fmt.Errorf("ticket: due steps: %w", err)
	}
	defer rows.Close()
	var out []dueTicket
	for rows.Next() {
		dt := dueTicket{step: step}
		if err := rows.Scan(&dt.id, &dt.since); err != nil {
			return nil, fmt.Errorf("ticket: due steps: %w", err)
		}
		out = append(out, dt)
	}
	return out, rows.Err()
}
