package server_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/mailtmpl"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// invitationText is a valid tenant text for mail.invitation.
func invitationText(subject string) url.Values {
	return url.Values{"subject": {subject}, "greeting": {"Hallo {{first_name}},"},
		"body": {"Firma {{ company }} <b>fett</b>.\n\nIhr Link: {{link}}"}, "button": {"Jetzt starten"}}
}

// TestMailTemplates: an admin edits the invitation in German, previews it with sample
// data, saves it; the next invitation uses it (escaped in the HTML part), an English
// contact still gets the built-in English text; bad input is refused naming the
// problem with the typed text kept; reset brings the built-in text back; agents get 404.
func TestMailTemplates(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password")
		adm := env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")
		const editor = "/admin/settings/mails/invitation/de"

		list := adm.Get("/admin/settings/mails")
		if list.Status != 200 || !strings.Contains(list.Body, `href="`+editor+`"`) || !strings.Contains(list.Body, "Einladung") ||
			strings.Contains(list.Body, `class="custom"`) {
			t.Fatalf("list: %d", list.Status)
		}
		if !strings.Contains(adm.Get("/admin/settings").Body, `href="/admin/settings/mails"`) {
			t.Errorf("settings page does not link the templates")
		}
		// The Hebrew text runs right to left in the German back office, whatever letter
		// it starts with.
		he := adm.Get("/admin/settings/mails/invitation/he").Body
		if !strings.Contains(he, `name="subject"`) || strings.Count(he, `lang="he" dir="rtl"`) != 4 {
			t.Errorf("the Hebrew editor's fields do not run right to left: %d", strings.Count(he, `lang="he" dir="rtl"`))
		}
		// Unknown mails, mails that are not editable, unknown languages: 404.
		for _, p := range []string{"/admin/settings/mails/nope/de", "/admin/settings/mails/invitation/xx",
			"/admin/settings/mails/closing/de", "/admin/settings/mails/test/de"} {
			if r := adm.Get(p); r.Status != 404 {
				t.Errorf("GET %s: %d", p, r.Status)
			}
		}
		// The editor starts from the built-in text, written with placeholders, listed beside it.
		page := adm.Get(editor)
		if page.Status != 200 || !strings.Contains(page.Body, "{{company}}") || !strings.Contains(page.Body, "{{days}}") ||
			!strings.Contains(page.Body, "<code>{{first_name}}</code>") || !strings.Contains(page.Body, "Vorname des Kontakts") ||
			strings.Contains(page.Body, "{{.") {
			t.Fatalf("editor: %d %s", page.Status, page.Body)
		}

		// Preview: sample data filled in, escaped, nothing stored.
		pv := adm.Post(editor+"/preview", invitationText("Zugang für {{first_name}} bei {{portal}}"))
		if pv.Status != 200 || !strings.Contains(pv.Body, "Zugang für Anna bei Service GmbH") ||
			!strings.Contains(pv.Body, "Firma Muster GmbH &lt;b&gt;fett&lt;/b&gt;.") || !strings.Contains(pv.Body, "Hallo Anna,") ||
			!strings.Contains(pv.Body, "/invitation/Xb3") || strings.Contains(pv.Body, "portal.example.com") {
			t.Fatalf("preview: %d\n%s", pv.Status, pv.Body)
		}
		// The sample link is on this portal (not the example address) and, in a ticket
		// mail, leads to a ticket.
		tv := adm.Post("/admin/settings/mails/ticket_reply/de/preview", invitationText("Antwort"))
		if tv.Status != 200 || !strings.Contains(tv.Body, "/tickets/1042") || strings.Contains(tv.Body, "invitation/Xb3") {
			t.Errorf("ticket mail preview: %d\n%s", tv.Status, tv.Body)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mail_templates`); n != 0 {
			t.Errorf("preview stored %d templates", n)
		}

		// Bad input: a clear message next to the field, the typed text kept, nothing stored.
		for name, c := range map[string]struct {
			field, value, want string
		}{
			"empty subject":    {"subject", "  ", "Bitte füllen Sie dieses Feld aus."},
			"empty body":       {"body", "", "Bitte füllen Sie dieses Feld aus."},
			"empty button":     {"button", "", "Bitte füllen Sie dieses Feld aus."},
			"subject too long": {"subject", strings.Repeat("x", mailtmpl.MaxSubject+1), "höchstens 200 Zeichen"},
			"body too long":    {"body", strings.Repeat("y", mailtmpl.MaxBody+1), "höchstens 5.000 Zeichen"},
			"unknown":          {"body", "Guten Tag <i>{{frist_name}}</i>, bitte klicken.", "Den Platzhalter {{frist_name}} gibt es in dieser E-Mail nicht."},
			"not offered":      {"subject", "Abgelehnt: {{reason}}", "Den Platzhalter {{reason}} gibt es in dieser E-Mail nicht."},
			"go template":      {"greeting", `Hallo {{.Name}} {{printf "%s" 1}}`, "{{.Name}} ist kein gültiger Platzhalter."},
			"unclosed":         {"body", "Hallo {{first_name, willkommen", "Die geschweiften Klammern bei „{{first_name, willkommen“ sind nicht vollständig."},
			"stray closing":    {"button", "Los }}", "Die geschweiften Klammern bei „Los }}“ sind nicht vollständig."},
			"triple braces":    {"greeting", "Hallo {{{first_name}}}", "Die geschweiften Klammern bei „{{{first_name}}}“"},
		} {
			for _, action := range []string{"", "/preview"} {
				form := invitationText("Betreff {{portal}}")
				form.Set(c.field, c.value)
				r := adm.Post(editor+action, form)
				body := html.UnescapeString(r.Body)
				if r.Status != 422 || !strings.Contains(body, c.want) || !strings.Contains(r.Body, `id="e-`+c.field+`"`) {
					t.Errorf("%s%s: %d, want 422 with %q next to %s", name, action, r.Status, c.want, c.field)
				}
				if strings.TrimSpace(c.value) != "" && !strings.Contains(body, strings.TrimSpace(c.value)) {
					t.Errorf("%s%s: typed text lost", name, action)
				}
				if !strings.Contains(body, "Firma {{ company }} <b>fett</b>.") && c.field != "body" {
					t.Errorf("%s%s: other fields lost", name, action)
				}
			}
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mail_templates`); n != 0 {
			t.Errorf("bad input stored %d templates", n)
		}

		// Save; the list marks it; the audit log records it.
		if r := adm.Post(editor, invitationText("Zugang für {{first_name}} bei {{portal}}")); r.Status != 303 || r.Location != editor {
			t.Fatalf("save: %d %q %.500s", r.Status, r.Location, r.Body)
		}
		if p := adm.Get(editor).Body; !strings.Contains(p, "gespeichert") || !strings.Contains(p, `value="Zugang für {{first_name}} bei {{portal}}"`) ||
			!strings.Contains(p, "Auf Standard zurücksetzen") {
			t.Errorf("editor after save:\n%s", p)
		}
		if !strings.Contains(adm.Get("/admin/settings/mails").Body, `href="`+editor+`" class="custom"`) {
			t.Errorf("list does not mark the customised template")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'mail_template_saved' AND target = 'mail.invitation (de)'`); n != 1 {
			t.Errorf("audit entries for save: %d", n)
		}

		// The next invitation uses it; values are escaped in the HTML part.
		co := env.Company(ten, "Kunde & Co <AG>")
		de := env.Contact(ten, "jo@kunde.test", "", "user", co)
		grantAll(t, env, adm, ten.ID, de.ID)
		subject, text, htm := lastMail(t, env, "jo@kunde.test")
		if subject != "Zugang für Test bei Service GmbH" || !strings.Contains(text, "Firma Kunde & Co <AG> <b>fett</b>.") ||
			!strings.Contains(text, "Hallo Test,") || !strings.Contains(text, "Jetzt starten") {
			t.Errorf("invitation does not use the template: %q\n%s", subject, text)
		}
		if !strings.Contains(htm, "Firma Kunde &amp; Co &lt;AG&gt; &lt;b&gt;fett&lt;/b&gt;.") || strings.Contains(htm, "<AG>") ||
			strings.Contains(htm, "<b>") {
			t.Errorf("HTML part not escaped:\n%s", htm)
		}
		link := linkIn(t, text)
		if !strings.Contains(text, "Ihr Link: http") || !strings.Contains(htm, `href="http`) {
			t.Errorf("no link in the text or button")
		}
		if r := env.Client("").Get(link); r.Status != 200 {
			t.Errorf("invitation link from the template: %d", r.Status)
		}
		// An English contact gets the built-in English text: the template is German only.
		en := env.Contact(ten, "en@kunde.test", "", "user", co)
		env.DB.Exec(context.Background(), `UPDATE contacts SET language = 'en' WHERE id = ?`, en.ID)
		grantAll(t, env, adm, ten.ID, en.ID)
		if subject, _, _ := lastMail(t, env, "en@kunde.test"); !strings.HasPrefix(subject, "Your access to the") {
			t.Errorf("English invitation: %q", subject)
		}

		// Agents cannot reach the templates (404, like the other admin-only settings).
		ag := env.Client("")
		ag.AdminLogin("agent@service.test", "agent-password")
		for _, r := range []apptest.Response{ag.Get("/admin/settings/mails"), ag.Get(editor),
			ag.Post(editor, invitationText("Agent {{portal}}")), ag.Post(editor+"/preview", invitationText("x")),
			ag.Post(editor+"/reset", nil)} {
			if r.Status != 404 {
				t.Errorf("agent: %d", r.Status)
			}
		}
		if s := storedSubject(t, env, ten.ID); s != "Zugang für {{first_name}} bei {{portal}}" {
			t.Errorf("agent changed the template: %q", s)
		}

		// Reset: the override is gone, the next mail is the built-in one.
		if r := adm.Post(editor+"/reset", nil); r.Status != 303 || r.Location != editor {
			t.Fatalf("reset: %d", r.Status)
		}
		if p := adm.Get(editor).Body; !strings.Contains(p, "mitgelieferten Text") || strings.Contains(p, "Auf Standard zurücksetzen") {
			t.Errorf("editor after reset")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mail_templates`); n != 0 {
			t.Errorf("templates after reset: %d", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = 'mail_template_reset'`); n != 1 {
			t.Errorf("audit entries for reset: %d", n)
		}
		again := env.Contact(ten, "again@kunde.test", "", "user", co)
		grantAll(t, env, adm, ten.ID, again.ID)
		if subject, _, _ := lastMail(t, env, "again@kunde.test"); subject != "Ihr Zugang zum Kundenportal von Service GmbH" {
			t.Errorf("after reset: %q", subject)
		}
	})
}

