package scale

import (
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"pforte/internal/ticket"
)

// The columns the generator writes, in the order of the rows it builds. Children carry
// the ticket's position in its chunk until the writer knows the ticket's id.
var (
	ticketCols = []string{"id", "tenant_id", "company_id", "contact_id", "title", "status_id", "priority", "category_id",
		"location", "asset", "assignee_id", "billed", "request_state", "decision_reason", "via", "reply_token", "reply_secret", "search",
		"created_at", "updated_at", "portal_at", "closed_at",
		"first_response_due_at", "first_responded_at", "resolution_due_at", "resolved_at", "sla_due_at", // sla.go
		"auto_step", "auto_since"} // auto.go
	messageCols = []string{"tenant_id", "ticket_id", "contact_id", "staff_id", "author", "internal", "body", "via",
		"mail_message_id", "created_at"}
	eventCols = []string{"tenant_id", "ticket_id", "kind", "from_status_id", "to_status_id", "contact_id", "staff_id",
		"actor", "note", "created_at"}
	followerCols = []string{"ticket_id", "contact_id", "tenant_id", "created_at"}
)

// chunk is a batch of tickets with everything that hangs off them.
type chunk struct {
	companies []int // company index per ticket, for the login's statistics
	tickets   [][]any
	messages  [][]any // column 1 holds the ticket's index in the chunk
	events    [][]any // column 1 likewise
	followers [][]any // column 0 likewise
}

const (
	minute = int64(60)
	hour   = 60 * minute
	day    = 24 * hour
)

// weighted is a small table of choices with their probabilities.
type weighted []struct {
	code string
	p    float64
}

func (w weighted) pick(r *rand.Rand) string {
	x := r.Float64()
	for _, c := range w {
		if x < c.p {
			return c.code
		}
		x -= c.p
	}
	return w[len(w)-1].code
}

// Young tickets are mostly still open, old ones almost all done: status depends on age.
var (
	fresh  = weighted{{ticket.CodeNew, .45}, {ticket.CodeAccepted, .2}, {ticket.CodeProgress, .2}, {ticket.CodeWaiting, .1}, {ticket.CodeResolved, .05}}
	recent = weighted{{ticket.CodeNew, .06}, {ticket.CodeAccepted, .1}, {ticket.CodeProgress, .25}, {ticket.CodeWaiting, .2},
		{ticket.CodeResolved, .29}, {ticket.CodeClosed, .08}, {ticket.CodeDeclined, .02}}
	month = weighted{{ticket.CodeProgress, .04}, {ticket.CodeWaiting, .05}, {ticket.CodeResolved, .3}, {ticket.CodeClosed, .58},
		{ticket.CodeDeclined, .03}}
	old = weighted{{ticket.CodeProgress, .004}, {ticket.CodeWaiting, .006}, {ticket.CodeResolved, .05}, {ticket.CodeClosed, .91},
		{ticket.CodeDeclined, .03}}
)

// gen turns the world into tickets.
type gen struct {
	w   *world
	r   *rand.Rand
	now int64
	c   *chunk
	idx int // the current ticket's index in the chunk
	// seen is the current ticket's last activity its contacts see (portal_at): public
	// messages and the history entries the portal shows.
	seen int64
}

func (g *gen) between(from, spread int64) int64 { return min(from+g.r.Int64N(spread)+1, g.now) }

func (g *gen) msg(t int64, author member, staff bool, internal bool, body, via, mailID string) {
	contactID, staffID := any(author.id), any(nil)
	if staff {
		contactID, staffID = nil, author.id
	}
	g.c.messages = append(g.c.messages, []any{g.w.tenantID, g.idx, contactID, staffID, author.name, internal, body, via, mailID, t})
	if !internal {
		g.seen = max(g.seen, t)
	}
}

