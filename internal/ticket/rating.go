package ticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/validate"
)

// Rating values: the contact's verdict on how a ticket was resolved.
const (
	RatingGood = "good"
	RatingBad  = "bad"
)

// MaxRatingComment bounds the comment that may come with a rating, in characters.
const MaxRatingComment = 2000

// Errors of rating; the portal answers ErrNotOpener with a 404 like any ticket the
// contact may not touch.
var (
	ErrNotOpener = errors.New("ticket: only the contact who opened the ticket rates it")
	ErrNotDone   = errors.New("ticket: only a resolved or closed ticket can be rated")
)

// Rating is the verdict of the contact who opened a ticket on one of its resolutions
// (the n-th time it went from open to resolved or closed).
type Rating struct {
	ID          int64
	TicketID    int64
	Resolution  int
	ContactID   int64 // 0 after the contact was deleted
	ContactName string
	Value       string // RatingGood or RatingBad
	Comment     string
	CreatedAt   time.Time
	RatedAt     time.Time // the last change
}

// Good reports whether the rating is good.
func (r Rating) Good() bool { return r.Value == RatingGood }

// CheckRating validates a submitted rating: a known value and a comment of at most
// MaxRatingComment characters (line breaks allowed, other control characters not).
func CheckRating(value, comment string) validate.Errors {
	e := validate.Errors{}
	if value != RatingGood && value != RatingBad { // missing or made up: the same request to choose
		e.Add("rating", "ticket_rating.error.choose", nil)
	}
	e.MaxLen("comment", comment, MaxRatingComment)
	return e
}

