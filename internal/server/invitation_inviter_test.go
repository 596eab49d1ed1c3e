package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/testutil"
)

// TestInvitationNamesInviter: an invitation says who sent it. Staff granting access
// are named by their name; a main contact inviting a colleague by theirs, both for a
// newcomer (mail.invitation) and for someone who already has a password
// (mail.colleague_invitation). The template editor lists {{inviter}} with its
// description and fills in a sample in the preview; a tenant's own invitation text
// written before {{inviter}} existed still goes out as written.
func TestInvitationNamesInviter(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		boss := env.Staff(ten, staff.RoleAdmin, "boss@service.test", "boss-password")
		co, other := env.Company(ten, "Müller Haustechnik GmbH"), env.Company(ten, "Andere AG")
		chefin := env.Contact(ten, "chefin@mueller.test", "chefin-password", "main", co)
		anna := env.Contact(ten, "anna@mueller.test", "", "user", co)
		env.Contact(ten, "ext@andere.test", "ext-password", "user", other)
		for q, id := range map[string]int64{
			`UPDATE staff SET name = 'Maria Berger' WHERE id = ?`:                         boss.ID,
			`UPDATE contacts SET first_name = 'Clara', last_name = 'Chefin' WHERE id = ?`: chefin.ID,
		} {
			if _, err := env.DB.Exec(ctx, q, id); err != nil {
				t.Fatal(err)
			}
		}
		adm := env.Client("")
		adm.AdminLogin("boss@service.test", "boss-password")

		// Staff grant access: the newcomer reads who set up the account.
		grantAll(t, env, adm, ten.ID, anna.ID)
		_, text, htm := lastMail(t, env, "anna@mueller.test")
		const byStaff = "Maria Berger hat für Sie einen Zugang zum Kundenportal von Service GmbH für die Firma Müller Haustechnik GmbH eingerichtet."
		if !strings.Contains(text, byStaff) || !strings.Contains(htm, "Maria Berger hat für Sie") {
			t.Errorf("staff's invitation does not name them:\n%s", text)
		}

		// A main contact invites a newcomer and someone with a password elsewhere.
		c := env.Client("")
		c.Login("chefin@mueller.test", "chefin-password")
		for _, f := range []url.Values{
			{"first_name": {"Nina"}, "last_name": {"Neu"}, "email": {"nina@mueller.test"}, "role": {"user"}},
			{"first_name": {"Ext"}, "last_name": {"Erna"}, "email": {"ext@andere.test"}, "role": {"user"}},
		} {
			if r := c.Post("/colleagues", f); r.Status != 303 {
				t.Fatalf("invite %s: %d %.500s", f.Get("email"), r.Status, r.Body)
			}
		}
		if _, text, _ := lastMail(t, env, "nina@mueller.test"); !strings.Contains(text,
			"Clara Chefin hat für Sie einen Zugang zum Kundenportal von Service GmbH für die Firma Müller Haustechnik GmbH eingerichtet.") {
			t.Errorf("a colleague's invitation does not name the main contact:\n%s", text)
		}
		if _, text, _ := lastMail(t, env, "ext@andere.test"); !strings.Contains(text,
			"Clara Chefin hat Sie im Kundenportal von Service GmbH zur Firma Müller Haustechnik GmbH eingeladen.") {
			t.Errorf("the invitation to accept with a password does not name the main contact:\n%s", text)
		}

		// The editor offers the placeholder, described, and the preview fills it in.
		for _, mail := range []string{"invitation", "colleague_invitation"} {
			ed := "/admin/settings/mails/" + mail + "/de"
			page := adm.Get(ed)
			if page.Status != 200 || !strings.Contains(page.Body, "<code>{{inviter}}</code>") ||
				!strings.Contains(page.Body, "Wer eingeladen hat") || !strings.Contains(page.Body, "{{inviter}} ha") {
				t.Errorf("%s editor: %d, no {{inviter}} listed or in the starting text", mail, page.Status)
			}
			pv := adm.Post(ed+"/preview", url.Values{"subject": {"Einladung"}, "greeting": {"Hallo {{first_name}},"},
				"body": {"{{inviter}} lädt Sie ein."}, "button": {"Los"}})
			if pv.Status != 200 || !strings.Contains(pv.Body, "Maria Berger lädt Sie ein.") {
				t.Errorf("%s preview: %d, no sample inviter", mail, pv.Status)
			}
		}

		// A tenant's text written without {{inviter}} still works as written.
		if r := adm.Post("/admin/settings/mails/invitation/de", url.Values{"subject": {"Willkommen bei {{portal}}"},
			"greeting": {"Hallo {{first_name}},"}, "body": {"Ihr Zugang für {{company}}: {{link}}"}, "button": {"Start"}}); r.Status != 303 {
			t.Fatalf("save: %d %.500s", r.Status, r.Body)
		}
		bert := env.Contact(ten, "bert@mueller.test", "", "user", co)
		grantAll(t, env, adm, ten.ID, bert.ID)
		subject, text, _ := lastMail(t, env, "bert@mueller.test")
		if subject != "Willkommen bei Service GmbH" || !strings.Contains(text, "Ihr Zugang für Müller Haustechnik GmbH: http") ||
			strings.Contains(text, "Maria Berger") {
			t.Errorf("own text: %q\n%s", subject, text)
		}
	})
}
