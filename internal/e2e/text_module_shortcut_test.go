package e2e

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
	"pforte/internal/ticket"
)

// TestTextModuleShortcut: on the ticket page, typing a module's shortcut on the
// focused text module select chooses that module, as the module form's hint promises,
// even when another module's name starts with the same letters.
func TestTextModuleShortcut(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, companyName)
		ct := env.Contact(ten, contactEmail, contactPass, "main", co)
		env.Staff(ten, staff.RoleAdmin, adminEmail, adminPassword)
		var want int64
		for _, m := range []textmodule.Module{
			{Name: "Drucker neu starten", Shortcut: "neustart"},
			{Name: "Netzwerk prüfen", Shortcut: "lan"},
			{Name: "Lieferzeit", Shortcut: "ware"},
		} {
			m.TenantID, m.Active, m.Body = ten.ID, true, "Text "+m.Shortcut
			saved, err := textmodule.Save(ctx, env.DB, m, i18n.Languages, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			if m.Shortcut == "lan" {
				want = saved.ID
			}
		}
		var id int64
		err := env.DB.InTx(ctx, func(tx *db.Tx) (err error) {
			id, err = ticket.Create(ctx, tx, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: ct.ID, Author: "Kunde",
				Title: "Drucker", Body: "Geht nicht", Priority: ticket.PriorityNormal}, time.Now())
			return err
		})
		if err != nil {
			t.Fatal(err)
		}

		s := newSession(t, browser, env.Srv.URL, "staff")
		staffLogin(s, adminEmail, adminPassword)
		s.open("/admin/tickets/"+strconv.FormatInt(id, 10), "#f-module")
		// "lan" by name would be "Lieferzeit" (L…); by shortcut it is "Netzwerk prüfen".
		s.do("focus", chromedp.Focus(css("#f-module")))
		s.do("type", chromedp.SendKeys(css("#f-module"), "lan"))
		var got string
		for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if got = s.eval(`document.getElementById('f-module').value`); got == strconv.FormatInt(want, 10) {
				return
			}
		}
		s.fatalf("typing the shortcut chose %q, want module %d", got, want)
	})
}