// Rate stores the opener's rating of the ticket's current resolution, or changes the
// one they gave; it never changes the ticket's status or reopens it, so billed tickets
// can be rated too. Whether the tenant asks for ratings is the caller's check (its
// rules, read in the same transaction). The rule is checked again in the statement, so
// a ticket reopened since it was loaded is not rated.
func Rate(ctx context.Context, tx db.Querier, t Ticket, contactID int64, value, comment string, now time.Time) error {
	if contactID == 0 || t.ContactID != contactID {
		return ErrNotOpener
	}
	if e := CheckRating(value, comment); e.Any() {
		return e
	}
	if !t.Rateable() {
		return ErrNotDone
	}
	res, err := tx.Exec(ctx, `INSERT INTO ticket_ratings (tenant_id, ticket_id, resolution, contact_id, rating, comment, created_at, rated_at)
		SELECT t.tenant_id, t.id, t.resolution, t.contact_id, ?, ?, ?, ?
		FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
		WHERE t.tenant_id = ? AND t.id = ? AND t.contact_id = ? AND s.kind IN ('resolved', 'closed')
			AND t.merged_into IS NULL AND t.request_state <> 'declined'
		ON CONFLICT (ticket_id, resolution) DO UPDATE SET rating = excluded.rating, comment = excluded.comment,
			rated_at = excluded.rated_at`,
		value, comment, now.Unix(), now.Unix(), t.TenantID, t.ID, contactID)
	if err != nil {
		return fmt.Errorf("ticket: rate: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotDone
	}
	// The queue's filter and badge read the newest rating from the ticket itself;
	// updated_at stays, since a rating is no activity on the ticket.
	if _, err := tx.Exec(ctx, `UPDATE tickets SET last_rating = ? WHERE tenant_id = ? AND id = ?`, value, t.TenantID, t.ID); err != nil {
		return fmt.Errorf("ticket: rate: %w", err)
	}
	return nil
}

// Rateable reports whether the ticket's opener may rate it now: it is resolved or
// closed, not merged (its conversation went on elsewhere) and not a declined request
// (nothing was done to rate).
func (t Ticket) Rateable() bool {
	return t.Done() && t.MergedInto == 0 && t.RequestState != RequestDeclined
}

// RatingOffered reports whether the ticket's opener is asked to rate it now: it is
// Rateable and staff answered it. A ticket that was closed before anyone from support
// wrote to the customer (they closed it themselves, it was solved elsewhere) has no
// support work to judge, so the card and the mail's line stay away. Whether the tenant
// asks for ratings at all is the caller's check.
func RatingOffered(ctx context.Context, q db.Querier, t Ticket) (bool, error) {
	if !t.Rateable() {
		return false, nil
	}
	return Answered(ctx, q, t)
}

// Answered reports whether staff wrote the ticket a public reply. The opening message
// is no answer, also when staff wrote it on the customer's behalf; internal notes are
// none either, the customer never read them.
func Answered(ctx context.Context, q db.Querier, t Ticket) (bool, error) {
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM ticket_messages m WHERE m.tenant_id = ? AND m.ticket_id = ?
		AND m.staff_id IS NOT NULL AND NOT m.internal
		AND m.id <> (SELECT MIN(f.id) FROM ticket_messages f WHERE f.tenant_id = m.tenant_id AND f.ticket_id = m.ticket_id)`,
		t.TenantID, t.ID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("ticket: answered: %w", err)
	}
	return n > 0, nil
}

const ratingCols = `r.id, r.ticket_id, r.resolution, COALESCE(r.contact_id, 0),
	COALESCE(TRIM(c.first_name || ' ' || c.last_name), ''), r.rating, r.comment, r.created_at, r.rated_at`

func scanRating(row interface{ Scan(...any) error }) (Rating, error) {
	var r Rating
	var created, rated int64
	err := row.Scan(&r.ID, &r.TicketID, &r.Resolution, &r.ContactID, &r.ContactName, &r.Value, &r.Comment, &created, &rated)
	r.CreatedAt, r.RatedAt = time.Unix(created, 0), time.Unix(rated, 0)
	return r, err
}

// CurrentRating is the rating of the resolution the done ticket is in, or
// db.ErrNotFound when it has none yet or the ticket is open again (its resolution
// number grows only when it is done once more).
func CurrentRating(ctx context.Context, q db.Querier, t Ticket) (Rating, error) {
	if !t.Done() {
		return Rating{}, db.ErrNotFound
	}
	r, err := scanRating(q.QueryRow(ctx, `SELECT `+ratingCols+` FROM ticket_ratings r
		JOIN tickets t ON t.id = r.ticket_id AND t.resolution = r.resolution
		LEFT JOIN contacts c ON c.id = r.contact_id
		WHERE r.tenant_id = ? AND r.ticket_id = ?`, t.TenantID, t.ID))
	if err != nil {
		return r, fmt.Errorf("ticket: rating: %w", db.One(err))
	}
	return r, nil
}

// Ratings lists every rating of the ticket, one per resolution, newest first (staff).
func Ratings(ctx context.Context, q db.Querier, tenantID, ticketID int64) ([]Rating, error) {
	return ratingsWhere(ctx, q, `r.tenant_id = ? AND r.ticket_id = ?`, tenantID, ticketID)
}

func ratingsWhere(ctx context.Context, q db.Querier, where string, args ...any) ([]Rating, error) {
	rows, err := q.Query(ctx, `SELECT `+ratingCols+` FROM ticket_ratings r LEFT JOIN contacts c ON c.id = r.contact_id
		WHERE `+where+` ORDER BY r.ticket_id, r.resolution DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("ticket: ratings: %w", err)
	}
	defer rows.Close()
	var out []Rating
	for rows.Next() {
		r, err := scanRating(rows)
		if err != nil {
			return nil, fmt.Errorf("ticket: ratings: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RatingShare is how ratings came out over a period: Good of Rated were good.
type RatingShare struct {
	Rated, Good int
}

// Percent is the share of good ratings, rounded to whole percent (0 without ratings).
func (s RatingShare) Percent() int {
	if s.Rated == 0 {
		return 0
	}
	return (s.Good*100 + s.Rated/2) / s.Rated
}

// ShareSince counts the tenant's ratings given or changed since from, and the good
// ones among them, from the index on (tenant, rated_at, rating) alone.
func ShareSince(ctx context.Context, q db.Querier, tenantID int64, from time.Time) (RatingShare, error) {
	var s RatingShare
	err := q.QueryRow(ctx, `SELECT COUNT(*), COUNT(CASE WHEN rating = 'good' THEN 1 END) FROM ticket_ratings
		WHERE tenant_id = ? AND rated_at >= ?`, tenantID, from.Unix()).Scan(&s.Rated, &s.Good)
	if err != nil {
		return s, fmt.Errorf("ticket: rating share: %w", err)
	}
	return s, nil
}