// grantAll grants every membership of a contact through the back office.
func grantAll(t *testing.T, env *apptest.Env, adm *apptest.Client, tenantID, contactID int64) {
	t.Helper()
	for _, m := range memberships(t, env, tenantID, contactID) {
		if r := adm.Post("/admin/memberships/"+id(m)+"/grant", url.Values{"role": {"user"}}); r.Status != 303 {
			t.Fatalf("grant: %d", r.Status)
		}
	}
}

// lastMail waits for the newest mail to addr to be delivered and returns its parts.
func lastMail(t *testing.T, env *apptest.Env, addr string) (subject, text, htm string) {
	t.Helper()
	lastMailTo(t, env, addr)
	env.DB.QueryRow(context.Background(), `SELECT subject, text_body, html_body FROM mails WHERE to_addr = ?
		ORDER BY id DESC LIMIT 1`, addr).Scan(&subject, &text, &htm)
	return subject, text, htm
}

func storedSubject(t *testing.T, env *apptest.Env, tenantID int64) string {
	t.Helper()
	tx, err := mailtmpl.Get(context.Background(), env.DB, tenantID, "mail.invitation", "de")
	if err != nil {
		t.Fatal(err)
	}
	return tx.Subject
}

// mailTemplateIsolation (part of TestAdminIsolation): tenant B's own invitation text is
// neither shown to tenant A's admin nor changed or reset by them, and tenant A's saved
// text does not reach tenant B's mails.
func mailTemplateIsolation(t *testing.T, w *world, staffA *apptest.Client) {
	ctx := context.Background()
	var tenantB int64
	w.env.DB.QueryRow(ctx, `SELECT tenant_id FROM companies WHERE id = ?`, w.b1).Scan(&tenantB)
	secret := mailtmpl.Text{Subject: "Geheimer Betreff B", Body: "Geheimer Text B", Button: "B"}
	if err := mailtmpl.Save(ctx, w.env.DB, tenantB, "mail.invitation", "de", secret, "test", time.Now()); err != nil {
		t.Fatal(err)
	}
	const editor = "/admin/settings/mails/invitation/de"
	for _, r := range []apptest.Response{staffA.Get("/admin/settings/mails"), staffA.Get(editor)} {
		// Neither B's text nor a mark of a customised text ("custom" link, the editor's
		// "this template is customised").
		if r.Status != 200 || strings.Contains(r.Body, "Geheim") || strings.Contains(r.Body, `class="custom"`) ||
			strings.Contains(r.Body, "Diese Vorlage ist angepasst") {
			t.Errorf("tenant A sees tenant B's template: %d", r.Status)
		}
	}
	staffA.Post(editor+"/reset", nil)
	if r := staffA.Post(editor, invitationText("Betreff A {{portal}}")); r.Status != 303 {
		t.Errorf("tenant A save: %d", r.Status)
	}
	if s := storedSubject(t, w.env, tenantB); s != secret.Subject {
		t.Errorf("tenant B's template changed to %q", s)
	}
	if n := count(t, w.env, `SELECT COUNT(*) FROM mail_templates WHERE tenant_id = ?`, tenantB); n != 1 {
		t.Errorf("tenant B templates: %d", n)
	}
}
