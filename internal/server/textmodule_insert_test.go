package server_test

import (
	"html"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestTextModuleInsert: the ticket page offers the active modules, those in the
// contact's language first, each under its shortcut first (typing it on the select
// finds the module); the script's endpoint answers a module filled in for this
// ticket as plain text; without script, "Insert" shows the form again with the module
// appended and everything typed kept.
func TestTextModuleInsert(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		for _, f := range []struct{ name, short, lang, body string }{
			{"Gruß", "gruss", "de", "Hallo {{first_name}}"},
			{"Greeting", "hi", "en", "Hello {{first_name}} of {{company}},\nabout {{ticket}} \"{{title}}\": {{link}}\n{{staff_name}}"},
			{"Any language", "", "", "{{name}} · {{portal}}"},
			{"Retired", "", "en", "OLD-TEXT"},
		} {
			if r := h.staffC.Post("/admin/text-modules", moduleForm(f.name, f.short, f.lang, f.body, f.name != "Retired")); r.Status != 303 {
				t.Fatalf("create %s: %d %.300s", f.name, r.Status, extractErrors(r.Body))
			}
		}
		greeting, gruss, retired := moduleID(t, h, "Greeting"), moduleID(t, h, "Gruß"), moduleID(t, h, "Retired")
		id := h.open(t, h.acme, h.anna, "Printer <jams>") // Anna reads English
		path := "/admin/tickets/" + itoa64(id)

		page := h.staffC.Get(path).Body
		iGreeting, iAny, iGruss := strings.Index(page, ">hi · Greeting<"), strings.Index(page, ">Any language<"), strings.Index(page, ">gruss · Gruß (DE)<")
		if iGreeting < 0 || iAny < 0 || iGruss < 0 || !(iGreeting < iAny && iAny < iGruss) || strings.Contains(page, "Retired") {
			t.Errorf("picker order: greeting %d, any %d, gruss %d\n%s", iGreeting, iAny, iGruss, between(page, `id="f-module"`, "</select>"))
		}
		if !strings.Contains(page, `hx-get="`+path+`/text-modules/"`) || !strings.Contains(page, `data-text-module-base="`+path+`/text-modules/"`) ||
			!strings.Contains(page, `formaction="`+path+`/text-modules"`) {
			t.Errorf("picker is not wired for htmx and the no-script path:\n%s", between(page, `id="f-module"`, "</select>"))
		}

		r := h.staffC.Get(path + "/text-modules/" + itoa64(greeting))
		want := "Hello " + h.anna.FirstName + " of Acme AG,\nabout #" + itoa64(id) + " \"Printer <jams>\": http://hd.test"
		if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/plain") || !strings.HasPrefix(r.Body, want) ||
			!strings.HasSuffix(r.Body, "/tickets/"+itoa64(id)+"\n"+h.admin.Name) || r.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("insert endpoint: %d %q %q", r.Status, r.Header.Get("Content-Type"), r.Body)
		}
		for _, bad := range []string{itoa64(retired), "0", "x", "99999"} {
			if r := h.staffC.Get(path + "/text-modules/" + bad); r.Status != 404 {
				t.Errorf("module %s: %d, want 404", bad, r.Status)
			}
		}

		// Without script: the whole reply form is sent to …/text-modules.
		typed := "Typed first line <b>\r\nsecond line"
		r = h.staffC.PostMultipart(path+"/text-modules", map[string]string{"kind": "note", "body": typed, "module": itoa64(gruss)})
		body := html.UnescapeString(r.Body)
		if r.Status != 200 || !strings.Contains(body, ">Typed first line <b>\nsecond line\n\nHallo "+h.anna.FirstName+"</textarea>") {
			t.Fatalf("no-script insert: %d\n%s", r.Status, between(body, `id="f-body"`, "</textarea>"))
		}
		if !strings.Contains(r.Body, `id="k-note" type="radio" name="kind" value="note" checked`) ||
			!strings.Contains(r.Body, "Der Textbaustein wurde an Ihren Text angefügt.") || strings.Contains(r.Body, "erneut auswählen") {
			t.Error("no-script insert lost the kind, or its notice is missing or says to choose files again (they are kept)")
		}
		if n := len(staffTicket(t, h.env, h.ten.ID, id).Messages); n != 1 {
			t.Errorf("inserting saved a message: %d messages", n)
		}
		// No module chosen: said so, and the text stays.
		r = h.staffC.PostMultipart(path+"/text-modules", map[string]string{"kind": "reply", "body": "KEEP-ME", "module": ""})
		if r.Status != 422 || !strings.Contains(r.Body, "Bitte wählen Sie einen Textbaustein zum Einfügen") || !strings.Contains(r.Body, ">KEEP-ME</textarea>") {
			t.Errorf("insert without a module: %d", r.Status)
		}
		// A module switched off meanwhile: said so, and the text stays.
		r = h.staffC.PostMultipart(path+"/text-modules", map[string]string{"body": "KEEP-ME-TOO", "module": itoa64(retired)})
		if r.Status != 422 || !strings.Contains(r.Body, "existiert nicht mehr oder ist abgeschaltet") || !strings.Contains(r.Body, ">KEEP-ME-TOO</textarea>") {
			t.Errorf("no-script insert of an inactive module: %d", r.Status)
		}
	})
}
