package admin

import (
	"net/http"

	"pforte/internal/ticket"
)

// dayCap is where the dashboard's tiles stop counting: "at least 100" tells staff as
// much as the exact number, and the count stays a short walk however big the queue is.
const dayCap = 100

// dayCounts are the numbers on the day's queue tiles: open tickets of the reader, open
// tickets nobody has, requests waiting for a decision, and the reader's due follow-ups
// on tickets of any status — what the tiles' links list.
type dayCounts struct {
	Mine, Unassigned, Pending, FollowUps int
}

// dayCountsOf counts the tiles' queues, each up to dayCap.
func (a *Admin) dayCountsOf(r *http.Request, v *visit) (dayCounts, error) {
	var c dayCounts
	if !usesHelpdesk(v.Tenant) {
		return c, nil
	}
	for _, q := range []struct {
		n *int
		f ticket.Filter
	}{
		{&c.Mine, ticket.Filter{AssigneeID: v.Member.ID}},
		{&c.Unassigned, ticket.Filter{Unassigned: true}},
		{&c.Pending, ticket.Filter{Pending: true}},
		{&c.FollowUps, ticket.Filter{State: "all", FollowUpDue: a.env.Now(), FollowUpOf: v.Member.ID}}, // ticket_followup.templ
	} {
		n, err := ticket.CountQueue(r.Context(), a.env.DB, v.P.TenantID, q.f, dayCap)
		if err != nil {
			return c, err
		}
		*q.n = n
	}
	return c, nil
}
