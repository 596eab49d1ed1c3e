package ticket

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// PageSize is the number of tickets a list page shows.
const PageSize = 50

// MaxPage bounds how deep a list pages: past it, search or filter. Deep OFFSET pages
// cost time proportional to their depth, and nobody reads page 200 of a ticket list.
const MaxPage = 200

// Filter narrows and orders a ticket list. Zero values mean: open tickets, newest
// activity first, first page.
type Filter struct {
	State      string // open (open and waiting), done (resolved and closed), all; KindWaiting (Recent)
	StatusID   int64
	Query      string
	Sort       string // updated, created, oldest, priority
	Page       int
	CompanyID  int64  // staff only
	AssigneeID int64  // staff only
	Unassigned bool   // staff only
	Priority   int    // staff only
	Pending    bool   // staff only: open requests not yet accepted or declined
	Rating     string // staff only: newest rating good, bad, or none (not rated)
	Billed     string // staff only: "yes" billed, "no" not billed, "" either (list_billed.go)
	// Overdue (staff only): open tickets whose next due time (sla.go) is before this
	// moment, most overdue first (SortDue); zero: no such filter.
	Overdue time.Time
	// UnreadBy (staff only): the member's own open tickets that are new for them
	// (read_list.go); 0: no such filter.
	UnreadBy int64
	// FollowUpDue (staff only): tickets whose follow-up (followup.go) is due at this
	// moment, earliest first (SortFollowUp); zero: no such filter. FollowUpOf narrows
	// it to the follow-ups of one staff member.
	FollowUpDue time.Time
	FollowUpOf  int64
	// ContactID (staff only): the tickets this contact opened, or with ContactFollows
	// the tickets they follow (list_contact.go); 0: no such filter.
	ContactID      int64
	ContactFollows bool
	// Mine (portal, main contacts): only the tickets they opened or follow, exactly
	// the list a user of the company gets.
	Mine bool
	// Limit is how many tickets a page holds; zero: PageSize. The portal's home page
	// asks for its few newest (Recent).
	Limit int
	// After is where the page before ended (Cursor, list_after.go): the page starts
	// there instead of skipping Page-1 pages; empty or not fitting the order: by Page.
	After string

	common     bool // Query matches so many tickets that walking the list in order finds a page soonest
	seekStatus bool // a count, with no order to walk: StatusID names its index (statusCol)
	bigStatus  bool // StatusID has so many tickets that SQLite walks the list's order past the others (weighStatus)
	portal     bool // the portal's list: "activity" is what contacts see (portal_at)
	// Report, when set, is filled in with how the search went (search_messages.go).
	Report *SearchReport

	// words are Query's words looked for in the conversation, found what the
	// conversation index found for them (search_messages.go).
	words []string
	found matches
	// kindIDs are the ids of the statuses State stands for, as a PostgreSQL array,
	// when pinKinds looked them up (list_kinds.go).
	kindIDs string
}

// Sorts lists the orders a list offers.
var Sorts = []string{"updated", "created", "oldest", "priority"}

// SortDue is the queue's order by the next due time (sla.go), soonest first. It lists
// only tickets that have one, that is open tickets with a target: the partial index
// tickets_due holds just those, so the order costs a walk over them and never a sort
// of the tenant's other tickets.
const SortDue = "due"

// QueueSorts lists the orders the back office's queue offers: the portal's and
// SortDue, which the portal must not offer (contacts do not see due times).
var QueueSorts = append(Sorts[:len(Sorts):len(Sorts)], SortDue, SortFollowUp)

func (f Filter) order() string {
	activity := "t.updated_at"
	if f.portal {
		activity = "t.portal_at"
	}
	switch f.Sort {
	case "created":
		return ` ORDER BY t.id DESC`
	case "oldest":
		return ` ORDER BY t.id`
	case "priority":
		return ` ORDER BY t.priority DESC, ` + activity + ` DESC, t.id DESC`
	case SortDue:
		return ` ORDER BY t.sla_due_at, t.id`
	case SortFollowUp:
		return ` ORDER BY t.followup_at, t.id`
	}
	return ` ORDER BY ` + activity + ` DESC, t.id DESC`
}

