package ticket

import (
	"context"
	"fmt"
	"strings"

	"pforte/internal/db"
	"pforte/internal/words"
)

// markMatches sets, on a page of a list searched for words, each ticket's Match: a piece
// of its earliest message among those the conversation search found, the words marked,
// so people see why a ticket whose subject says nothing of it is listed. It reads the
// page's few found messages by id, with their files' names, which are searched too.
func markMatches(ctx context.Context, q db.Querier, ts []Ticket, f Filter) error {
	var ids []any
	for _, t := range ts {
		if id, ok := f.found.message[t.ID]; ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := q.Query(ctx, `SELECT m.ticket_id, m.body, COALESCE(a.filename, '') FROM ticket_messages m
		LEFT JOIN ticket_attachments a ON a.ticket_id = m.ticket_id AND a.message_id = m.id
		WHERE m.id IN (`+db.Marks(len(ids))+`) ORDER BY m.id, a.id`, ids...)
	if err != nil {
		return fmt.Errorf("ticket: search matches: %w", err)
	}
	defer rows.Close()
	text := map[int64]string{}
	for rows.Next() {
		var ticketID int64
		var body, file string
		if err := rows.Scan(&ticketID, &body, &file); err != nil {
			return fmt.Errorf("ticket: search matches: %w", err)
		}
		if _, ok := text[ticketID]; !ok {
			text[ticketID] = body
		}
		if file != "" {
			text[ticketID] += " 📎 " + file
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("ticket: search matches: %w", err)
	}
	for i := range ts {
		s, ok := text[ts[i].ID]
		if !ok {
			continue
		}
		// The subject is indexed with the opening message: a search the subject
		// answered marks nothing in the text, and the list shows no piece of it.
		if snip := words.Snippet(strings.Join(strings.Fields(s), " "), f.words); strings.Contains(snip, words.MarkOpen) {
			ts[i].Match = words.Mark(snip)
		}
	}
	return nil
}
