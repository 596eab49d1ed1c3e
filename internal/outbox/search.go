package outbox

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"pforte/internal/db"
)

// Filter narrows the outbox: text in the recipient's address or the subject (any case,
// anywhere in it), a state, a ticket. Zero values filter nothing.
type Filter struct {
	Query    string
	State    string // one of FilterStates, or ""
	TicketID int64
}

// States are the states a mail is in: waiting for (another) try, delivered (by SMTP or
// to the file store), given up, not sent because its ticket was deleted, not sent
// because an admin judged that a mail held since a restore had gone out before.
var States = []string{"queued", "sent", "failed", StateCancelled, StateDiscarded}

// StateHeld filters the queued mails a restore held (their delivery waits for an
// admin): the list shows them apart, so the filter does too, and "queued" leaves them out.
const StateHeld = "held"

// FilterStates are the states the outbox filters by: the mails' States and, after
// queued, the held ones.
var FilterStates = []string{"queued", StateHeld, "sent", "failed", StateCancelled, StateDiscarded}

// Page is one page of the outbox, newest first.
type Page struct {
	Mails []Mail
	// Older is the id the next page starts before (?before=), 0 when none is left.
	Older int64
	// Partial tells that a text search stopped at its window before the page was full:
	// the mails back to SearchedTo were searched, older ones not yet (Older goes on).
	Partial    bool
	SearchedTo time.Time
}

// searchWindow is how many of the newest mails (that pass the state and ticket
// filters) one page of a text search looks through at most. Addresses and subjects are
// matched by "contains", which no B-tree index serves, so the search reads the mails
// newest first; the window keeps a rare term from reading hundreds of thousands of them
// in one request (20,000 take about 12 ms on SQLite, through mails_search, and 20 ms on
// PostgreSQL; BenchmarkOutboxSearch). A variable so that tests can reach the window
// with little data.
var searchWindow = 20000

// Search returns the tenant's newest mails that pass f, older than beforeID when set;
// admin-only mails only when admin is set, token links masked without it. The state
// and ticket filters walk their indexes (mails_state, mails_ticket); a text is searched
// for in a window of mails (see search).
func Search(ctx context.Context, q db.Querier, tenantID int64, f Filter, beforeID int64, admin bool, limit int) (Page, error) {
	where, args := f.where(tenantID)
	if beforeID > 0 {
		where += ` AND id < ?`
		args = append(args, beforeID)
	}
	if term := strings.ToLower(strings.TrimSpace(f.Query)); term != "" {
		return search(ctx, q, tenantID, where, args, term, admin, limit)
	}
	list, err := load(ctx, q, `SELECT `+columns+` FROM mails WHERE `+where+` AND (? OR NOT admin_only) ORDER BY id DESC LIMIT ?`,
		append(args, admin, limit+1), admin)
	if err != nil {
		return Page{}, err
	}
	var p Page
	if len(list) > limit { // one row more than shown tells that older ones exist
		list = list[:limit]
		p.Older = list[limit-1].ID
	}
	p.Mails = list
	return p, nil
}

// where is the condition of f but its text and the admin-only rule, with its arguments.
func (f Filter) where(tenantID int64) (string, []any) {
	where, args := `tenant_id = ?`, []any{tenantID}
	if !slices.Contains(FilterStates, f.State) {
		f.State = ""
	}
	state := f.State
	if state == StateHeld {
		state = "queued"
	}
	switch {
	case f.TicketID > 0:
		where += ` AND ticket_id = ?`
		args = append(args, f.TicketID)
		if state != "" {
			// Written so that no index serves it: a ticket has a few mails, a state
			// thousands, and SQLite would otherwise walk the state's.
			where += ` AND (state || '') = ?`
			args = append(args, state)
		}
	case state != "":
		where += ` AND state = ?`
		args = append(args, state)
	}
	// The held deliveries are read once (jobs_due serves state = 'held'): after a
	// restore a few thousand at most, usually none.
	switch f.State {
	case StateHeld:
		where += ` AND id IN (` + heldJobs + `)`
		args = append(args, heldArgs(tenantID)...)
	case "queued":
		where += ` AND id NOT IN (` + heldJobs + `)`
		args = append(args, heldArgs(tenantID)...)
	}
	return where, args
}

