package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// cols and from select a ticket with the names its pages show; contactCols the same
// with the last activity as contacts see it (portal_at, see portalRow) in UpdatedAt.
const (
	cols        = colsHead + `, t.updated_at` + colsNews
	contactCols = colsHead + `, t.portal_at` + colsNews
)

// colsNews are the counts of messages that tell what is new for whom (read.go).
const colsNews = `,
	COALESCE(t.news, 0), COALESCE(t.news_staff_id, 0), COALESCE(t.portal_news, 0), COALESCE(t.portal_news_contact_id, 0)`

const colsHead = `t.id, t.tenant_id, t.company_id, c.name, COALESCE(t.contact_id, 0),
	COALESCE(TRIM(ct.first_name || ' ' || ct.last_name), ''), t.title,
	s.id, s.code, s.name, s.kind, s.position, s.portal_visible, s.active,
	t.priority, COALESCE(t.category_id, 0), COALESCE(cat.name, ''), t.location, t.asset,
	COALESCE(t.assignee_id, 0), COALESCE(st.name, ''), t.billed, t.request_state, t.decision_reason, t.via,
	t.reply_token, t.reply_secret, COALESCE(t.merged_into, 0), t.created_at`

const from = ` FROM tickets t JOIN companies c ON c.id = t.company_id
	JOIN ticket_statuses s ON s.id = t.status_id
	LEFT JOIN contacts ct ON ct.id = t.contact_id
	LEFT JOIN ticket_categories cat ON cat.id = t.category_id
	LEFT JOIN staff st ON st.id = t.assignee_id`

func scan(row interface{ Scan(...any) error }) (Ticket, error) {
	var t Ticket
	var created, updated int64
	err := row.Scan(&t.ID, &t.TenantID, &t.CompanyID, &t.CompanyName, &t.ContactID, &t.ContactName, &t.Title,
		&t.Status.ID, &t.Status.Code, &t.Status.Name, &t.Status.Kind, &t.Status.Position, &t.Status.PortalVisible,
		&t.Status.Active, &t.Priority, &t.CategoryID, &t.CategoryName, &t.Location, &t.Asset, &t.AssigneeID,
		&t.AssigneeName, &t.Billed, &t.RequestState, &t.DecisionReason, &t.Via, &t.ReplyToken, &t.ReplySecret, &t.MergedInto, &created, &updated,
		&t.StaffNews.Count, &t.StaffNews.By, &t.PortalNews.Count, &t.PortalNews.By)
	t.CreatedAt, t.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	return t, err
}

// visibleTo is the portal's rule of who sees a ticket: the active company's tickets in
// a status the tenant shows in the portal; a main contact sees all of them, a plain
// user those they opened or follow. own, when set, says how a user's rule is written:
// as a set of ids from two index lookups, the opened ones narrowed to the list's state
// (own.where, on alias o), for a user with few such tickets — a filter over the
// company's rows would walk a big company's whole list to find a busy user's few open
// ones. Without it (many such tickets, or one ticket by id) the rule is a filter, which
// finds a page quickly where the set would have to be sorted whole.
func visibleTo(p principal.Contact, own *ownSet) (string, []any) {
	where := `t.tenant_id = ? AND t.company_id = ? AND s.portal_visible`
	args := []any{p.TenantID, p.CompanyID}
	switch {
	case p.IsMain():
	case own != nil:
		where += ` AND t.id IN (SELECT o.id FROM tickets o WHERE o.tenant_id = ? AND o.company_id = ? AND o.contact_id = ?` + own.where + `
			UNION SELECT f.ticket_id FROM ticket_followers f WHERE f.contact_id = ? AND f.tenant_id = ?)`
		args = append(append(append(args, p.TenantID, p.CompanyID, p.ContactID), own.args...), p.ContactID, p.TenantID)
	default:
		where += ` AND (t.contact_id = ? OR EXISTS (SELECT 1 FROM ticket_followers f WHERE f.ticket_id = t.id AND f.contact_id = ?))`
		args = append(args, p.ContactID, p.ContactID)
	}
	return where, args
}

// manyOwn is where a user's own tickets in a list's state count as many (see
// visibleTo); a variable so that tests reach both ways with little data.
var manyOwn = 2000

// ownSet is the condition on a user's opened tickets (alias o) that keeps those a list
// can show: its state's statuses. The index tickets_contact holds status_id, so
// counting and collecting them reads no table rows.
type ownSet struct {
	where string
	args  []any
}

