package access

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/ticket"
)

// forgetMovedNotes rewrites the notes of tickets moved away from the contact: the
// moved event keeps "company · name" of the opener before, and only the audit entry
// of the move (read by the index on tenant_id and action) names that opener by id.
func forgetMovedNotes(ctx context.Context, tx *db.Tx, tenantID, contactID int64, name string) error {
	rows, err := tx.Query(ctx, `SELECT target, at FROM audit_log WHERE tenant_id = ? AND action = ? AND target LIKE ?`,
		tenantID, audit.TicketMoved, "% · contact:"+strconv.FormatInt(contactID, 10)+" → %")
	if err != nil {
		return fmt.Errorf("access: moves from contact: %w", err)
	}
	type move struct {
		ticketID int64
		at       int64
	}
	var moves []move
	for rows.Next() {
		var target string
		var at int64
		if err := rows.Scan(&target, &at); err != nil {
			rows.Close()
			return fmt.Errorf("access: moves from contact: %w", err)
		}
		num, _, _ := strings.Cut(strings.TrimPrefix(target, "#"), " ")
		if id, err := strconv.ParseInt(num, 10, 64); err == nil {
			moves = append(moves, move{id, at})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("access: moves from contact: %w", err)
	}
	for _, m := range moves {
		if err := ticket.ForgetMovedNote(ctx, tx, tenantID, m.ticketID, time.Unix(m.at, 0), name); err != nil {
			return err
		}
	}
	return nil
}
