package kb_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/tenant"
)

// fixture is a tenant with two companies and a small knowledge base in German and
// English, plus a second tenant with an article of its own.
type fixture struct {
	d          *db.DB
	t, other   tenant.Tenant
	a, b       company.Company
	cat        kb.Category
	ids        map[string]int64 // slug → article id
	otherID    int64            // the other tenant's article
	restricted int64            // chosen for company a only
}

type seedArticle struct {
	slug, status, visibility string
	texts                    map[string][2]string // language → title, body
}

var corpus = []seedArticle{
	{"drucker-einrichten", kb.StatusPublished, kb.VisibilityPublic, map[string][2]string{
		"de": {"Drucker einrichten unter Windows 11", "So richten Sie den **Netzwerkdrucker** ein: Öffnen Sie *Einstellungen* → Bluetooth & Geräte.\n\nBei Fragen: support@demo-service.de oder über das E-Mail-Postfach."},
		"en": {"Set up a printer on Windows 11", "Open *Settings* → Bluetooth & devices and add the network printer."},
	}},
	{"vpn-verbindung", kb.StatusPublished, kb.VisibilityCustomers, map[string][2]string{
		"de": {"VPN-Verbindung herstellen", "Laden Sie den WireGuard-Client (Version 1.0.5) herunter und importieren Sie `wg0.conf`.\n\n```\n[Interface]\nAddress = 10.8.0.2/24\n```"},
	}},
	{"passwort-zuruecksetzen", kb.StatusPublished, kb.VisibilityPublic, map[string][2]string{
		"de": {"Passwort zurücksetzen", "Klicken Sie auf „Passwort vergessen“. Die Adresse: Musterstraße 5, ÄÖÜ-Test."},
		"en": {"Reset your password", "Click “Forgot password” on the login page."},
	}},
	{"rechnungen-pdf", kb.StatusPublished, kb.VisibilityCustomers, map[string][2]string{
		"en": {"Download invoices as PDF", "Every invoice (Rechnung) can be downloaded as a PDF file."},
	}},
	{"sonderkonditionen", kb.StatusPublished, kb.VisibilityCompanies, map[string][2]string{
		"de": {"Sonderkonditionen im Wartungsvertrag", "Nur für ausgewählte Kunden: Reaktionszeit 4 Stunden."},
	}},
	{"drucker-entwurf", kb.StatusDraft, kb.VisibilityPublic, map[string][2]string{
		"de": {"Drucker Entwurf", "Noch nicht fertig: Drucker und Toner."},
	}},
}

func newFixture(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx, now := context.Background(), time.Now()
	f := &fixture{d: d, ids: map[string]int64{}}
	var err error
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f.t, err = tenant.Create(ctx, d, "Service GmbH", "de", tenant.Modules, now)
	must(err)
	f.other, err = tenant.Create(ctx, d, "Fremd GmbH", "de", tenant.Modules, now)
	must(err)
	f.a, err = company.Create(ctx, d, company.Company{TenantID: f.t.ID, Name: "Kunde A"}, now)
	must(err)
	f.b, err = company.Create(ctx, d, company.Company{TenantID: f.t.ID, Name: "Kunde B"}, now)
	must(err)
	f.cat, err = kb.CreateCategory(ctx, d, kb.Category{TenantID: f.t.ID, Name: "Erste Schritte", Position: 1}, now)
	must(err)
	for _, s := range corpus {
		var id int64
		for _, lang := range []string{"de", "en"} {
			tx, ok := s.texts[lang]
			if !ok {
				continue
			}
			tr := kb.Translation{Language: lang, Title: tx[0], Body: tx[1]}
			if id == 0 {
				id, err = kb.Create(ctx, d, f.t.ID, 0, kb.Meta{CategoryID: f.cat.ID, Slug: s.slug, Status: s.status,
					Visibility: s.visibility}, tr, now)
			} else {
				err = kb.SaveTranslation(ctx, d, f.t.ID, id, tr, now)
			}
			must(err)
		}
		f.ids[s.slug] = id
	}
	f.restricted = f.ids["sonderkonditionen"]
	must(kb.AddCompany(ctx, d, f.t.ID, f.restricted, f.a.ID))
	f.otherID, err = kb.Create(ctx, d, f.other.ID, 0, kb.Meta{Slug: "drucker-fremd", Status: kb.StatusPublished,
		Visibility: kb.VisibilityPublic}, kb.Translation{Language: "de", Title: "Drucker beim Fremden", Body: "Drucker"}, now)
	must(err)
	return f
}

// viewer is a contact of company c (nil: a visitor) reading in lang.
func (f *fixture) viewer(c *company.Company, lang string) kb.Viewer {
	v := kb.Viewer{TenantID: f.t.ID, Lang: lang, Fallback: f.t.DefaultLanguage}
	if c != nil {
		v.CompanyID = c.ID
	}
	return v
}

func (f *fixture) now() time.Time { return time.Now() }