func (g *gen) event(t int64, kind string, from, to *ticket.Status, by member, staff bool, note string) {
	contactID, staffID := any(by.id), any(nil)
	if staff {
		contactID, staffID = nil, by.id
	}
	var fromID, toID any
	if from != nil {
		fromID = from.ID
	}
	if to != nil {
		toID = to.ID
	}
	g.c.events = append(g.c.events, []any{g.w.tenantID, g.idx, kind, fromID, toID, contactID, staffID, by.name, note, t})
	e := ticket.Event{Kind: kind}
	if to != nil {
		e.To = *to
	}
	if ticket.PortalEvent(e) {
		g.seen = max(g.seen, t)
	}
}

// ticket adds one ticket opened at created, with its conversation and history as the
// portal and the back office would have written them.
func (g *gen) ticket(created int64, token, secret string) {
	r, w := g.r, g.w
	g.idx, g.seen = len(g.c.tickets), created
	ci := w.pickCompany(r)
	f := &w.companies[ci]
	who := 0
	if r.IntN(100) >= 35 {
		who = 1 + r.IntN(len(f.people)-1)
	}
	opener, first := f.people[who], f.firsts[who]
	l := langOf(f.english)
	tp := pick(r, topics)
	title := title(r, tp, f.english)

	age := g.now - created
	table := old
	switch {
	case age < 2*day:
		table = fresh
	case age < 14*day:
		table = recent
	case age < 60*day:
		table = month
	}
	code := table.pick(r)
	final := w.statuses[code]
	isNew, declined := code == ticket.CodeNew, code == ticket.CodeDeclined

	via, mailID := "portal", ""
	if r.IntN(5) == 0 {
		via, mailID = "email", fmt.Sprintf("<%x.%d@mail.%s.invalid>", r.Uint32(), created, slug(strings.Fields(f.name)[0]))
	}
	newSt := w.statuses[ticket.CodeNew]
	g.msg(created, opener, false, false, description(r, tp, f.english, first), via, mailID)
	g.event(created, "created", nil, &newSt, opener, false, "")
	last := created

	agent := pick(r, w.staff)
	var assignee any
	requestState, reason := ticket.RequestPending, ""
	if !isNew {
		decided := g.between(created, 6*hour)
		if declined {
			requestState, reason = ticket.RequestDeclined, pick(r, l.decline)
			g.event(decided, "declined", &newSt, &final, agent, true, reason)
		} else {
			requestState = ticket.RequestAccepted
			acc := w.statuses[ticket.CodeAccepted]
			g.event(decided, "accepted", &newSt, &acc, agent, true, "")
		}
		assignee = agent.id
		g.event(decided, "assigned", nil, nil, agent, true, agent.name)
		last = decided
	} else if r.IntN(5) == 0 {
		assignee = agent.id
	}

	// One to four messages: the description, then staff and customer take turns, with
	// an internal note now and then.
	n := []int{1, 2, 2, 2, 3, 3, 3, 4, 4}[r.IntN(9)]
	if isNew || declined {
		n = 1 + r.IntN(2)
	}
	firstReply := int64(0) // the first public staff message: the first response (sla.go)
	for i := 1; i < n; i++ {
		last = g.between(last, 30*hour)
		switch {
		case isNew:
			g.msg(last, opener, false, false, pick(r, l.details), via, "")
		case i%2 == 1 && r.IntN(6) > 0 || i%2 == 0 && r.IntN(4) == 0:
			kind := l.staff
			if declined {
				kind = l.decline
			}
			g.msg(last, agent, true, false, pick(r, kind), "staff", "")
			if firstReply == 0 {
				firstReply = last
			}
		case i%2 == 0:
			g.msg(last, opener, false, false, pick(r, l.contact)+"\n\n"+first, via, "")
		default:
			g.msg(last, agent, true, true, pick(r, l.notes), "staff", "")
		}
	}

	var closedAt any
	billed := false
	if code != ticket.CodeNew && code != ticket.CodeAccepted && !declined {
		last = g.between(last, 48*hour)
		acc := w.statuses[ticket.CodeAccepted]
		if code == ticket.CodeClosed && r.IntN(5) < 2 {
			g.event(last, "closed", &acc, &final, opener, false, "")
		} else {
			g.event(last, "status", &acc, &final, agent, true, "")
		}
		if final.Kind == ticket.KindResolved || final.Kind == ticket.KindClosed {
			closedAt = last
		}
		if code == ticket.CodeClosed && r.IntN(4) == 0 {
			billed = true
			last = g.between(last, 5*day)
			g.event(last, "billed", nil, nil, agent, true, "")
		}
	} else if declined {
		closedAt = last
	}
	if r.IntN(100) < 6 { // a colleague follows the ticket
		other := f.people[(who+1+r.IntN(len(f.people)-1))%len(f.people)]
		at := g.between(created, 2*hour)
		g.c.followers = append(g.c.followers, []any{g.idx, other.id, w.tenantID, at})
		g.event(at, "follower", nil, nil, opener, false, fmt.Sprint(other.id))
		last = max(last, at)
	}

	priority := []int{ticket.PriorityLow, ticket.PriorityNormal, ticket.PriorityNormal, ticket.PriorityNormal,
		ticket.PriorityHigh, ticket.PriorityNormal, ticket.PriorityLow, ticket.PriorityHigh, ticket.PriorityNormal,
		ticket.PriorityNormal, ticket.PriorityNormal, ticket.PriorityHigh, ticket.PriorityNormal, ticket.PriorityNormal,
		ticket.PriorityNormal, ticket.PriorityLow, ticket.PriorityNormal, ticket.PriorityHigh, ticket.PriorityNormal,
		ticket.PriorityUrgent}[r.IntN(20)]
	var category any
	if id, ok := w.categories[tp.category]; ok && r.IntN(10) > 0 {
		category = id
	} else if len(w.catIDs) > 0 && r.IntN(2) == 0 {
		category = pick(r, w.catIDs)
	}
	location, asset := "", ""
	if r.IntN(3) == 0 {
		location = pick(r, sitesDE)
		if f.english {
			location = pick(r, sitesEN)
		}
	}
	if tp.hardware && r.IntN(2) == 0 {
		asset = fmt.Sprintf("%s (SN %c%c%07d)", pick(r, models), 'A'+r.IntN(26), 'A'+r.IntN(26), r.IntN(10000000))
	}
	g.c.companies = append(g.c.companies, ci)
	g.c.tickets = append(g.c.tickets, append([]any{nil, w.tenantID, f.id, opener.id, title, final.ID, priority, category,
		location, asset, assignee, billed, requestState, reason, via, token, secret, strings.ToLower(title), created, last, g.seen, closedAt,
	}, append(slaCols(w.targets[priority], created, firstReply, closedAt), autoCols(final, billed, closedAt, last)...)...))
}

