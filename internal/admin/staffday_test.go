package admin_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/inbox"
	"pforte/internal/kb"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// TestWaitingStatusForStaff: the built-in "waiting" status is worded for the customer
// ("Wartet auf Ihre Antwort"). In the back office — queue, filter, ticket page, history —
// it reads as waiting for the customer, so staff do not take it as their turn. The
// portal keeps its wording, and a name the tenant gave the status is shown as typed.
func TestWaitingStatusForStaff(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		tk := o.ticket(t, "Drucker druckt nicht")
		o.setStatus(t, tk, ticket.CodeWaiting)
		for _, path := range []string{"/admin/tickets", "/admin/tickets/" + id(tk)} {
			r := o.agent.Get(path)
			if r.Status != 200 || !strings.Contains(r.Body, "Wartet auf Antwort des Kunden") ||
				strings.Contains(r.Body, "Wartet auf Ihre Antwort") {
				t.Errorf("%s: %d, staff wording missing or customer wording shown", path, r.Status)
			}
		}
		portal := o.env.Client("a.test")
		portal.Login("anna@kunde-a.test", "kunde-a-password")
		if r := portal.Get("/tickets/" + id(tk)); r.Status != 200 || !strings.Contains(r.Body, "Wartet auf Ihre Antwort") {
			t.Errorf("portal: %d, customer wording missing", r.Status)
		}
	})
}

var kbArticlePath = regexp.MustCompile(`^/admin/kb/articles/([0-9]+)$`)

// TestKBSlugMadeFromTitle: staff leave the address name empty, as its hint allows.
// A second article with the same title, and a second title in a script without Latin
// letters (Hebrew, Thai — both give "article"), get a free address name instead of
// "already in use" on a field nobody filled in; clearing the field on an article's
// page makes one from the title too, instead of refusing the empty field.
func TestKBSlugMadeFromTitle(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		create := func(lang, title string) string {
			t.Helper()
			r := o.agent.Post("/admin/kb", url.Values{"language": {lang}, "title": {title}, "body": {"Text"},
				"slug": {""}, "status": {kb.StatusDraft}, "visibility": {kb.VisibilityCustomers}})
			m := kbArticlePath.FindStringSubmatch(r.Location)
			if r.Status != 303 || m == nil {
				t.Fatalf("create %q: %d %.600s", title, r.Status, r.Body)
			}
			return m[1]
		}
		slugOf := func(art string) string {
			t.Helper()
			m := regexp.MustCompile(`name="slug" type="text" value="([^"]*)"`).FindStringSubmatch(o.agent.Get("/admin/kb/articles/" + art).Body)
			if m == nil {
				t.Fatalf("article %s: no slug field", art)
			}
			return m[1]
		}
		want := map[string]string{
			create("de", "Drucker einrichten"):  "drucker-einrichten",
			create("de", "Drucker einrichten"):  "drucker-einrichten-2",
			create("th", "ตั้งค่าเครื่องพิมพ์"): "article",
			create("he", "הגדרת מדפסת"):         "article-2",
			create("th", "รีเซ็ตรหัสผ่าน"):      "article-3",
		}
		for art, slug := range want {
			if got := slugOf(art); got != slug {
				t.Errorf("article %s: slug %q, want %q", art, got, slug)
			}
		}
		// The first article's field cleared: made from its title again, skipping the
		// others' names but not its own.
		first := ""
		for art, slug := range want {
			if slug == "drucker-einrichten" {
				first = art
			}
		}
		r := o.agent.Post("/admin/kb/articles/"+first, url.Values{"slug": {""}, "status": {kb.StatusDraft},
			"visibility": {kb.VisibilityCustomers}})
		if r.Status != 303 {
			t.Fatalf("save with empty slug: %d %.600s", r.Status, r.Body)
		}
		if got := slugOf(first); got != "drucker-einrichten" {
			t.Errorf("cleared slug became %q", got)
		}
		// A slug staff type themselves is still refused when taken.
		r = o.agent.Post("/admin/kb/articles/"+first, url.Values{"slug": {"article"}, "status": {kb.StatusDraft},
			"visibility": {kb.VisibilityCustomers}})
		if r.Status != 422 {
			t.Errorf("taken slug typed: %d", r.Status)
		}
	})
}

