// Package demo fills an empty installation with a demo tenant, so a newcomer can click
// through the portal and the back office at once. The logins are printed and listed in
// the README.
package demo

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"pforte/internal/auth"
	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
)

// Login is one printed demo account.
type Login struct {
	Where    string // "back office" or "portal"
	Email    string
	Password string
	Note     string
}

// Passwords of the demo accounts. They are public on purpose: demo data is for trying
// Pforte out, never for production.
const (
	AdminPassword   = "demo-admin-2026"
	AgentPassword   = "demo-agent-2026"
	ContactPassword = "demo-kunde-2026"
)

type demoContact struct {
	first, last, email, phone, lang string
	roles                           map[int]string // company index → role
	access                          string         // active, invited or none
}

var companies = []company.Company{
	{Name: "Müller Haustechnik GmbH", CustomerNumber: "K-10001", EmailDomains: "mueller-haustechnik.de",
		Street: "Industriestraße 12", PostalCode: "70565", City: "Stuttgart", Country: "Deutschland", ExternalID: "ERP-10001"},
	{Name: "Bäckerei Schneider KG", CustomerNumber: "K-10002", EmailDomains: "baeckerei-schneider.de",
		Street: "Marktplatz 3", PostalCode: "72070", City: "Tübingen", Country: "Deutschland", ExternalID: "ERP-10002"},
	{Name: "Kanzlei Weber & Partner", CustomerNumber: "K-10003", EmailDomains: "weber-partner.de, kanzlei-weber.de",
		Street: "Königstraße 40", PostalCode: "70173", City: "Stuttgart", Country: "Deutschland"},
	{Name: "Alpen Logistik AG", CustomerNumber: "K-10004", EmailDomains: "alpen-logistik.ch",
		Street: "Bahnhofstrasse 7", PostalCode: "8001", City: "Zürich", Country: "Schweiz"},
}

var contacts = []demoContact{
	{"Anna", "Müller", "anna@mueller-haustechnik.de", "+49 711 100100", "de", map[int]string{0: "main"}, "active"},
	{"Thomas", "Schmidt", "thomas@mueller-haustechnik.de", "+49 711 100101", "", map[int]string{0: "user", 1: "main"}, "active"},
	{"Jonas", "Wagner", "jonas@mueller-haustechnik.de", "+49 711 100102", "en", map[int]string{0: "user"}, "active"},
	{"Petra", "Klein", "petra@mueller-haustechnik.de", "", "", map[int]string{0: "user"}, "invited"},
	{"Ursula", "Schneider", "ursula@baeckerei-schneider.de", "+49 7071 2020", "de", map[int]string{1: "main"}, "active"},
	{"Felix", "Weber", "felix@weber-partner.de", "+49 711 303030", "", map[int]string{2: "main"}, "active"},
	{"Sara", "Keller", "sara@alpen-logistik.ch", "+41 44 404040", "", map[int]string{3: "user"}, "none"},
}

// ErrNotEmpty means the installation already has its default tenant.
var ErrNotEmpty = errors.New("demo: the database is not empty")

