package server_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestAlreadySoIsInfo: an answer that says it was so already — the contact already
// has this role, the company was archived already —
// changed nothing and used to be shown green, like a success. It is shown as neutral
// information now; a real change stays a success.
func TestAlreadySoIsInfo(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		co := env.Company(ten, "Acme GmbH")
		anna := env.Contact(ten, "anna@acme.test", "anna-password", "user", co)
		c := env.Client("")
		c.AdminLogin("boss@service.test", "boss-password")
		de := i18n.For("de")
		info := func(page, id string) bool {
			return strings.Contains(page, `<div class="flash info" role="status">`+html.EscapeString(de.T(id))+`</div>`)
		}

		grant := "/admin/memberships/" + itoa64(memberships(t, env, ten.ID, anna.ID)[0]) + "/grant"
		if page := follow(t, c, grant, url.Values{"role": {"user"}}); !info(page, "admin.members.role_unchanged") || strings.Contains(page, `class="flash success"`) {
			t.Errorf("granting the role the contact has: not shown as information")
		}
		archive := "/admin/companies/" + itoa64(co.ID) + "/archive"
		if page := follow(t, c, archive, nil); !strings.Contains(page, `class="flash success"`) {
			t.Errorf("archiving the company: not shown as a success")
		}
		if page := follow(t, c, archive, nil); !info(page, "company_archive.already_archived") || strings.Contains(page, `class="flash success"`) {
			t.Errorf("archiving the archived company again: not shown as information")
		}

	})
}
