package ticket

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
	"pforte/internal/principal"
)

// News is what can make a ticket new for a reader: how many messages it has had since
// read marks exist (migration 00043; older ones count as read by everyone) and who
// wrote the newest — a staff id in a ticket's StaffNews, a contact id in its
// PortalNews, 0 for the other kind of author.
type News struct {
	Count int64
	By    int64
}

// For reports whether the news are new for reader, who had seen seen of them (0: never
// opened the ticket): messages came since, and the newest is not the reader's own (who
// writes has read what they answer).
func (n News) For(reader, seen int64) bool { return n.Count > seen && n.By != reader }

// Possible reports whether the news can be new for reader at all, before their mark is
// looked up: lists ask for the marks of those tickets only.
func (n News) Possible(reader int64) bool { return n.Count > 0 && n.By != reader }

// newsOf is how message m counts as news (addMessage): every message for staff, a
// public one for contacts too, each remembering its author. Staff write the first
// message of a ticket they open for a customer, so that one is staff's even though it
// names the customer. Counting in the statement that touches the ticket (and locks its
// row) keeps two messages written at once from counting as one.
func newsOf(m Reply) (string, []any) {
	set := `news = COALESCE(news, 0) + 1, news_staff_id = ?`
	args := []any{nullID(m.StaffID)}
	if !m.Internal {
		author := m.ContactID
		if m.StaffID > 0 {
			author = 0
		}
		set += `, portal_news = COALESCE(portal_news, 0) + 1, portal_news_contact_id = ?`
		args = append(args, nullID(author))
	}
	return set, args
}

// MarkReadByStaff remembers that the staff member has read t: every message t counted
// when it was loaded, which the page showing it loads afterwards (so a message that
// arrives meanwhile stays new). It writes only when there is something new to mark.
func MarkReadByStaff(ctx context.Context, q db.Querier, t Ticket, staffID int64, now time.Time) error {
	return markRead(ctx, q, "ticket_staff_reads", "staff_id", t.TenantID, t.ID, staffID, t.StaffNews.Count, now)
}

// MarkReadByContact remembers that the contact has read t (its public messages), as
// MarkReadByStaff does for staff. A staff preview of the portal must not call it.
func MarkReadByContact(ctx context.Context, q db.Querier, t Ticket, p principal.Contact, now time.Time) error {
	if !p.Valid() || p.TenantID != t.TenantID || p.CompanyID != t.CompanyID {
		return fmt.Errorf("ticket: read mark of another company: %w", db.ErrNotFound)
	}
	return markRead(ctx, q, "ticket_contact_reads", "contact_id", t.TenantID, t.ID, p.ContactID, t.PortalNews.Count, now)
}

// markRead raises reader's mark on a ticket to seen. The mark is read first: opening a
// ticket that has nothing new (most views) costs one index lookup and no write.
func markRead(ctx context.Context, q db.Querier, table, readerCol string, tenantID, ticketID, reader, seen int64, now time.Time) error {
	if seen == 0 || reader == 0 {
		return nil // nothing counted since read marks exist
	}
	marks, err := seenBy(ctx, q, table, readerCol, tenantID, reader, []int64{ticketID})
	if err != nil || marks[ticketID] >= seen {
		return err
	}
	return upsertRead(ctx, q, table, readerCol, tenantID, ticketID, reader, seen, now)
}

// upsertRead stores reader's mark; a lower count never replaces a higher one (a page
// loaded earlier that finishes later).
func upsertRead(ctx context.Context, q db.Querier, table, readerCol string, tenantID, ticketID, reader, seen int64, now time.Time) error {
	_, err := q.Exec(ctx, `INSERT INTO `+table+` (`+readerCol+`, ticket_id, tenant_id, seen, read_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (`+readerCol+`, ticket_id) DO UPDATE SET seen = excluded.seen, read_at = excluded.read_at
		WHERE `+table+`.seen < excluded.seen`, reader, ticketID, tenantID, seen, now.Unix())
	if err != nil {
		return fmt.Errorf("ticket: read mark: %w", err)
	}
	return nil
}

// seenBy returns reader's marks on the tickets ids (a missing id: never opened) in one
// lookup of the table's primary key.
func seenBy(ctx context.Context, q db.Querier, table, readerCol string, tenantID, reader int64, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, 0, len(ids)+2)
	args = append(args, reader, tenantID)
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := q.Query(ctx, `SELECT ticket_id, seen FROM `+table+` WHERE `+readerCol+` = ? AND tenant_id = ?
		AND ticket_id IN (`+db.Marks(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("ticket: read marks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, seen int64
		if err := rows.Scan(&id, &seen); err != nil {
			return nil, fmt.Errorf("ticket: read marks: %w", err)
		}
		out[id] = seen
	}
	return out, rows.Err()
}
