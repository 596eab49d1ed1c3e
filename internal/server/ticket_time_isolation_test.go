package server_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"pforte/internal/ticket"
)

// ticketTimeAdminForeign are the time accounting routes with tenant B's ticket (its
// page's path, ticketPage) and a time entry logged on it.
func ticketTimeAdminForeign(t *testing.T, w *world, tenantB int64, ticketPage string) map[string]string {
	t.Helper()
	ctx := context.Background()
	tid, err := strconv.ParseInt(ticketPage[strings.LastIndex(ticketPage, "/")+1:], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := ticket.ForStaff(ctx, w.env.DB, tenantB, tid)
	if err != nil {
		t.Fatal(err)
	}
	entry, err := ticket.AddTime(ctx, w.env.DB, tk, 1, ticket.TimeInput{Date: "2026-11-02", Minutes: 30, Note: "carol@b1.test work"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	e := ticketPage + "/time/" + id(entry)
	return map[string]string{
		"POST /admin/tickets/{id}/time":                ticketPage + "/time",
		"GET /admin/tickets/{id}/time/{entry}":         e,
		"POST /admin/tickets/{id}/time/{entry}":        e,
		"POST /admin/tickets/{id}/time/{entry}/delete": e + "/delete",
	}
}
