package demo

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/ticket"
)

// demoTicket is one ticket of the demo: who opened it in which company, the staff
// answer (and an internal note) and where it stands.
type demoTicket struct {
	email, title, body string
	company, priority  int
	category           string
	reply, note        string
	status             string // a built-in status code; "" leaves it new
	billed             bool
	daysAgo            int    // business days of the demo's calendar (sla.go)
	rating, comment    string // the opener's rating once it is done (ratings.go)
}

var demoCategories = []string{"Hardware", "Software", "Netzwerk", "Rechnung"}

// demoTickets are listed oldest first, the order loadTickets creates them in, so the
// ticket numbers follow the dates ("oldest first" sorts by number).
var demoTickets = []demoTicket{
	{email: "anna@mueller-haustechnik.de", company: 0, priority: ticket.PriorityNormal, category: "Rechnung", daysAgo: 45,
		title: "Einrichtung Besprechungsraum", body: "Bitte Bildschirm und Konferenzkamera im Besprechungsraum anschließen.",
		reply: "Erledigt, die Arbeitszeit wurde mit der Monatsrechnung abgerechnet.", status: ticket.CodeClosed, billed: true,
		rating: ticket.RatingGood, comment: "Schnell und sauber erledigt, danke!"},
	{email: "anna@mueller-haustechnik.de", company: 0, priority: ticket.PriorityLow, category: "Software", daysAgo: 4,
		title: "Neuer Arbeitsplatz für Auszubildende", body: "Zum 1. des Monats beginnt eine Auszubildende. Bitte Laptop und Zugänge vorbereiten.",
		reply: "Laptop ist eingerichtet und liegt bereit, die Zugangsdaten kommen per Post.", status: ticket.CodeResolved},
	{email: "anna@mueller-haustechnik.de", company: 0, priority: ticket.PriorityNormal, category: "Hardware", daysAgo: 2,
		title: "Drucker im Büro druckt nur leere Seiten", body: "Seit gestern kommen aus dem Drucker im 1. OG nur leere Blätter. Toner ist laut Anzeige voll.",
		reply: "Bitte nehmen Sie die Tonerkartusche einmal heraus und entfernen Sie die Schutzfolie. Hilft das?", status: ticket.CodeWaiting},
	{email: "jonas@mueller-haustechnik.de", company: 0, priority: ticket.PriorityHigh, category: "Netzwerk", daysAgo: 1,
		title: "VPN connection drops every hour", body: "When working from home, the VPN disconnects roughly every 60 minutes and I have to log in again.",
		note: "Probably the idle timeout on the firewall — check the profile before answering."},
	{email: "ursula@baeckerei-schneider.de", company: 1, priority: ticket.PriorityUrgent, category: "Software", daysAgo: 0,
		title: "Kassensystem startet nicht", body: "Die Kasse in der Filiale Marktplatz bleibt beim Start hängen. Wir können nur bar und ohne Bon verkaufen.",
		reply: "Ein Techniker ist unterwegs und in etwa einer Stunde bei Ihnen.", status: ticket.CodeProgress},
}

// loadTickets gives the demo tenant categories and a few tickets in different states,
// so the helpdesk shows something on first start.
func loadTickets(ctx context.Context, tx db.Querier, tenantID int64, companyIDs []int64, now time.Time) error {
	cats := map[string]int64{}
	for i, name := range demoCategories {
		id, err := ticket.SaveCategory(ctx, tx, tenantID, ticket.Category{Name: name, Position: i + 1, Active: true})
		if err != nil {
			return err
		}
		if err := ticket.SaveNames(ctx, tx, tenantID, ticket.NameCategory, id, demoCategoryNames[name]); err != nil {
			return err
		}
		cats[name] = id
	}
	var staffID int64
	var staffName string
	if err := tx.QueryRow(ctx, `SELECT id, name FROM staff WHERE tenant_id = ? AND role = 'agent' ORDER BY id LIMIT 1`,
		tenantID).Scan(&staffID, &staffName); err != nil {
		return fmt.Errorf("demo: agent: %w", err)
	}
	staffActor := ticket.Actor{StaffID: staffID, Name: staffName}
	// Created in the order they were opened: numbers are handed out in creation order
	// and the lists' "oldest/newest first" sort by number.
	order := slices.Clone(demoTickets)
	slices.SortStableFunc(order, func(a, b demoTicket) int { return cmp.Compare(b.daysAgo, a.daysAgo) })
	// Ages count in business hours, as the targets do, so the due times read the same
	// on any day: a ticket "a day old" loaded on Monday morning was opened on Friday.
	// Three more hours leave room for the answer and the status change after it.
	hours := demoHours(now)
	for _, dt := range order {
		ct, err := contact.ByEmail(ctx, tx, tenantID, dt.email)
		if err != nil {
			return fmt.Errorf("demo: ticket contact %s: %w", dt.email, err)
		}
		at := hours.Add(now, -time.Duration(dt.daysAgo*9+3)*time.Hour)
		id, err := ticket.Create(ctx, tx, ticket.New{TenantID: tenantID, CompanyID: companyIDs[dt.company], ContactID: ct.ID,
			Author: ct.Name(), Title: dt.title, Body: dt.body, CategoryID: cats[dt.category], Priority: dt.priority}, at)
		if err != nil {
			return err
		}
		if err := demoTicketAnswer(ctx, tx, tenantID, id, dt, staffActor, at.Add(2*time.Hour)); err != nil {
			return err
		}
		if err := demoRating(ctx, tx, tenantID, id, dt, now.Add(-72*time.Hour)); err != nil { // rated lately: the dashboard counts 30 days
			return err
		}
	}
	return nil
}

// demoTicketAnswer adds staff's note, reply, status and billing to a demo ticket.
func demoTicketAnswer(ctx context.Context, tx db.Querier, tenantID, id int64, dt demoTicket, by ticket.Actor, at time.Time) error {
	load := func() (ticket.Ticket, error) { return ticket.ForStaff(ctx, tx, tenantID, id) }
	t, err := load()
	if err != nil {
		return err
	}
	if dt.status != "" {
		if err := ticket.Decide(ctx, tx, t, true, "", by, at); err != nil {
			return err
		}
	}
	for _, m := range []ticket.Reply{{Internal: true, Body: dt.note}, {Body: dt.reply}} {
		if m.Body == "" {
			continue
		}
		m.StaffID, m.Author, m.Via = by.StaffID, by.Name, "staff"
		if t, err = load(); err != nil {
			return err
		}
		if _, err := ticket.AddReply(ctx, tx, t, m, at); err != nil {
			return err
		}
	}
	if dt.status != "" && dt.status != ticket.CodeAccepted {
		st, err := ticket.StatusByCode(ctx, tx, tenantID, dt.status)
		if err != nil {
			return err
		}
		if t, err = load(); err != nil {
			return err
		}
		if _, err := ticket.SetStatus(ctx, tx, t, st.ID, by, at.Add(time.Hour)); err != nil {
			return err
		}
	}
	if dt.billed {
		if t, err = load(); err != nil {
			return err
		}
		return ticket.SetBilled(ctx, tx, t, true, by, at.Add(2*time.Hour))
	}
	return nil
}
