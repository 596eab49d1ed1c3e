package server_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// BenchmarkPortalHomeTickets is BenchmarkPortalHome for a main contact whose company
// has open tickets (eight, three of them answered by staff), so the home page's
// "Your tickets" panel has rows to show.
func BenchmarkPortalHomeTickets(b *testing.B) {
	for _, e := range testutil.Engines(b) {
		env := apptest.Start(b, e)
		ten := env.Tenant("Demo Service GmbH")
		co := env.Company(ten, "Müller Haustechnik GmbH")
		anna := env.Contact(ten, "anna@mueller.test", "bench-password", "main", co)
		agent := env.Staff(ten, "agent", "agent@demo.test", "bench-agent-password")
		ctx, at := context.Background(), time.Now().Add(-time.Hour)
		for i := range 8 {
			err := env.DB.InTx(ctx, func(tx *db.Tx) error {
				id, err := ticket.Create(ctx, tx, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: anna.ID,
					Author: "Anna", Title: fmt.Sprintf("Drucker %d druckt nicht", i), Body: "Bitte ansehen."}, at.Add(time.Duration(i)*time.Minute))
				if err != nil || i%3 != 0 {
					return err
				}
				t, err := ticket.ForStaff(ctx, tx, ten.ID, id)
				if err != nil {
					return err
				}
				_, err = ticket.AddReply(ctx, tx, t, ticket.Reply{TenantID: ten.ID, TicketID: id, StaffID: agent.ID, Author: "Agent",
					Body: "Wir sehen nach.", Via: "staff"}, at.Add(time.Duration(i)*time.Minute+time.Second))
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		benchHome(b, env, e, "anna@mueller.test", "bench-password")
	}
}
