package e2e

import (
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestRoleFormAsksOnlyOnDowngrade: a main contact's role form asks before it makes the
// colleague a plain user (which signs them out), not when "main contact" is sent
// unchanged (data-confirm-when, app.js). The page's confirm is replaced by one that
// counts and says no: the unchanged role must be sent without it, the downgrade not.
func TestRoleFormAsksOnlyOnDowngrade(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		co := env.Company(ten, companyName)
		env.Contact(ten, contactEmail, contactPass, "main", co)
		env.Contact(ten, "kim@kunde.test", "kim-password-2026", "main", co)

		boss := newSession(t, browser, env.Srv.URL, "main contact")
		login(boss, contactEmail, contactPass)
		boss.open("/colleagues", "form[data-confirm-when] select")
		const refuse = `window.asked = 0; window.confirm = () => { window.asked++; return false; }; "ok"`
		boss.eval(refuse)
		boss.clickTo("form[data-confirm-when] button[type=submit]", ".flash.success")
		boss.eval(refuse)
		asked := boss.eval(`(() => {
			const f = document.querySelector("form[data-confirm-when]");
			f.querySelector("select").value = "user";
			f.querySelector("button[type=submit]").click();
			return String(window.asked);
		})()`)
		if asked != "1" {
			boss.fatalf("downgrade asked %q times, want once", asked)
		}
		if boss.path() != "/colleagues" || boss.eval(`String(document.querySelectorAll("form[data-confirm-when]").length)`) != "1" {
			boss.fatalf("the refused downgrade was sent")
		}
	})
}
