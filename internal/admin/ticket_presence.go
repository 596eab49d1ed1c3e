package admin

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketPresence is the ticket page's heartbeat (htmx, ticket_presence.templ): it
// records that the staff member has the ticket open, writing when the reply box they
// send along holds text (the text itself is neither kept nor read further), and
// answers with the colleagues who have it open too. When the page already shows
// exactly those (the state it sends back), the answer is 204 and htmx swaps nothing,
// so a screen reader hears the strip only when it changes. Another tenant's ticket is
// a 404.
func (a *Admin) ticketPresence(w http.ResponseWriter, r *http.Request, v *visit) {
	id, ok := a.ticketID(w, r)
	if !ok {
		return
	}
	// The reply box may hold its most, in Thai, URL-encoded; a form past even that
	// holds a lot of text, so its writer counts as writing.
	f := web.ParseFormUpTo(w, r, 12*maxTicketBody+web.MaxFormBytes)
	t, err := ticket.ForStaff(r.Context(), a.env.DB, v.P.TenantID, id)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	others, err := a.presenceBeat(r.Context(), v, t, f.Err != "" || strings.TrimSpace(f.Raw("body")) != "")
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	if f.Err == "" && f.Raw("presence_state") == presenceState(others) {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	web.Render(w, r, http.StatusOK, ticketPresenceList(others))
}

// presenceBeat records the member on t and returns the colleagues there now.
func (a *Admin) presenceBeat(ctx context.Context, v *visit, t ticket.Ticket, typing bool) ([]ticket.Presence, error) {
	now := a.env.Now()
	if err := ticket.Beat(ctx, a.env.DB, t.TenantID, t.ID, v.Member.ID, typing, now); err != nil {
		return nil, err
	}
	return ticket.Present(ctx, a.env.DB, t.TenantID, t.ID, v.Member.ID, now)
}

// presenceEvery is the heartbeat's interval as htmx writes it ("every 12s").
func (a *Admin) presenceEvery() string {
	d := a.env.PresenceEvery
	if d <= 0 {
		d = ticket.PresenceBeat
	}
	return strconv.FormatInt(max(d.Milliseconds(), 100), 10) + "ms"
}

// presenceTrigger is the strip's hx-trigger: the heartbeat, and typing in the reply
// box (at most one request per two seconds, so that "writing" shows soon without a
// request per key).
func presenceTrigger(every string) string {
	return "every " + every + ", input changed throttle:2s from:#f-body"
}

// presenceState sums up who is there and who writes ("12v,15t"), for the strip to
// send back with its next heartbeat.
func presenceState(ps []ticket.Presence) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(p.StaffID, 10))
		if p.Typing {
			b.WriteByte('t')
		} else {
			b.WriteByte('v')
		}
	}
	return b.String()
}

// presenceText is "Anna Berger is viewing" or "… is writing a reply…". On a
// right-to-left page the name is isolated (first-strong), so a Latin name keeps its
// place in a Hebrew sentence.
func presenceText(ctx context.Context, p ticket.Presence) string {
	key := "presence.viewing"
	if p.Typing {
		key = "presence.typing"
	}
	return i18n.T(ctx, key, map[string]any{"Name": isolateName(ctx, p.Name)})
}

// isolateName wraps a person's name in Unicode's first-strong isolate on
// right-to-left pages; left-to-right pages get it unchanged.
func isolateName(ctx context.Context, name string) string { return web.IsolateName(ctx, name) }
