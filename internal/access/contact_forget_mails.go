package access

import (
	"context"
	"fmt"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/outbox"
)

// mailsNaming finds, before an erasure's transaction, the mails of no ticket that may
// name ct to someone else (outbox.NamingMails): that search reads the texts of all of
// them, which would hold SQLite's one writer for seconds in a large outbox.
// forgetContact masks what it found, with the mails of ct's tickets. A mail queued in
// between is not among them.
func (s *Service) mailsNaming(ctx context.Context, ct contact.Contact) ([]int64, error) {
	if IsDeletedEmail(ct.Email) { // forgetContact answers ErrAlreadyErased
		return nil, nil
	}
	addrs, err := formerAddresses(ctx, s.DB, ct)
	if err != nil {
		return nil, err
	}
	_, names, err := ticketsAndNames(ctx, s.DB, ct)
	if err != nil {
		return nil, err
	}
	return outbox.NamingMails(ctx, s.DB, ct.TenantID, outbox.Named{Addrs: addrs, Names: names})
}

// forgetInMailsToOthers masks ct in the outbox's copies of mails to other people
// (outbox.ForgetNamed): those of the tickets ct opened, wrote on or changed, and naming
// (mailsNaming). Mails to the person's own addresses are blanked by
// outbox.ForgetRecipient. Run it before ticket.ForgetContactName, which replaces the
// names ct's messages were written under. It returns the mails whose stored .eml
// files are to be written anew after the commit.
func forgetInMailsToOthers(ctx context.Context, tx *db.Tx, ct contact.Contact, addrs []string, naming []int64, anonAddr, anon string) ([]int64, error) {
	tickets, names, err := ticketsAndNames(ctx, tx, ct)
	if err != nil {
		return nil, err
	}
	return outbox.ForgetNamed(ctx, tx, ct.TenantID, tickets, naming, outbox.Named{Addrs: addrs, Names: names, Addr: anonAddr, Name: anon})
}

// ticketsAndNames are the tickets ct opened, wrote on or changed, and the names ct goes
// by: the one they have and those their messages and history entries were written
// under (a name changed since). Every lookup goes by an index on the contact.
func ticketsAndNames(ctx context.Context, q db.Querier, ct contact.Contact) ([]int64, []string, error) {
	var tickets []int64
	seen := map[int64]bool{}
	names := []string{ct.Name()}
	for _, s := range []struct {
		sql  string
		args []any
	}{
		{`SELECT ticket_id, author FROM ticket_messages WHERE contact_id = ? AND tenant_id = ?`, []any{ct.ID, ct.TenantID}},
		{`SELECT ticket_id, actor FROM ticket_events WHERE contact_id = ? AND tenant_id = ?`, []any{ct.ID, ct.TenantID}},
		// Tickets staff opened on the person's behalf carry no message or entry of theirs.
		{`SELECT id, '' FROM tickets WHERE tenant_id = ? AND contact_id = ? AND company_id IN (
			SELECT company_id FROM memberships WHERE contact_id = ? AND tenant_id = ?)`, []any{ct.TenantID, ct.ID, ct.ID, ct.TenantID}},
	} {
		rows, err := q.Query(ctx, s.sql, s.args...)
		if err != nil {
			return nil, nil, fmt.Errorf("access: tickets of contact: %w", err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, nil, fmt.Errorf("access: tickets of contact: %w", err)
			}
			if !seen[id] {
				seen[id] = true
				tickets = append(tickets, id)
			}
			names = append(names, name) // outbox drops repeats and empty ones
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, fmt.Errorf("access: tickets of contact: %w", err)
		}
	}
	return tickets, names, nil
}
