package admin

import (
	"context"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// loadTime gives the ticket page the time logged on t, its sums, who may change which
// entry, and the "log time" form, fresh unless it came back with errors.
func (a *Admin) loadTime(r *http.Request, v *visit, t ticket.Ticket, rules tenant.TicketRules, tv *ticketView, forms *ticketForms) error {
	var err error
	if tv.Time, err = ticket.TimesOf(r.Context(), a.env.DB, v.P.TenantID, t.ID); err != nil {
		return err
	}
	tv.TimeTotal = ticket.SumTimes(tv.Time)
	tv.MemberID, tv.Admin = v.Member.ID, v.Member.IsAdmin()
	if forms.Time.Values == nil {
		forms.Time = timeLogForm(a.env.Now(), v.Tenant.Location(), rules.TimeBillable)
	}
	return nil
}

// addReplyTime logs the time typed on the reply form (minutes, 0 for none) with the
// reply or note msgID, on the day of the reply in the tenant's zone.
func addReplyTime(ctx context.Context, tx *db.Tx, t ticket.Ticket, v *visit, f web.Form, minutes int, msgID int64, c change) error {
	if minutes == 0 {
		return nil
	}
	in := ticket.TimeInput{Date: today(c.Now, v.Tenant.Location()), Minutes: minutes,
		Billable: f.Get("time_billable") == "1", MessageID: msgID}
	_, err := ticket.AddTime(ctx, tx, t, v.Member.ID, in, c.Now)
	return err
}