// TestDashboardQueues: the start page leads to the day's work — the inbox with its open
// count, the reader's tickets, unassigned ones and requests to decide, the knowledge base
// and downloads — and only to modules the tenant uses.
func TestDashboardQueues(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		r := o.agent.Get("/admin/")
		for _, want := range []string{`href="/admin/inbox"`, "Nichts offen", `href="/admin/tickets?assignee=me"`,
			`href="/admin/tickets?assignee=none"`, `href="/admin/tickets?pending=1"`, `href="/admin/kb"`,
			`href="/admin/downloads"`, `href="/admin/companies"`} {
			if r.Status != 200 || !strings.Contains(r.Body, want) {
				t.Errorf("dashboard: %d, %q missing", r.Status, want)
			}
		}
		ctx := context.Background()
		for _, title := range []string{"Erste", "Zweite"} {
			if _, err := inbox.Create(ctx, o.env.DB, inbox.Item{TenantID: o.ten.ID, Kind: inbox.KindMail, Title: title,
				Email: "x@fremd.test"}, map[string]string{}, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		if r := o.agent.Get("/admin/"); !strings.Contains(r.Body, "2 offene Eingänge warten auf Bearbeitung.") {
			t.Errorf("dashboard: open inbox count missing")
		}
		o.onlyModules(t, "knowledge")
		r = o.agent.Get("/admin/")
		if strings.Contains(r.Body, "/admin/tickets") || strings.Contains(r.Body, `href="/admin/downloads"`) ||
			!strings.Contains(r.Body, `href="/admin/kb"`) {
			t.Errorf("dashboard offers modules the tenant does not use")
		}
	})
}

// TestCompanyAndContactLeadToTickets: a company's page links to its tickets and to a new
// ticket for it; a contact's page offers a new ticket per company, with the contact
// chosen in the form.
func TestCompanyAndContactLeadToTickets(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		r := o.agent.Get("/admin/companies/" + id(o.co.ID))
		for _, want := range []string{`href="/admin/tickets?state=all&amp;company=` + id(o.co.ID) + `"`,
			`href="/admin/tickets/new?company=` + id(o.co.ID) + `"`} {
			if r.Status != 200 || !strings.Contains(r.Body, want) {
				t.Errorf("company page: %d, %q missing", r.Status, want)
			}
		}
		newTicket := "/admin/tickets/new?company=" + id(o.co.ID) + "&contact=" + id(o.ct.ID)
		if r := o.agent.Get("/admin/contacts/" + id(o.ct.ID)); !strings.Contains(r.Body, `href="`+strings.ReplaceAll(newTicket, "&", "&amp;")+`"`) ||
			!strings.Contains(r.Body, "Neues Ticket – Kunde A") {
			t.Errorf("contact page: new ticket link missing")
		}
		r = o.agent.Get(newTicket)
		if r.Status != 200 || !strings.Contains(r.Body, `<option value="`+id(o.ct.ID)+`" selected>`) {
			t.Errorf("new ticket: %d, contact not preselected", r.Status)
		}
		// Another tenant's contact id preselects nothing and cannot be sent either.
		if r := o.agent.Get("/admin/tickets/new?company=" + id(o.co.ID) + "&contact=999999"); r.Status != 200 ||
			strings.Contains(r.Body, " selected>") && strings.Contains(r.Body, `value="999999"`) {
			t.Errorf("foreign contact: %d", r.Status)
		}
		o.onlyModules(t, "knowledge")
		if r := o.agent.Get("/admin/companies/" + id(o.co.ID)); strings.Contains(r.Body, "/admin/tickets") {
			t.Errorf("company page links tickets without the helpdesk")
		}
	})
}