// search finds a page of mails whose address or subject contains term among the
// window's mails that pass where. SQL narrows the mails by a LIKE that lets every
// letter beyond ASCII match any character (SQLite's LOWER folds only A–Z); the exact
// test is matches, here, so that "ärger" finds "Ärger" on both engines and an agent's
// search sees the subject as shown, masked: a search must not probe a token the agent
// may not read. Only the candidates leave the database: a row through database/sql
// costs more than the LIKE on it.
func search(ctx context.Context, q db.Querier, tenantID int64, where string, args []any, term string, admin bool,
	limit int) (Page, error) {
	var p Page
	// The window's oldest mail, found in the index alone (admin-only mails count: the
	// flag is in the row); none when fewer mails are left than the window holds.
	var floor int64
	err := q.QueryRow(ctx, `SELECT id FROM mails WHERE `+where+` ORDER BY id DESC LIMIT 1 OFFSET ?`,
		append(slices.Clone(args), searchWindow-1)...).Scan(&floor)
	if err = db.One(err); err != nil && err != db.ErrNotFound {
		return Page{}, fmt.Errorf("outbox: search window: %w", err)
	}
	cond, a := where, slices.Clone(args)
	if floor > 0 {
		cond += ` AND id >= ?`
		a = append(a, floor)
	}
	like := "%" + wildNonASCII(db.LikeEscape(term)) + "%"
	rows, err := q.Query(ctx, `SELECT id, to_addr, subject FROM mails WHERE `+cond+` AND (? OR NOT admin_only)
		AND (LOWER(to_addr) LIKE ? ESCAPE '\' OR LOWER(subject) LIKE ? ESCAPE '\') ORDER BY id DESC LIMIT ?`,
		append(a, admin, like, like, limit+1)...)
	if err != nil {
		return Page{}, fmt.Errorf("outbox: search: %w", err)
	}
	var hits []any
	n := 0
	for rows.Next() {
		if n++; n > limit { // a page of candidates: the next page goes on below the last one
			break
		}
		var id int64
		var to, subject string
		if err := rows.Scan(&id, &to, &subject); err != nil {
			rows.Close()
			return Page{}, fmt.Errorf("outbox: search: %w", err)
		}
		if matches(to, subject, term, admin) {
			hits = append(hits, id)
		}
		p.Older = id
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return Page{}, fmt.Errorf("outbox: search: %w", err)
	}
	switch {
	case n > limit:
	case floor > 0: // the window is read, older mails are not yet
		var created int64
		if err := q.QueryRow(ctx, `SELECT created_at FROM mails WHERE id = ?`, floor).Scan(&created); err != nil {
			return Page{}, fmt.Errorf("outbox: search window: %w", err)
		}
		p.Older, p.Partial, p.SearchedTo = floor, true, time.Unix(created, 0)
	default:
		p.Older = 0
	}
	if len(hits) == 0 {
		return p, nil
	}
	p.Mails, err = load(ctx, q, `SELECT `+columns+` FROM mails WHERE tenant_id = ? AND id IN (`+db.Marks(len(hits))+
		`) ORDER BY id DESC`, append([]any{tenantID}, hits...), admin)
	return p, err
}

// load runs a query for whole mails, masked unless admin.
func load(ctx context.Context, q db.Querier, query string, args []any, admin bool) ([]Mail, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("outbox: list: %w", err)
	}
	defer rows.Close()
	var out []Mail
	for rows.Next() {
		m, err := scan(rows)
		if err != nil {
			return nil, err
		}
		if !admin {
			m = m.masked()
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// matches tells whether the address or the subject contains term (lower-cased). An
// agent's subject must match as shown, with its token links masked; masking costs a
// regular expression, so only a subject that matches as stored is masked and tried again.
func matches(to, subject, term string, admin bool) bool {
	if strings.Contains(strings.ToLower(to), term) {
		return true
	}
	if !strings.Contains(strings.ToLower(subject), term) {
		return false
	}
	return admin || strings.Contains(strings.ToLower(Mask(subject)), term)
}

// wildNonASCII turns every character beyond ASCII into LIKE's "any one character".
func wildNonASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII {
			return '_'
		}
		return r
	}, s)
}