// Load creates the demo tenant with staff, companies and contacts in one transaction.
// It returns the logins to print.
func Load(ctx context.Context, d *db.DB, now time.Time) ([]Login, error) {
	hashes := map[string]string{}
	for _, pw := range []string{AdminPassword, AgentPassword, ContactPassword} {
		h, err := auth.HashPassword(pw)
		if err != nil {
			return nil, err
		}
		hashes[pw] = h
	}
	logins := []Login{
		{"back office", "admin@demo-service.de", AdminPassword, "admin"},
		{"back office", "agent@demo-service.de", AgentPassword, "agent"},
	}
	err := d.InTx(ctx, func(tx *db.Tx) error {
		t, err := tenant.CreateDefault(ctx, tx, "Demo Service GmbH", "de", tenant.Available, now)
		if errors.Is(err, tenant.ErrDefaultExists) {
			return ErrNotEmpty
		}
		if err != nil {
			return err
		}
		if err := tenant.SetFeatures(ctx, tx, t.ID, tenant.Features); err != nil {
			return err
		}
		if err := askRatings(ctx, tx, t.ID); err != nil {
			return err
		}
		var agent staff.Member
		for i, role := range []string{staff.RoleAdmin, staff.RoleAgent} {
			name := []string{"Alex Admin", "Erika Agentin"}[i]
			if agent, err = staff.Create(ctx, tx, staff.Member{TenantID: t.ID, Email: logins[i].Email, Name: name,
				Role: role, PasswordHash: hashes[logins[i].Password]}, now); err != nil {
				return err
			}
		}
		ids := make([]int64, len(companies))
		for i, c := range companies {
			c.TenantID = t.ID
			if c, err = company.Create(ctx, tx, c, now); err != nil {
				return fmt.Errorf("demo: company %s: %w", c.Name, err)
			}
			ids[i] = c.ID
		}
		// How customers reach support besides the portal (home page); the hours also in
		// English, for the English-speaking demo contact.
		if err := tenant.SetBranding(ctx, tx, t.ID, tenant.Branding{Support: tenant.SupportContact{Phone: "+49 711 123456-0",
			Email: "support@demo-service.de", Hours: "Mo–Fr 8:00–17:00 Uhr\nNotfälle rund um die Uhr: +49 711 123456-99"},
			Texts: map[string]tenant.BrandText{"en": {Hours: "Mon–Fri 8 am–5 pm\nEmergencies around the clock: +49 711 123456-99"}}}); err != nil {
			return err
		}
		// Staff's internal note on the first customer, shown beside its tickets.
		if err := company.SetNote(ctx, tx, t.ID, ids[0], agent.ID, "Wartungsvertrag Gold: Antwort binnen 4 Stunden.\n"+
			"Vor Einsätzen vor Ort bitte Herrn Schmidt anrufen (Schlüssel beim Empfang).", now); err != nil {
			return err
		}
		for _, dc := range contacts {
			ct := contact.Contact{TenantID: t.ID, FirstName: dc.first, LastName: dc.last, Email: dc.email,
				Phone: dc.phone, Language: dc.lang}
			if dc.access == contact.AccessActive {
				ct.PasswordHash = hashes[ContactPassword]
			}
			if ct, err = contact.Create(ctx, tx, ct, i18n.Languages, now); err != nil {
				return fmt.Errorf("demo: contact %s: %w", dc.email, err)
			}
			for _, ci := range slices.Sorted(maps.Keys(dc.roles)) {
				mid, err := contact.AddMembership(ctx, tx, t.ID, ct.ID, ids[ci], dc.roles[ci], now)
				if err != nil {
					return err
				}
				if err := contact.SetAccess(ctx, tx, t.ID, mid, "", dc.access, now); err != nil {
					return err
				}
			}
			if dc.access == contact.AccessActive {
				logins = append(logins, Login{"portal", dc.email, ContactPassword, note(dc)})
			}
		}
		if err := loadInbound(ctx, tx, t.ID, now); err != nil {
			return err
		}
		if err := loadSLA(ctx, tx, t.ID, now); err != nil { // before the tickets, which take their due times from it
			return err
		}
		if err := loadAutomation(ctx, tx, t.ID); err != nil {
			return err
		}
		if err := loadTickets(ctx, tx, t.ID, ids, now); err != nil {
			return err
		}
		if err := loadTextModules(ctx, tx, t.ID, now); err != nil {
			return err
		}
		return loadKB(ctx, tx, t.ID, ids, now)
	})
	return logins, err
}

func note(dc demoContact) string {
	s := ""
	for _, ci := range slices.Sorted(maps.Keys(dc.roles)) {
		if s != "" {
			s += "; "
		}
		s += dc.roles[ci] + " @ " + companies[ci].Name
	}
	return s
}
