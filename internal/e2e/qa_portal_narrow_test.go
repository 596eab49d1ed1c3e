package e2e

import (
	"context"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// clippedPickers names the role pickers on the page narrower than their chosen role
// needs: each is measured against a copy of itself at its natural width.
const clippedPickers = `(() => {
	const out = [];
	for (const sel of document.querySelectorAll("main td.row-actions select")) {
		const copy = sel.cloneNode(true);
		copy.style.cssText = "position:absolute;visibility:hidden;flex:none;inline-size:auto";
		sel.parentNode.appendChild(copy);
		const need = copy.getBoundingClientRect().width;
		copy.remove();
		const have = sel.getBoundingClientRect().width;
		if (have + 1 < need) out.push(sel.id + " " + Math.round(have) + "<" + Math.round(need));
	}
	return out.join(", ");
})()`

// TestColleagueRolePickerOnPhone: on a phone the colleague list's role picker shows the
// whole role. Squeezed beside "Modifier le rôle" the French "Contact principal" was cut
// to "Contact princ"; now the button goes below when both do not fit.
func TestColleagueRolePickerOnPhone(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		browser := startBrowser(t)
		ten := env.Tenant("Demo Service GmbH")
		co := env.Company(ten, companyName)
		boss := env.Contact(ten, contactEmail, contactPass, "main", co)
		env.Contact(ten, "thomas@kunde.test", "thomas-password-2026", "main", co)
		if _, err := env.DB.Exec(context.Background(), `UPDATE contacts SET language = 'fr' WHERE id = ?`, boss.ID); err != nil {
			t.Fatal(err)
		}
		s := newSession(t, browser, env.Srv.URL, "main contact")
		login(s, contactEmail, contactPass)
		s.setViewport(phone)
		s.open("/colleagues", "main td.row-actions select")
		s.expectLang("fr")
		if got := s.eval(clippedPickers); got != "" {
			s.fatalf("role pickers cut off on a phone: %s", got)
		}
	})
}
