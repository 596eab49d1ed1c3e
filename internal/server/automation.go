package server

import (
	"context"
	"time"

	"pforte/internal/download"
	"pforte/internal/ticket"
)

// automateEvery is how often the helpdesk automation looks for due steps: a ticket is
// closed, reminded or resolved within minutes of its due time (which pages show as a
// day), and a pass that finds nothing reads a few index entries.
const automateEvery = 5 * time.Minute

// RunAutomation takes the helpdesk automation's due steps every few minutes until ctx
// ends. Every instance may run it: each ticket is handled by one of them
// (ticket.Automate).
func (a *App) RunAutomation(ctx context.Context) {
	t := time.NewTicker(automateEvery)
	defer t.Stop()
	for {
		a.Automate(ctx, time.Now())
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Automate runs one pass at now, mails the follow-ups that fell due and the download
// notices whose window passed, and wakes the mail worker for the mails it queued.
func (a *App) Automate(ctx context.Context, now time.Time) ticket.Swept {
	sw, err := ticket.Automate(ctx, a.DB, now, a.Env.TenantOrigin)
	if err != nil && ctx.Err() == nil {
		a.Log.Warn("helpdesk automation", "err", err)
	}
	// Follow-ups due (ticket/followup_sweep.go): their owners are mailed once.
	followUps, err := ticket.MailFollowUps(ctx, a.DB, now, a.Env.TenantOrigin)
	if err != nil && ctx.Err() == nil {
		a.Log.Warn("helpdesk follow-ups", "err", err)
	}
	if followUps > 0 {
		a.Log.Info("helpdesk follow-ups", "due", followUps)
		a.Env.WakeWorker()
	}
	// Download notices whose quiet window passed (download/notice_sweep.go): one
	// digest per contact and company, sent by one instance.
	notices, err := download.MailNotices(ctx, a.DB, now, a.Env.TenantOrigin)
	if err != nil && ctx.Err() == nil {
		a.Log.Warn("download notices", "err", err)
	}
	if notices > 0 {
		a.Log.Info("download notices", "mailed", notices)
		a.Env.WakeWorker()
	}
	if sw != (ticket.Swept{}) {
		a.Log.Info("helpdesk automation", "closed", sw.Closed, "reminded", sw.Reminded, "resolved", sw.Resolved)
		a.Env.WakeWorker()
	}
	return sw
}