// produce sends chunks of size tickets until n are made, spread evenly over the three
// years before now, oldest first, so ids grow with created_at as in real life.
func produce(w *world, seed uint64, n, size int, now time.Time, out chan<- *chunk, stop <-chan struct{}) {
	defer close(out)
	g := &gen{w: w, r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), now: now.Unix()}
	span := float64(3 * 365 * day)
	start := float64(g.now) - span
	const tokenBytes, secretBytes = 10, 16 // as ticket.Create
	tokens := make([]byte, (tokenBytes+secretBytes)*size)
	for done := 0; done < n; {
		k := min(size, n-done)
		g.c = &chunk{tickets: make([][]any, 0, k)}
		crand.Read(tokens) // reply tokens and secrets are secrets: crypto/rand, as ticket.Create
		for i := range k {
			created := int64(start + span*(float64(done+i)+g.r.Float64())/float64(n))
			b := tokens[(tokenBytes+secretBytes)*i:]
			g.ticket(created, hex.EncodeToString(b[:tokenBytes]), hex.EncodeToString(b[tokenBytes:tokenBytes+secretBytes]))
		}
		done += k
		select {
		case out <- g.c:
		case <-stop:
			return
		}
	}
}

// table is one table's share of a chunk, in the order the writers insert them (tickets
// first: the other rows refer to them).
type table struct {
	name string
	cols []string
	rows [][]any
}

func (c *chunk) tables() []table {
	return []table{{"tickets", ticketCols, c.tickets}, {"ticket_messages", messageCols, c.messages},
		{"ticket_events", eventCols, c.events}, {"ticket_followers", followerCols, c.followers}}
}