// conditions adds the filters both lists share. A subject piece is looked for with a
// plain LIKE walking the list in its order when it is common (f.common: a page of
// matches comes within a few thousand rows), else on SQLite through the trigram index,
// where a rare word would otherwise scan the whole tenant or a big company. On
// PostgreSQL the plain LIKE walk stays in milliseconds for rare words too, while the
// trigram sub-select must collect every match first (a second for a common word at a
// million tickets).
func (f Filter) conditions(e db.Engine, tenantID int64) (string, []any) {
	var where string
	var args []any
	switch {
	case f.StatusID > 0:
		where += ` AND ` + f.statusCol() + ` = ?`
		args = append(args, f.StatusID)
	case f.kindIDs != "":
		where += ` AND t.status_id = ANY(?::bigint[])`
		args = append(args, f.kindIDs)
	case f.State == "done":
		where += ` AND s.kind IN ('resolved', 'closed')`
	case f.State == "all":
	case f.State == KindWaiting:
		// The home page's tickets waiting for the customer (Recent), as a set of status
		// ids: the index tickets_queue_company reads a company's few waiting tickets,
		// where walking its list in order would pass every closed one.
		where += ` AND t.status_id IN (SELECT ws.id FROM ticket_statuses ws WHERE ws.tenant_id = ? AND ws.kind = 'waiting')`
		args = append(args, tenantID)
	case f.Billed == "yes" && e == db.SQLite:
		// Only finished work is billed: walked in order, the open tickets' list passed
		// every ticket for none (1 s at a million). Their ids find the few open ones.
		where += ` AND t.status_id IN (SELECT ws.id FROM ticket_statuses ws WHERE ws.tenant_id = ? AND ws.kind IN ('open', 'waiting'))`
		args = append(args, tenantID)
	default:
		where += ` AND s.kind IN ('open', 'waiting')`
	}
	if f.Query != "" {
		n, only := searchNumber(f.Query)
		if only {
			where += ` AND t.id = ?`
			return where, append(args, n)
		}
		cond, a := `t.search LIKE ? ESCAPE '\'`, []any{"%" + db.LikeEscape(db.SearchTerm(f.Query)) + "%"}
		if !f.common && e == db.SQLite {
			cond, a = db.SearchFilter(e, "tickets", "t", f.Query, tenantID)
		}
		if len(f.found.tickets) > 0 { // the title, or the conversation (search_messages.go)
			mc, ma := f.messageCond(e)
			cond, a = `(`+cond+` OR `+mc+`)`, append(a, ma...)
		}
		if n > 0 {
			cond, a = `(t.id = ? OR `+cond+`)`, append([]any{n}, a...)
		}
		where += ` AND ` + cond
		args = append(args, a...)
	}
	return where, args
}

