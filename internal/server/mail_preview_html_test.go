package server_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestMailTemplatePreviewHTML: the template editor's preview shows the HTML part as the
// recipient sees it, in a sandboxed frame whose page carries a strict policy of its
// own (inline styles, nothing else; framed only by our pages), rendered from the text
// as typed, escaped, not from the saved text; agents get 404; a hand-written address
// with a bad text gets the editor's message, not a server error.
func TestMailTemplatePreviewHTML(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		env.Staff(ten, staff.RoleAgent, "agent@service.test", "agent-password")
		adm, agent := env.Client(""), env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")
		agent.AdminLogin("agent@service.test", "agent-password")
		const editor = "/admin/settings/mails/invitation/de"
		if r := adm.Post(editor, invitationText("Gespeicherter Betreff")); r.Status != 303 {
			t.Fatalf("save: %d", r.Status)
		}

		typed := invitationText("Zugang für {{first_name}}")
		typed.Set("greeting", `Hallo {{first_name}}, "<script>alert(1)</script>"`)
		pv := adm.Post(editor+"/preview", typed)
		// The frame has no address of its own: a form posts the draft into it (a long
		// body in the address made a URL proxies refuse).
		frame := mustRE(`<iframe class="mail-html" sandbox="" name="mail-html" title="[^"]+"></iframe>\s*<form method="post" action="([^"]+)" target="mail-html" data-autoload>`).FindStringSubmatch(pv.Body)
		if pv.Status != 200 || frame == nil {
			t.Fatalf("preview without the sandboxed frame: %d\n%s", pv.Status, pv.Body)
		}
		src := html.UnescapeString(frame[1])
		if src != editor+"/preview/html" {
			t.Fatalf("frame form action %q", src)
		}
		posted := url.Values{}
		for _, m := range mustRE(`<input type="hidden" name="(subject|greeting|body|button)" value="([^"]*)"`).FindAllStringSubmatch(pv.Body, -1) {
			posted.Set(m[1], html.UnescapeString(m[2]))
		}
		if posted.Get("greeting") != typed.Get("greeting") {
			t.Fatalf("draft posted into the frame %v", posted)
		}
		r := adm.Post(src, posted)
		if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("HTML part: %d %q", r.Status, r.Header.Get("Content-Type"))
		}
		wantCSP := "sandbox; default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
		if got := r.Header.Get("Content-Security-Policy"); got != wantCSP {
			t.Errorf("CSP %q, want %q", got, wantCSP)
		}
		if got := r.Header.Values("X-Frame-Options"); len(got) != 1 || got[0] != "SAMEORIGIN" {
			t.Errorf("X-Frame-Options %q", got)
		}
		for _, want := range []string{"Hallo Anna, &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34;", "Firma Muster GmbH &lt;b&gt;fett&lt;/b&gt;.",
			"<title>Zugang für Anna</title>", `style="`, `<a href="http`, "Jetzt starten"} {
			if !strings.Contains(r.Body, want) {
				t.Errorf("HTML part lacks %q:\n%s", want, r.Body)
			}
		}
		if strings.Contains(r.Body, "<script>") || strings.Contains(r.Body, "<b>fett") || strings.Contains(r.Body, "Gespeicherter Betreff") {
			t.Errorf("HTML part unescaped or from the saved text:\n%s", r.Body)
		}
		// The editor's own page keeps the back office's policy.
		if csp := pv.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("editor's CSP changed: %q", csp)
		}

		// Agents: 404, for the frame as for the editor.
		if r := agent.Post(src, posted); r.Status != 404 || strings.Contains(r.Body, "Muster GmbH") {
			t.Errorf("agent gets the HTML part: %d", r.Status)
		}
		// A bad text in a hand-written address: the editor's message; unknown mails 404.
		bad := url.Values{"subject": {"S"}, "body": {"{{frist_name}}"}, "button": {"B"}}
		if r := adm.Post(editor+"/preview/html", bad); r.Status != 422 ||
			!strings.Contains(r.Body, "Die Vorschau ist erst möglich") || r.Header.Get("Content-Security-Policy") != wantCSP {
			t.Errorf("bad text: %d %s", r.Status, r.Body)
		}
		for _, p := range []string{"/admin/settings/mails/nope/de/preview/html", "/admin/settings/mails/invitation/xx/preview/html"} {
			if r := adm.Post(p, typed); r.Status != 404 {
				t.Errorf("GET %s: %d", p, r.Status)
			}
		}
		if r := adm.Post(editor+"/preview/html", url.Values{"subject": {"S"}, "greeting": {"G"}, "body": {strings.Repeat("x", 6000)}, "button": {"B"}}); r.Status != 422 {
			t.Errorf("overlong body: %d", r.Status)
		}
		// A long draft (30 KB as typed) is posted, not put into an address: within the
		// body's limit it renders.
		long := invitationText("Lang")
		long.Set("body", strings.Repeat("Ein langer Absatz. ", 200))
		if r := adm.Post(editor+"/preview/html", long); r.Status != 200 || !strings.Contains(r.Body, "Ein langer Absatz.") {
			t.Errorf("long draft: %d", r.Status)
		}
	})
}
