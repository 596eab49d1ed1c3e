package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
)

// Helpdesk automation, as every helpdesk has it: a resolved ticket is closed after some
// days, and a ticket waiting for the customer brings the customer a reminder and, with
// still no answer, is resolved. The rules:
//
//   - Every status change sets the ticket's next step anew, from the moment of the
//     change: a resolved ticket is to be closed, one waiting (in a status the portal
//     shows) to remind the customer; any other status has no step. A customer's
//     answer moves a waiting ticket on (AddReply), so it starts over too.
//   - A public answer of staff on a waiting ticket starts its waiting time again: the
//     customer has something new to answer.
//   - After the reminder the ticket is to be resolved, counted from the reminder.
//   - Billed and merged tickets have no step: they take no status changes.
//   - The due moment is the step's start plus the tenant's days (Automation), so
//     changed settings apply to every ticket at once; 0 days switches a step off.
//
// The sweep (Automate) takes the due steps with the functions staff use, as the system:
// history, SLA columns, list versions and mails follow as for a staff change.

// Steps of the automation (tickets.auto_step).
const (
	StepClose   = "close"   // resolved: to be closed
	StepRemind  = "remind"  // waiting for the customer: to be reminded
	StepResolve = "resolve" // reminded: to be resolved
)

// MaxAutoDays bounds the days of a step: a year.
const MaxAutoDays = 365

// autoDay is a day of the steps: 24 hours, counted in calendar time.
const autoDay = 24 * time.Hour

// Automation is a tenant's automation settings in days; 0 switches a step off.
type Automation struct {
	CloseDays   int // resolved → closed
	RemindDays  int // waiting → reminder
	ResolveDays int // reminder → resolved; needs RemindDays
	// InHours holds the steps, and the mails they send customers, while the tenant's
	// business hours (SLACalendar's week and holidays) are closed: a reminder due on
	// Saturday night goes out when the office opens on Monday.
	InHours bool
}

// after is how long a ticket stays at step before the sweep takes it; 0: never.
func (a Automation) after(step string) time.Duration {
	switch step {
	case StepClose:
		return time.Duration(a.CloseDays) * autoDay
	case StepRemind:
		return time.Duration(a.RemindDays) * autoDay
	case StepResolve:
		if a.RemindDays > 0 {
			return time.Duration(a.ResolveDays) * autoDay
		}
	}
	return 0
}

// AutomationOf loads the tenant's automation settings (all off without a row).
func AutomationOf(ctx context.Context, q db.Querier, tenantID int64) (Automation, error) {
	var a Automation
	err := q.QueryRow(ctx, `SELECT close_days, remind_days, resolve_days, in_hours FROM ticket_automation WHERE tenant_id = ?`, tenantID).
		Scan(&a.CloseDays, &a.RemindDays, &a.ResolveDays, &a.InHours)
	if err != nil && !errors.Is(db.One(err), db.ErrNotFound) {
		return a, fmt.Errorf("ticket: automation: %w", err)
	}
	return a, nil
}

// SetAutomation stores the tenant's automation settings. Days outside 0 to MaxAutoDays
// are stored as 0 (off); the settings form refuses them before.
func SetAutomation(ctx context.Context, q db.Querier, tenantID int64, a Automation) error {
	_, err := q.Exec(ctx, `INSERT INTO ticket_automation (tenant_id, close_days, remind_days, resolve_days, in_hours)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET close_days = excluded.close_days,
		remind_days = excluded.remind_days, resolve_days = excluded.resolve_days, in_hours = excluded.in_hours`,
		tenantID, days(a.CloseDays), days(a.RemindDays), days(a.ResolveDays), a.InHours)
	if err != nil {
		return fmt.Errorf("ticket: save automation: %w", err)
	}
	return nil
}

// automationHours is the business hours the steps keep to when InHours is set: the
// tenant's SLA calendar week and holidays in its time zone.
func automationHours(ctx context.Context, q db.Querier, tenantID int64, zone *time.Location) (BusinessHours, error) {
	cal, err := LoadSLACalendar(ctx, q, tenantID)
	if err != nil {
		return BusinessHours{}, err
	}
	return cal.Hours(zone), nil
}

func days(n int) int {
	if n < 0 || n > MaxAutoDays {
		return 0
	}
	return n
}

// stepFor is the step a ticket in status s starts: a waiting status the portal hides
// is the provider's own business (waiting for a supplier, say), not the customer's.
func stepFor(s Status) string {
	switch {
	case s.Kind == KindResolved:
		return StepClose
	case s.Kind == KindWaiting && s.PortalVisible:
		return StepRemind
	}
	return ""
}

// setStep stores the ticket's next step, started at now ("" clears it).
func setStep(ctx context.Context, q db.Querier, tenantID, ticketID int64, step string, now time.Time) error {
	var since any
	if step != "" {
		since = now.Unix()
	}
	if _, err := q.Exec(ctx, `UPDATE tickets SET auto_step = ?, auto_since = ? WHERE tenant_id = ? AND id = ?`,
		nullStr(step), since, tenantID, ticketID); err != nil {
		return fmt.Errorf("ticket: automation step: %w", err)
	}
	return nil
}

// statusStep follows a status change of t to to (setStatus).
func statusStep(ctx context.Context, q db.Querier, t Ticket, to Status, now time.Time) error {
	step := stepFor(to)
	if t.Billed || t.MergedInto > 0 {
		step = ""
	}
	return setStep(ctx, q, t.TenantID, t.ID, step, now)
}

// answeredStep starts a waiting ticket's time again after a public answer of staff. It
// judges by the stored row, so a status change in the same transaction counts.
func answeredStep(ctx context.Context, q db.Querier, tenantID, ticketID int64, now time.Time) error {
	if _, err := q.Exec(ctx, `UPDATE tickets SET auto_step = ?, auto_since = ? WHERE tenant_id = ? AND id = ?
		AND auto_step IN (?, ?)`, StepRemind, now.Unix(), tenantID, ticketID, StepRemind, StepResolve); err != nil {
		return fmt.Errorf("ticket: automation step: %w", err)
	}
	return nil
}

// billedStep follows a change of the billed mark: a billed ticket has no step, and one
// no longer billed starts the step of its status now.
func billedStep(ctx context.Context, q db.Querier, t Ticket, billed bool, now time.Time) error {
	step := stepFor(t.Status)
	if billed || t.MergedInto > 0 {
		step = ""
	}
	return setStep(ctx, q, t.TenantID, t.ID, step, now)
}

// savedStatusStep follows a status saved in the settings, prev before and s after:
// when its kind or visibility changes what its tickets wait for, they start the new
// step now (a reminded ticket stays reminded while its status still waits), or lose
// theirs. A rename or a new order touches no ticket. The tickets are found by the
// tenant's status index.
func savedStatusStep(ctx context.Context, q db.Querier, tenantID int64, prev, s Status, now time.Time) error {
	step := stepFor(s)
	if step == stepFor(prev) {
		return nil
	}
	var err error
	if step == "" {
		_, err = q.Exec(ctx, `UPDATE tickets SET auto_step = NULL, auto_since = NULL WHERE tenant_id = ? AND status_id = ?
			AND auto_step IS NOT NULL`, tenantID, s.ID)
	} else {
		_, err = q.Exec(ctx, `UPDATE tickets SET auto_step = ?, auto_since = ? WHERE tenant_id = ? AND status_id = ?
			AND NOT billed AND merged_into IS NULL`, step, now.Unix(), tenantID, s.ID)
	}
	if err != nil {
		return fmt.Errorf("ticket: status automation: %w", err)
	}
	return nil
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}