// searchNumber is the ticket number a search names, and whether it names nothing else:
// "#12" and a number of fewer than three digits name just that ticket; a longer number
// (4711 may be an error code or an invoice number too) also finds the tickets whose
// subject or conversation holds it.
func searchNumber(q string) (n int64, only bool) {
	q = strings.TrimSpace(q)
	hash := len(q) > 1 && q[0] == '#'
	if hash {
		q = strings.TrimSpace(q[1:]) // "# 12" as typed
	}
	n, err := strconv.ParseInt(q, 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, hash || len(q) < 3
}

// page runs a list query and reports whether another page follows (one row more is
// asked for instead of counting every row).
func page(ctx context.Context, q db.Querier, sel row, where string, args []any, f Filter) ([]Ticket, bool, error) {
	p, size := max(f.Page, 1), PageSize
	if f.Limit > 0 {
		size = f.Limit
	}
	if p > MaxPage {
		return nil, false, nil
	}
	offset, from := (p-1)*size, sel.from
	if cond, a, ok := f.afterCond(); ok && !f.rare(q.Engine()) {
		where, args, offset = where+cond, append(args, a...), 0
		if sel.fromAfter != "" {
			from = sel.fromAfter
		}
	}
	args = append(args, size+1, offset)
	if f.Query != "" { // a search's plan depends on its words (db.PlanEachTime)
		args = append(db.PlanEachTime(q.Engine()), args...)
	}
	rows, err := q.Query(ctx, `SELECT `+sel.cols+from+` WHERE `+where+f.order()+` LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, false, fmt.Errorf("ticket: list: %w", err)
	}
	defer rows.Close()
	out := make([]Ticket, 0, size+1)
	for rows.Next() {
		t, err := sel.scan(rows)
		if err != nil {
			return nil, false, fmt.Errorf("ticket: list: %w", err)
		}
		out = append(out, t)
	}
	if len(out) > size {
		return out[:size], p < MaxPage, rows.Err()
	}
	return out, false, rows.Err()
}

// ListForContact lists the tickets the contact sees in the active company.
func ListForContact(ctx context.Context, q db.Querier, p principal.Contact, f Filter) ([]Ticket, bool, error) {
	return listForContact(ctx, q, p, f, portalRow)
}

// listForContact is ListForContact with the rows of sel (Recent adds the newest
// message to portalRow's columns): one query, one rule of who sees what.
func listForContact(ctx context.Context, q db.Querier, p principal.Contact, f Filter, sel row) ([]Ticket, bool, error) {
	if !p.Valid() {
		return nil, false, db.ErrNotFound
	}
	if f.Mine {
		p.Role = principal.RoleUser // narrows what may be seen, never widens it
	}
	var own *ownSet
	if !p.IsMain() {
		var err error
		if own, err = ownFor(ctx, q, p, f); err != nil {
			return nil, false, err
		}
	}
	if f.Sort == SortDue || f.Sort == SortFollowUp {
		f.Sort = "" // staff's orders; contacts see neither due times nor follow-ups
	}
	f.portal = true
	if err := f.prepareSearch(ctx, q, p.TenantID, p.CompanyID); err != nil {
		return nil, false, err
	}
	where, args := visibleTo(p, own)
	more, a := f.conditions(q.Engine(), p.TenantID)
	return matchedPage(ctx, q, sel, where+more, append(args, a...), f)
}

// matchedPage is page with, for a search, the matching piece of each ticket's
// conversation (search_snippet.go).
func matchedPage(ctx context.Context, q db.Querier, sel row, where string, args []any, f Filter) ([]Ticket, bool, error) {
	ts, more, err := page(ctx, q, sel, where, args, f)
	if err != nil {
		return nil, false, err
	}
	return ts, more, markMatches(ctx, q, ts, f)
}

// Queue lists the tenant's tickets for staff.
func Queue(ctx context.Context, q db.Querier, tenantID int64, f Filter) ([]Ticket, bool, error) {
	f, where, args, none, err := queueWhere(ctx, q, tenantID, f)
	if none || err != nil {
		return nil, false, err
	}
	return matchedPage(ctx, q, queueRow, where, args, f)
}

// queueWhere is the queue's condition for f (and f as adjusted for it); none reports a
// filter that can match nothing.
func queueWhere(ctx context.Context, q db.Querier, tenantID int64, f Filter) (Filter, string, []any, bool, error) {
	if f.byDue() {
		var none bool
		if f, none = f.dueOnly(); none {
			return f, "", nil, true, nil
		}
	} else if f.byFollowUp() {
		f.Sort = SortFollowUp // followup_list.go
	}
	if err := f.prepareSearch(ctx, q, tenantID, 0); err != nil {
		return f, "", nil, false, err
	}
	if err := f.weighStatus(ctx, q, tenantID); err != nil {
		return f, "", nil, false, err
	}
	where, args := `t.tenant_id = ?`, []any{tenantID}
	more, a := f.conditions(q.Engine(), tenantID)
	where, args = where+more, append(args, a...)
	if f.CompanyID > 0 {
		where += ` AND ` + f.col("company_id") + ` = ?`
		args = append(args, f.CompanyID)
	}
	if f.Unassigned {
		where += ` AND ` + f.col("assignee_id") + ` IS NULL`
	} else if f.AssigneeID > 0 {
		where += ` AND ` + f.col("assignee_id") + ` = ?`
		args = append(args, f.AssigneeID)
	}
	if f.Priority > 0 {
		where += ` AND ` + f.col("priority") + ` = ?`
		args = append(args, f.Priority)
	}
	if f.Pending {
		// A merged request is decided with its target; one resolved or closed without a
		// decision has nothing left to decide until it is reopened (ErrDoneUndecided).
		where += ` AND t.request_state = 'pending' AND t.merged_into IS NULL AND t.closed_at IS NULL`
	}
	switch f.Rating {
	case RatingGood, RatingBad:
		where += ` AND t.last_rating = ?` // the partial index tickets_rating
		args = append(args, f.Rating)
	case "none":
		where += ` AND t.last_rating IS NULL`
	}
	where = f.billedCondition(where)
	where, args = f.contactConditions(where, args)
	where, args = f.dueConditions(where, args)
	where, args = f.followUpConditions(where, args)
	if f.UnreadBy > 0 {
		more, a := unreadOnly(q.Engine(), tenantID, f.UnreadBy)
		where, args = where+more, append(args, a...)
	}
	return f, where, args, false, nil
}

// prepareSearch finds out, for a list searched for f.Query, whether its subject piece is
// common (commonTerm: walk the list in order on the first pages, else the trigram index,
// in a big company's portal list too, where a rare word would otherwise walk all its
// tickets) and which tickets the conversation search finds (companyID: the portal's
// company, 0 for staff).
func (f *Filter) prepareSearch(ctx context.Context, q db.Querier, tenantID, companyID int64) error {
	if _, _, after := f.afterCond(); f.Page <= commonPages || after { // from the page before: as cheap as the first
		var err error
		if f.common, err = commonTerm(ctx, q, f.Query); err != nil {
			return err
		}
	}
	if err := f.pinKinds(ctx, q, tenantID); err != nil {
		return err
	}
	return f.searchConversation(ctx, q, tenantID, companyID)
}

// rare reports a search that SQLite answers from the set of its matches (the trigram
// index and the conversation's): a page of it is found by its number, skipping a few
// hundred matches at most. With the place of a next page, SQLite walked the list from
// there instead, past most tickets of the tenant (140 ms where the number took 65).
func (f Filter) rare(e db.Engine) bool {
	return e == db.SQLite && f.Query != "" && !f.common
}

// commonPages are the pages a common term is searched for by walking the queue: page p
// needs p×50 matches, and deeper pages of a term with a few thousand would walk most of
// the queue, where the index answers from those few thousand rows.
const commonPages = 5

// commonAt is the number of trigram matches from which a search term counts as common.
var commonAt = 2000 // a variable so that tests can reach both ways with little data

// commonTerm tells whether the SQLite trigram index holds at least commonAt tickets for
// term (of any tenant: the index has no tenant column; a term common elsewhere is at
// worst searched the slower way). The trigram sub-select collects and sorts every match
// before the first row shows: 460 ms for a word in 51,000 of a million tickets, while
// walking the queue in its order with LIKE finds a page of such a word in a few
// thousand rows. A rare word is the other way round, so the index answers it. The probe
// stops counting at commonAt.
func commonTerm(ctx context.Context, q db.Querier, term string) (bool, error) {
	term = db.SearchTerm(term)
	if q.Engine() != db.SQLite || !db.Indexed(term) {
		return false, nil
	}
	if _, only := searchNumber(term); only {
		return false, nil // a ticket number
	}
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM tickets_search WHERE tickets_search MATCH ? LIMIT ?)`,
		db.Phrase(term), commonAt).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("ticket: search probe: %w", err)
	}
	return n >= commonAt, nil
}