// TestNamesTakenByNeighbours: a second knowledge-base category, or a second folder in
// the same place, of a name already there (in any case) is refused beside the name with
// what was typed kept; renaming onto a neighbour's name too. The same name elsewhere in
// the folder tree, and saving a category or folder under its own name, are fine.
func TestNamesTakenByNeighbours(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		ctx := context.Background()
		if r := o.agent.Post("/admin/kb/categories", url.Values{"name": {"Drucker"}, "position": {"1"}}); r.Status != 303 {
			t.Fatalf("category: %d", r.Status)
		}
		if r := o.agent.Post("/admin/kb/categories", url.Values{"name": {"Netzwerk"}, "position": {"2"}}); r.Status != 303 {
			t.Fatalf("category: %d", r.Status)
		}
		r := o.agent.Post("/admin/kb/categories", url.Values{"name": {" drucker "}, "position": {"3"}})
		if r.Status != 422 || !strings.Contains(r.Body, "Eine andere Kategorie trägt bereits diesen Namen.") ||
			!strings.Contains(r.Body, `value="drucker"`) {
			t.Errorf("duplicate category: %d", r.Status)
		}
		cats, _ := kb.Categories(ctx, o.env.DB, o.ten.ID)
		if len(cats) != 2 {
			t.Fatalf("categories: %+v", cats)
		}
		if r := o.agent.Post("/admin/kb/categories/"+id(cats[1].ID), url.Values{"name": {"DRUCKER"}, "position": {"2"}}); r.Status != 422 {
			t.Errorf("rename onto a neighbour: %d", r.Status)
		}
		if r := o.agent.Post("/admin/kb/categories/"+id(cats[0].ID), url.Values{"name": {"Drucker"}, "position": {"5"}}); r.Status != 303 {
			t.Errorf("save under its own name: %d", r.Status)
		}

		folder := func(name string, parent int64) int {
			t.Helper()
			return o.agent.Post("/admin/downloads/folders", url.Values{"name": {name}, "parent_id": {id(parent)}, "position": {"0"}}).Status
		}
		if s := folder("Preislisten", 0); s != 303 {
			t.Fatalf("folder: %d", s)
		}
		r = o.agent.Post("/admin/downloads/folders", url.Values{"name": {"preislisten"}, "parent_id": {"0"}, "position": {"0"}})
		if r.Status != 422 || !strings.Contains(r.Body, "In diesem Ordner gibt es bereits einen Ordner mit diesem Namen.") ||
			!strings.Contains(r.Body, `value="preislisten"`) {
			t.Errorf("duplicate folder: %d", r.Status)
		}
		all, _ := download.Folders(ctx, o.env.DB, o.ten.ID)
		if len(all) != 1 {
			t.Fatalf("folders: %+v", all)
		}
		if s := folder("Preislisten", all[0].ID); s != 303 {
			t.Errorf("same name one level down: %d", s)
		}
		if r := o.agent.Post("/admin/downloads/folders/"+id(all[0].ID), url.Values{"name": {"Preislisten"}, "parent_id": {"0"},
			"position": {"3"}}); r.Status != 303 {
			t.Errorf("save folder under its own name: %d %.400s", r.Status, r.Body)
		}
	})
}

// TestBilledRequestNotDecided: a request marked billed before anyone decided it is
// locked like every billed ticket: accepting or declining is refused with the billed
// message — the status stays, no mail goes to the customer — and the page offers
// neither. After an admin took the mark off, the request can be decided.
func TestBilledRequestNotDecided(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		o := newOffice(t, e)
		ctx := context.Background()
		tk := o.ticket(t, "VPN bricht ab")
		path := "/admin/tickets/" + id(tk)
		// The page bills only resolved or closed tickets; an open request can still be
		// billed from before that rule, so the mark is set directly.
		err := o.env.DB.InTx(ctx, func(tx *db.Tx) error {
			tt, err := ticket.ForStaff(ctx, tx, o.ten.ID, tk)
			if err != nil {
				return err
			}
			return ticket.SetBilled(ctx, tx, tt, true, ticket.Actor{Name: "Agent"}, time.Now())
		})
		if err != nil {
			t.Fatal(err)
		}
		mails := func() int {
			var n int
			if err := o.env.DB.QueryRow(ctx, `SELECT COUNT(*) FROM mails WHERE tenant_id = ?`, o.ten.ID).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := mails()
		for _, step := range []struct {
			action string
			form   url.Values
		}{{"/accept", url.Values{}}, {"/decline", url.Values{"reason": {"Kein Vertrag"}}}} {
			r := o.agent.Post(path+step.action, step.form)
			if r.Status != 303 || r.Location != path {
				t.Errorf("%s on a billed ticket: %d %q", step.action, r.Status, r.Location)
			}
			if page := o.agent.Get(path); !strings.Contains(page.Body, "abgerechnet") {
				t.Errorf("%s: no billed message", step.action)
			}
		}
		got, err := ticket.ForStaff(ctx, o.env.DB, o.ten.ID, tk)
		if err != nil {
			t.Fatal(err)
		}
		if got.RequestState != ticket.RequestPending || got.Status.Code != ticket.CodeNew || mails() != before {
			t.Errorf("billed request decided: %s, status %s, mails %d → %d", got.RequestState, got.Status.Code, before, mails())
		}
		if r := o.agent.Get(path); strings.Contains(r.Body, `action="`+path+`/accept"`) {
			t.Errorf("billed ticket offers to accept")
		}
		if r := o.admin.Post(path+"/billed", url.Values{"billed": {"0"}}); r.Status != 303 { // an admin's step (ticket_billed.go)
			t.Fatalf("unbilled: %d", r.Status)
		}
		if r := o.agent.Post(path+"/accept", url.Values{}); r.Status != 303 {
			t.Fatalf("accept: %d", r.Status)
		}
		if got, _ := ticket.ForStaff(ctx, o.env.DB, o.ten.ID, tk); got.RequestState != ticket.RequestAccepted {
			t.Errorf("accept after unbilling: %s", got.RequestState)
		}
	})
}
