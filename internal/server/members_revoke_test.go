package server_test

import (
	"html"
	"strings"
	"testing"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/testutil"
)

// TestRevokeAsksByName: the question before revoking portal access names the contact
// and the company on the company page and on the contact page (a row's buttons look
// like the next row's), and warns when the company's only active main contact loses
// access.
func TestRevokeAsksByName(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		de := i18n.For("de")
		anna := map[string]any{"Name": "Test anna@acme.test", "Company": "Acme AG"}
		bernd := map[string]any{"Name": "Test bernd@acme.test", "Company": "Acme AG"}
		last := html.EscapeString(de.T("staff_walk.revoke_last_confirm", anna))
		plain := html.EscapeString(de.T("admin.members.revoke_confirm", bernd))
		if !strings.Contains(last, "Test anna@acme.test") || !strings.Contains(plain, "Acme AG") {
			t.Fatalf("the questions name nobody: %q, %q", last, plain)
		}
		company := h.staffC.Get("/admin/companies/" + itoa64(h.acme.ID)).Body
		if !strings.Contains(company, `data-confirm="`+last+`"`) || !strings.Contains(company, `data-confirm="`+plain+`"`) {
			t.Errorf("company page: no named revoke questions")
		}
		if page := h.staffC.Get("/admin/contacts/" + itoa64(h.anna.ID)).Body; !strings.Contains(page, `data-confirm="`+last+`"`) {
			t.Errorf("contact page: the last main contact's revoke does not warn")
		}
		h.env.Contact(h.ten, "zweite@acme.test", "zweite-password-1", "main", h.acme)
		page := h.staffC.Get("/admin/contacts/" + itoa64(h.anna.ID)).Body
		if strings.Contains(page, last) || !strings.Contains(page, html.EscapeString(de.T("admin.members.revoke_confirm", anna))) {
			t.Errorf("with a second main contact the question still warns of none left")
		}
	})
}
