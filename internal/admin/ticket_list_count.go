package admin

import (
	"context"

	"pforte/internal/ticket"
)

// queueCountCap is where the queue stops counting its matches: "more than 1,000"
// tells staff to filter, and a bounded count stays cheap at a million tickets
// (BENCHMARKS.md, "Queue count").
const queueCountCap = 1000

// queueCount is how many tickets the queue's filter matches, up to queueCountCap (more:
// beyond it; for a search of several pages, beyond the pages up to this one). A result
// that fits on the page it shows (the last page) needs no query; otherwise
// ticket.CountQueue counts with the same condition as the list (and the dashboard),
// stopping after the cap.
func (a *Admin) queueCount(ctx context.Context, tenantID int64, tf ticket.Filter, view queueView) (n int, more bool, err error) {
	if view.CompanyFind.Open() {
		return 0, false, nil
	}
	p := max(tf.Page, 1)
	if tf.Query != "" && view.Pager.HasNext {
		// A search is counted no further than its pages: counting every match of a
		// common word costs what listing them does (BENCHMARKS.md, "Queue count").
		return p * ticket.PageSize, true, nil
	}
	if !view.Pager.HasNext && (len(view.List) > 0 || p == 1) {
		n = (p-1)*ticket.PageSize + len(view.List)
	} else if n, err = ticket.CountQueue(ctx, a.env.DB, tenantID, tf, queueCountCap+1); err != nil {
		return 0, false, err
	}
	if n > queueCountCap {
		return queueCountCap, true, nil
	}
	return n, false, nil
}
