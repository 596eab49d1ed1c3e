package server_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// seenRE reads the mark the ticket page's forms carry (ticket_stale.go).
var seenRE = regexp.MustCompile(`name="seen_msg" value="(\d+)"/?>\s*<input type="hidden" name="seen_event" value="(\d+)"`)

// presenceDesk is a desk with two agents in the back office, Anna Berger and Bernd
// Koch, and a ticket alice opened.
type presenceDesk struct {
	*desk
	anna, bernd *apptest.Client
	path        string
	alice       *apptest.Client
}

func newPresenceDesk(t *testing.T, e db.Engine) *presenceDesk {
	t.Helper()
	d := newDesk(t, e)
	p := &presenceDesk{desk: d}
	annaM := d.admin
	berndM := d.env.Staff(d.t, staff.RoleAgent, "bernd@desk.test", "bernd-password")
	for id, name := range map[int64]string{annaM.ID: "Anna Berger", berndM.ID: "Bernd Koch"} {
		if _, err := d.env.DB.Exec(context.Background(), `UPDATE staff SET name = ? WHERE id = ?`, name, id); err != nil {
			t.Fatal(err)
		}
	}
	p.alice = d.as("alice@alpha.test", "alice-password")
	p.path = "/admin/tickets/" + itoa64(d.open(t, p.alice, "Drucker streikt"))
	p.anna = d.env.Client("desk.test")
	p.anna.AdminLogin("agent@desk.test", "agent-password")
	p.bernd = d.env.Client("desk.test")
	p.bernd.AdminLogin("bernd@desk.test", "bernd-password")
	return p
}

// page opens the ticket page as c and returns it with the mark its forms carry.
func (p *presenceDesk) page(t *testing.T, c *apptest.Client) (body string, mark url.Values) {
	t.Helper()
	r := c.Get(p.path)
	if r.Status != 200 {
		t.Fatalf("GET %s: %d", p.path, r.Status)
	}
	m := seenRE.FindStringSubmatch(r.Body)
	if m == nil {
		t.Fatalf("ticket page without a mark:\n%.2000s", r.Body)
	}
	return r.Body, url.Values{"seen_msg": {m[1]}, "seen_event": {m[2]}}
}

