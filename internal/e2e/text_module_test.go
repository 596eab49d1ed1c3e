package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
	"pforte/internal/textmodule"
	"pforte/internal/ticket"
)

// TestTextModuleAtCursor: on the back office's ticket page, choosing a text module
// inserts nothing by itself (keyboard users arrow through the choices); "Insert" puts
// it, filled in for the ticket, on its own line where the cursor is in the reply
// (htmx fetches it, app.js inserts it) instead of sending the form.
func TestTextModuleAtCursor(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		id, ms, ct, s := moduleDesk(t, e, textmodule.Module{Name: "Neustart",
			Body: "Bitte starten Sie das Gerät zu {{ticket}} neu, {{first_name}}."})
		m := ms[0]
		s.open("/admin/tickets/"+strconv.FormatInt(id, 10), "#f-module")
		s.do("type", chromedp.SendKeys(css("#f-body"), "Guten Tag,\n\nViele Grüße"))
		// The cursor goes after the greeting's blank line, then the module is chosen:
		// nothing happens until "Insert".
		s.eval(`(() => { const ta = document.getElementById('f-body'); const i = ta.value.indexOf('Viele');
			ta.setSelectionRange(i, i); const sel = document.getElementById('f-module');
			sel.value = '` + strconv.FormatInt(m.ID, 10) + `'; sel.dispatchEvent(new Event('change', {bubbles: true})); return ""; })()`)
		time.Sleep(300 * time.Millisecond)
		if got := s.eval(`document.getElementById('f-body').value`); got != "Guten Tag,\n\nViele Grüße" {
			s.fatalf("choosing a module changed the reply: %q", got)
		}
		s.do("insert", chromedp.Click(css(`button[formaction$="/text-modules"]`)))
		want := "Guten Tag,\n\nBitte starten Sie das Gerät zu #" + strconv.FormatInt(id, 10) + " neu, " + ct.FirstName + ".\nViele Grüße"
		var got string
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if got = s.eval(`document.getElementById('f-body').value`); got == want {
				break
			}
		}
		if got != want {
			s.fatalf("reply text after choosing the module:\n got %q\nwant %q", got, want)
		}
		if v := s.eval(`document.getElementById('f-module').value`); v != "" {
			s.fatalf("the select keeps %q after inserting", v)
		}
		if !strings.Contains(s.eval(`document.activeElement.id`), "f-body") {
			s.fatalf("the reply field does not have the focus after inserting")
		}
	})
}

// moduleDesk starts a tenant with an admin signed in (the returned session), a main
// contact's ticket (its id) and the active text modules given, saved in order.
func moduleDesk(t *testing.T, e db.Engine, modules ...textmodule.Module) (int64, []textmodule.Module, contact.Contact, *session) {
	t.Helper()
	env := apptest.Start(t, e)
	browser := startBrowser(t)
	ctx := context.Background()
	ten := env.Tenant("Service GmbH")
	co := env.Company(ten, companyName)
	ct := env.Contact(ten, contactEmail, contactPass, "main", co)
	env.Staff(ten, staff.RoleAdmin, adminEmail, adminPassword)
	var saved []textmodule.Module
	for _, m := range modules {
		m.TenantID, m.Active = ten.ID, true
		m, err := textmodule.Save(ctx, env.DB, m, i18n.Languages, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		saved = append(saved, m)
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
	return id, saved, ct, s
}