// ownFor returns the set of the user's own tickets for f's state, or nil when they
// opened manyOwn or more of those in the company (counting at most that many index
// entries).
func ownFor(ctx context.Context, q db.Querier, p principal.Contact, f Filter) (*ownSet, error) {
	own := &ownSet{}
	const kinds = ` AND o.status_id IN (SELECT os.id FROM ticket_statuses os WHERE os.tenant_id = ? AND os.kind IN `
	switch {
	case f.StatusID > 0:
		own.where, own.args = ` AND o.status_id = ?`, []any{f.StatusID}
	case f.State == "done":
		own.where, own.args = kinds+`('resolved', 'closed'))`, []any{p.TenantID}
	case f.State == "all":
	default:
		own.where, own.args = kinds+`('open', 'waiting'))`, []any{p.TenantID}
	}
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM tickets o WHERE o.tenant_id = ? AND o.company_id = ? AND o.contact_id = ?`+own.where+`
		LIMIT ?) own`, append(append([]any{p.TenantID, p.CompanyID, p.ContactID}, own.args...), manyOwn)...).Scan(&n)
	if err != nil {
		return nil, fmt.Errorf("ticket: own tickets: %w", err)
	}
	if n >= manyOwn {
		return nil, nil
	}
	return own, nil
}

// ForContact returns a ticket the contact may see; any other id is db.ErrNotFound.
func ForContact(ctx context.Context, q db.Querier, p principal.Contact, id int64) (Ticket, error) {
	if !p.Valid() {
		return Ticket{}, db.ErrNotFound
	}
	where, args := visibleTo(p, nil)
	t, err := scan(q.QueryRow(ctx, `SELECT `+contactCols+from+` WHERE `+where+` AND t.id = ?`, append(args, id)...))
	if err != nil {
		return Ticket{}, fmt.Errorf("ticket: %w", db.One(err))
	}
	return t, nil
}

// ForStaff returns a ticket of the tenant.
func ForStaff(ctx context.Context, q db.Querier, tenantID, id int64) (Ticket, error) {
	t, err := scan(q.QueryRow(ctx, `SELECT `+cols+from+` WHERE t.tenant_id = ? AND t.id = ?`, tenantID, id))
	if err != nil {
		return Ticket{}, fmt.Errorf("ticket: %w", db.One(err))
	}
	return t, nil
}

// ByReplyToken finds the ticket a reply address belongs to.
func ByReplyToken(ctx context.Context, q db.Querier, tenantID int64, token string) (Ticket, error) {
	t, err := scan(q.QueryRow(ctx, `SELECT `+cols+from+` WHERE t.tenant_id = ? AND t.reply_token = ?`, tenantID, token))
	if err != nil {
		return Ticket{}, fmt.Errorf("ticket: %w", db.One(err))
	}
	return t, nil
}

// Detail is a ticket with its conversation, history, attachments and followers.
type Detail struct {
	Ticket
	Messages  []Message
	Events    []Event
	Followers []Follower
}

// Load fills the detail of t. Internal notes, and moves into statuses hidden from the
// portal, come along only for staff.
func Load(ctx context.Context, q db.Querier, t Ticket, forStaff bool) (Detail, error) {
	d := Detail{Ticket: t}
	var err error
	if d.Messages, err = conversation(ctx, q, t.TenantID, t.ID, forStaff); err != nil {
		return d, err
	}
	if d.Events, err = history(ctx, q, t.TenantID, t.ID); err != nil {
		return d, err
	}
	if !forStaff {
		d.Events = forPortal(d.Events)
	}
	d.Followers, err = Followers(ctx, q, t.TenantID, t.ID)
	return d, err
}

// Attachment returns one file of a ticket; for contacts only files of public messages.
func AttachmentOf(ctx context.Context, q db.Querier, t Ticket, id int64, forStaff bool) (Attachment, error) {
	var a Attachment
	var at int64
	err := q.QueryRow(ctx, `SELECT a.id, COALESCE(a.message_id, 0), a.file_key, a.filename, a.content_type, a.size, a.created_at
		FROM ticket_attachments a LEFT JOIN ticket_messages m ON m.id = a.message_id
		WHERE a.tenant_id = ? AND a.ticket_id = ? AND a.id = ? AND (? OR NOT COALESCE(m.internal, FALSE))`,
		t.TenantID, t.ID, id, forStaff).Scan(&a.ID, &a.MessageID, &a.Key, &a.Filename, &a.ContentType, &a.Size, &at)
	if err != nil {
		return a, fmt.Errorf("ticket: attachment: %w", db.One(err))
	}
	a.CreatedAt = time.Unix(at, 0)
	return a, nil
}