// TestTicketPresence: Anna's ticket page shows Bernd viewing once he opened it and
// "writing" once his heartbeat carries text; the heartbeat answers 204 when Anna's
// strip already shows that; the queue marks the row with an eye or a pen for the
// other one only; the janitor forgets heartbeats that aged out.
func TestTicketPresence(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		p := newPresenceDesk(t, e)
		if body, _ := p.page(t, p.anna); strings.Contains(body, `class="presence-item`) {
			t.Fatalf("Anna sees someone before anyone else opened the ticket")
		}
		p.page(t, p.bernd)
		body, _ := p.page(t, p.anna)
		if !strings.Contains(body, `id="presence"`) || !strings.Contains(body, "Bernd Koch sieht sich das Ticket an") {
			t.Fatalf("Anna's page does not show Bernd viewing:\n%.3000s", body)
		}
		if !strings.Contains(body, `hx-post="`+p.path+`/presence"`) || !strings.Contains(body, `hx-trigger="every 12000ms, input changed throttle:2s from:#f-body"`) {
			t.Fatalf("the strip does not beat")
		}
		if strings.Contains(body, "Anna Berger sieht") {
			t.Fatalf("Anna sees herself")
		}
		// Bernd types: his heartbeat carries the reply box.
		r := p.bernd.Post(p.path+"/presence", url.Values{"body": {"Hallo Alice, "}, "presence_state": {""}})
		if r.Status != 200 || !strings.Contains(r.Body, "Anna Berger sieht sich das Ticket an") {
			t.Fatalf("Bernd's heartbeat: %d %.500s", r.Status, r.Body)
		}
		r = p.anna.Post(p.path+"/presence", url.Values{"body": {""}, "presence_state": {""}})
		if r.Status != 200 || !strings.Contains(r.Body, "Bernd Koch schreibt eine Antwort…") || !strings.Contains(r.Body, `class="presence-item typing"`) {
			t.Fatalf("Anna's heartbeat while Bernd writes: %d %.500s", r.Status, r.Body)
		}
		state := regexp.MustCompile(`name="presence_state" value="([^"]*)"`).FindStringSubmatch(r.Body)
		if state == nil || !strings.HasSuffix(state[1], "t") {
			t.Fatalf("no state in the fragment: %.500s", r.Body)
		}
		// Nothing changed since: no swap.
		if r := p.anna.Post(p.path+"/presence", url.Values{"presence_state": {state[1]}}); r.Status != 204 || r.Body != "" {
			t.Fatalf("unchanged heartbeat: %d %q", r.Status, r.Body)
		}
		// The queue: a pen on Anna's row (Bernd writes), an eye on Bernd's (Anna views).
		q := p.anna.Get("/admin/tickets")
		if !strings.Contains(q.Body, `class="watched watched-typing"`) || strings.Contains(q.Body, "watched-viewing") {
			t.Fatalf("Anna's queue lacks the pen:\n%.300s", q.Body)
		}
		q = p.bernd.Get("/admin/tickets")
		if !strings.Contains(q.Body, `class="watched watched-viewing"`) || !strings.Contains(q.Body, "Andere Mitarbeitende haben dieses Ticket geöffnet") {
			t.Fatalf("Bernd's queue lacks the eye")
		}
		// On a Hebrew page the Latin name is isolated inside the right-to-left sentence;
		// a German page carries no isolates.
		if strings.Contains(q.Body, "\u2068") {
			t.Fatalf("isolates on a German page")
		}
		if r := p.anna.Post("/admin/language", url.Values{"language": {"he"}}); r.Status != 303 {
			t.Fatalf("choose Hebrew: %d", r.Status)
		}
		if body, _ := p.page(t, p.anna); !strings.Contains(body, `dir="rtl"`) || !strings.Contains(body, "\u2068Bernd Koch\u2069 כותב/ת תשובה…") {
			t.Fatalf("Hebrew presence strip lacks the isolated name")
		}
		// The contact's side knows nothing of it.
		if b := p.alice.Get(strings.TrimPrefix(p.path, "/admin")).Body; strings.Contains(b, "presence") || strings.Contains(b, "Bernd Koch") {
			t.Fatalf("the portal shows presence")
		}
		// A page whose session ended beats into nothing: 204, no redirect that would
		// lose the reply box's text.
		if r := p.env.Client("desk.test").Post(p.path+"/presence", url.Values{"body": {"Entwurf"}}); r.Status != 204 || r.Header.Get("HX-Redirect") != "" {
			t.Fatalf("heartbeat without a session: %d %q", r.Status, r.Header.Get("HX-Redirect"))
		}
		// A malformed heartbeat id is a 404; an hour later the janitor forgets both.
		if r := p.anna.Post("/admin/tickets/abc/presence", nil); r.Status != 404 {
			t.Fatalf("heartbeat on a malformed id: %d", r.Status)
		}
		p.env.App.Sweep(context.Background(), time.Now().Add(time.Hour))
		var n int
		p.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM ticket_presence`).Scan(&n)
		if n != 0 {
			t.Fatalf("%d presence rows after the janitor", n)
		}
	})
}

// TestTicketReplyConflict: Anna writes while Bernd answers; her reply is not sent, the
// page comes back with her text, Bernd's reply marked new and the sentence that says
// so, and a second send (carrying the newer mark) goes out. A status change after a
// colleague's is refused the same way; a form without a mark (an older page) is
// carried out as before.
func TestTicketReplyConflict(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		p := newPresenceDesk(t, e)
		_, annaMark := p.page(t, p.anna)
		_, berndMark := p.page(t, p.bernd)
		send := func(c *apptest.Client, mark url.Values, body string) apptest.Response {
			t.Helper()
			fields := map[string]string{"kind": "reply", "body": body}
			for k := range mark {
				fields[k] = mark.Get(k)
			}
			return c.PostMultipart(p.path+"/reply", fields)
		}
		if r := send(p.bernd, berndMark, "Bernd: Ich komme morgen vorbei."); r.Status != 303 {
			t.Fatalf("Bernd's reply: %d %.500s", r.Status, r.Body)
		}
		count := func() int {
			var n int
			p.env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM ticket_messages WHERE body LIKE 'Anna:%'`).Scan(&n)
			return n
		}
		// A field error first: the page comes back with the mark the form came with, so
		// Bernd's reply is still news when Anna sends.
		if r := send(p.anna, annaMark, "  "); r.Status != 422 || seenRE.FindStringSubmatch(r.Body)[1] != annaMark.Get("seen_msg") {
			t.Fatalf("empty reply: %d, mark %v, want 422 and %s", r.Status, seenRE.FindStringSubmatch(r.Body), annaMark.Get("seen_msg"))
		}
		r := send(p.anna, annaMark, "Anna: Bitte starten Sie den Drucker neu.")
		if r.Status != 409 {
			t.Fatalf("Anna's stale reply: %d, want 409", r.Status)
		}
		if count() != 0 {
			t.Fatalf("the stale reply was stored")
		}
		for _, want := range []string{
			"Bernd Koch hat geantwortet, während Sie geschrieben haben. Lesen Sie die neue Antwort und senden Sie dann Ihre.",
			">Anna: Bitte starten Sie den Drucker neu.</textarea>", // the text kept
			"Trotzdem senden",
			`class="message from-staff fresh"`, // Bernd's reply marked
		} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("conflict page lacks %q", want)
			}
		}
		m := seenRE.FindStringSubmatch(r.Body)
		if m == nil || m[1] == annaMark.Get("seen_msg") {
			t.Fatalf("conflict page carries no newer mark: %v", m)
		}
		// Send anyway: the page's newer mark lets it through.
		if r := send(p.anna, url.Values{"seen_msg": {m[1]}, "seen_event": {m[2]}}, "Anna: Bitte starten Sie den Drucker neu."); r.Status != 303 {
			t.Fatalf("send anyway: %d %.500s", r.Status, r.Body)
		}
		if count() != 1 {
			t.Fatalf("send anyway stored %d replies", count())
		}
		// Her own reply is no conflict for Anna's next note on the same old page.
		if r := send(p.anna, url.Values{"seen_msg": {m[1]}, "seen_event": {m[2]}}, "Anna: Nachtrag"); r.Status != 303 {
			t.Fatalf("a second reply after one's own: %d", r.Status)
		}
		// A customer reply counts as well; without a mark the reply goes out as before.
		_, annaMark = p.page(t, p.anna)
		if r := p.alice.PostMultipart(strings.TrimPrefix(p.path, "/admin")+"/reply", map[string]string{"body": "Hat sich erledigt."}); r.Status != 303 {
			t.Fatalf("alice's reply: %d", r.Status)
		}
		if r := send(p.anna, annaMark, "Anna: Gut."); r.Status != 409 || !strings.Contains(r.Body, "hat geantwortet") {
			t.Fatalf("after the contact's reply: %d", r.Status)
		}
		if r := send(p.anna, nil, "Anna: Ohne Marke."); r.Status != 303 {
			t.Fatalf("a reply without a mark: %d", r.Status)
		}

		// Status: Bernd resolves, Anna (on an older page) sets "waiting".
		_, annaMark = p.page(t, p.anna)
		_, berndMark = p.page(t, p.bernd)
		statuses := statusIDs(t, p.env, p.t.ID)
		berndForm := url.Values{"status": {statuses["resolved"]}}
		for k := range berndMark {
			berndForm.Set(k, berndMark.Get(k))
		}
		if r := p.bernd.Post(p.path+"/status", berndForm); r.Status != 303 {
			t.Fatalf("Bernd's status: %d %.300s", r.Status, r.Body)
		}
		annaForm := url.Values{"status": {statuses["waiting"]}}
		for k := range annaMark {
			annaForm.Set(k, annaMark.Get(k))
		}
		r = p.anna.Post(p.path+"/status", annaForm)
		if r.Status != 409 || !strings.Contains(r.Body, "Das Ticket wurde geändert, während Sie es geöffnet hatten.") || !strings.Contains(r.Body, "Bernd Koch") {
			t.Fatalf("Anna's stale status change: %d", r.Status)
		}
		var code string
		p.env.DB.QueryRow(context.Background(), `SELECT s.code FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id WHERE t.id = ?`,
			strings.TrimPrefix(p.path, "/admin/tickets/")).Scan(&code)
		if code != "resolved" {
			t.Fatalf("status %q after the refused change, want Bernd's resolved", code)
		}
		m = seenRE.FindStringSubmatch(r.Body)
		annaForm.Set("seen_msg", m[1])
		annaForm.Set("seen_event", m[2])
		if r := p.anna.Post(p.path+"/status", annaForm); r.Status != 303 {
			t.Fatalf("status anyway: %d", r.Status)
		}
	})
}

// statusIDs maps the tenant's built-in status codes to their ids.
func statusIDs(t *testing.T, env *apptest.Env, tenantID int64) map[string]string {
	t.Helper()
	rows, err := env.DB.Query(context.Background(), `SELECT code, id FROM ticket_statuses WHERE tenant_id = ? AND code <> ''`, tenantID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var code, id string
		rows.Scan(&code, &id)
		out[code] = id
	}
	return out
}
