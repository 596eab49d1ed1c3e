package server_test

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestSettingsModulesOnlyAvailable: the settings offer only modules that have pages in
// this version. Saving keeps the stored switches of the others as they are (nothing
// reads them), and a posted module the page does not offer is refused beside the
// field. The back office's home and the portal show nothing of them either.
func TestSettingsModulesOnlyAvailable(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH", "a.test") // every module switched on, as in old installs
		env.Staff(ten, staff.RoleAdmin, "admin@service.test", "admin-password")
		admin := env.Client("a.test")
		admin.AdminLogin("admin@service.test", "admin-password")
		page := admin.Get("/admin/settings").Body
		for _, m := range tenant.Modules {
			has := strings.Contains(page, `id="f-module-`+m+`"`)
			if has != tenant.ModuleAvailable(m) {
				t.Errorf("module %s offered: %v", m, has)
			}
		}
		if strings.Contains(page, "noch nicht verfügbar") {
			t.Errorf("the settings still speak of modules not available yet")
		}
		for _, p := range []string{"/admin", "/admin/settings"} {
			if b := admin.Get(p).Body; strings.Contains(b, "Service vor Ort") || strings.Contains(b, ">Shop<") {
				t.Errorf("%s names a module without pages", p)
			}
		}
		save := func(mods ...string) apptest.Response {
			return admin.Post("/admin/settings", url.Values{"name": {"Service GmbH"}, "language": {"de"}, "modules": mods,
				"hosts": {"a.test"}, "time_zone": {"Europe/Berlin"}})
		}
		if r := save("helpdesk", "shop"); r.Status != 422 || !strings.Contains(r.Body, `id="e-modules"`) {
			t.Errorf("a module the page does not offer: %d", r.Status)
		}
		if r := save("helpdesk"); r.Status != 303 {
			t.Fatalf("save: %d %.500s", r.Status, r.Body)
		}
		got, err := tenant.Get(context.Background(), env.DB, ten.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"helpdesk", "shop", "documents", "wallet", "fieldservice"}
		if !slices.Equal(got.Modules, want) {
			t.Errorf("modules %v, want %v (knowledge and downloads off, the rest kept)", got.Modules, want)
		}
	})
}

// TestReasonFieldsAreTextareas: the decline reason of a request and the reject reason
// of a registration are read by the customer in a mail: each is a textarea of three
// lines, a missing or too long reason is refused beside it with the text kept, line
// breaks included, and a good one reaches the mail with its lines.
func TestReasonFieldsAreTextareas(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		h := newHelpdesk(t, e)
		tid := h.open(t, h.acme, h.anna, "Paint the office")
		path := "/admin/tickets/" + itoa64(tid)
		if b := h.staffC.Get(path).Body; !strings.Contains(b, `<textarea id="f-reason" name="reason" rows="3" dir="auto" required maxlength="1000"`) {
			t.Errorf("decline reason is no textarea of three lines")
		}
		long := "Erste Zeile\r\n" + strings.Repeat("x", 1001)
		r := h.staffC.Post(path+"/decline", url.Values{"reason": {long}})
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-reason"`) || !strings.Contains(r.Body, ">Erste Zeile\r\n"+strings.Repeat("x", 1001)+"</textarea>") {
			t.Errorf("long reason: %d, error or typed text missing", r.Status)
		}
		if r := h.staffC.Post(path+"/decline", url.Values{"reason": {"Wir streichen keine Büros.\r\nBitte wenden Sie sich an einen Maler."}}); r.Status != 303 {
			t.Fatalf("decline: %d", r.Status)
		}
		if d := staffTicket(t, h.env, h.ten.ID, tid); d.DecisionReason != "Wir streichen keine Büros.\nBitte wenden Sie sich an einen Maler." {
			t.Errorf("reason stored as %q", d.DecisionReason)
		}

		// The registration's reject reason.
		env := h.env
		if err := tenant.SetFeatures(context.Background(), env.DB, h.ten.ID, []string{tenant.FeatureRegistration}); err != nil {
			t.Fatal(err)
		}
		env.App.Env.ForgetTenants()
		item := registered(t, env, env.Client("hd.test"), "rita@fremd.test", "Fremd GmbH")
		ipath := "/admin/inbox/" + id(item)
		if b := h.staffC.Get(ipath).Body; !strings.Contains(b, `<textarea id="f-reason" name="reason" rows="3"`) {
			t.Errorf("reject reason is no textarea")
		}
		r = h.staffC.Post(ipath+"/reject", url.Values{"reason": {" \r\n "}})
		if r.Status != 422 || !strings.Contains(r.Body, `id="e-reason"`) {
			t.Errorf("empty reject reason: %d", r.Status)
		}
		if r := h.staffC.Post(ipath+"/reject", url.Values{"reason": {strings.Repeat("ü", 1001)}}); r.Status != 422 ||
			!strings.Contains(r.Body, strings.Repeat("ü", 1001)+"</textarea>") {
			t.Errorf("long reject reason: %d, typed text not kept", r.Status)
		}
		if r := h.staffC.Post(ipath+"/reject", url.Values{"reason": {"Kein Vertrag.\r\nBitte rufen Sie an."}}); r.Status != 303 {
			t.Fatalf("reject: %d", r.Status)
		}
		it, err := inbox.Get(context.Background(), env.DB, h.ten.ID, item)
		if err != nil || it.Reason != "Kein Vertrag.\nBitte rufen Sie an." {
			t.Errorf("reject reason stored as %q (%v)", it.Reason, err)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'rita@fremd.test' AND text_body LIKE ?`,
			"%Kein Vertrag.\nBitte rufen Sie an.%"); n != 1 {
			t.Errorf("the mail does not carry the reason with its lines: %d", n)
		}
	})
}
