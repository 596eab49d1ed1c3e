package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestArchivedCompanyAccessPaused: once Alpha is archived, its contacts' access reads
// "Paused (company archived)" on the company page and in the contact list, never a
// green "Active"; their other companies still read "Active". Revoking there asks a
// question that says the access is paused and would not come back with a restore.
func TestArchivedCompanyAccessPaused(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w, _ := newArchiveWorld(t, e)
		if page := w.staff.Get(w.path).Body; !strings.Contains(page, `<span class="badge ok">Aktiv</span>`) ||
			strings.Contains(page, "Pausiert") {
			t.Fatal("before archiving: no active access shown")
		}
		follow(t, w.staff, w.path+"/archive", nil)
		page := w.staff.Get(w.path).Body
		members := page[strings.Index(page, `<table class="list cards-sm members">`):]
		if strings.Contains(members, `badge ok`) || !strings.Contains(members, `<span class="badge muted">Pausiert (Firma archiviert)</span>`) {
			t.Errorf("archived company's members still active:\n%.1500s", members)
		}
		if !regexp.MustCompile(`/revoke" data-confirm="Die Firma ist archiviert`).MatchString(members) {
			t.Error("revoke on a paused row does not explain itself")
		}
		list := w.staff.Get("/admin/contacts").Body
		if !strings.Contains(list, `Alpha GmbH <span class="badge muted">Pausiert (Firma archiviert)</span>`) ||
			!strings.Contains(list, `Beta AG <span class="badge ok">Aktiv</span>`) {
			t.Errorf("contact list:\n%s", list[strings.Index(list, "<tbody>"):])
		}
	})
}

// TestCompanyMemberButtons: on the company page "Change role" looks the same on an
// active and an invited row (a secondary button beside the role select), and an
// invitation's resend is a button of its own that keeps the role, so the select
// plainly belongs to one action.
func TestCompanyMemberButtons(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		ina := d.env.Contact(d.t, "ina@alpha.test", "", "user", d.a)
		ms, _ := contact.MembershipsOfContact(context.Background(), d.env.DB, d.t.ID, ina.ID)
		mid := id(ms[0].ID)
		if r := staff.Post("/admin/memberships/"+mid+"/grant", url.Values{"role": {"main"}}); r.Status != 303 {
			t.Fatalf("invite: %d", r.Status)
		}
		page := staff.Get("/admin/companies/" + id(d.a.ID)).Body
		change := regexp.MustCompile(`<button class="([^"]*)" type="submit">Rolle ändern</button>`).FindAllStringSubmatch(page, -1)
		if len(change) < 2 {
			t.Fatalf("change-role buttons: %v", change)
		}
		for _, c := range change {
			if c[1] != "btn small" {
				t.Errorf("change role styled %q", c[1])
			}
		}
		roleForm := regexp.MustCompile(`(?s)<form class="inline" method="post" action="/admin/memberships/` + mid + `/role">.*?</form>`).FindString(page)
		if !strings.Contains(roleForm, `<option value="main" selected>`) || strings.Contains(roleForm, "Einladung erneut senden") {
			t.Errorf("invited row's role form: %s", roleForm)
		}
		resend := regexp.MustCompile(`(?s)<form class="inline" method="post" action="/admin/memberships/` + mid + `/grant">.*?</form>`).FindString(page)
		if !strings.Contains(resend, `<input type="hidden" name="role" value="main">`) ||
			!strings.Contains(resend, `<button class="btn small primary" type="submit">Einladung erneut senden</button>`) {
			t.Errorf("invited row's resend form: %s", resend)
		}
	})
}

// TestStaffListWrapping: the staff list never splits a role inside the word
// ("Administra-tor") and lets an address wrap only after its @ and before its dots.
func TestStaffListWrapping(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		d := newDesk(t, e)
		staff := d.env.Client("desk.test")
		staff.AdminLogin("agent@desk.test", "agent-password")
		page := staff.Get("/admin/staff").Body
		if !strings.Contains(page, `<td class="nowrap" data-label="Rolle">Administrator</td>`) {
			t.Error("role cell may break inside the word")
		}
		if !strings.Contains(page, `<td class="addr" data-label="E-Mail-Adresse">agent@<wbr>desk<wbr>.test</td>`) {
			t.Errorf("address without its break chances: %q", page[max(0, strings.Index(page, `class="addr"`)):][:120])
		}
	})
}
