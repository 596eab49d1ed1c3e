package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestDownloadSubscribe: a contact subscribes to a folder and a file (plain POST and
// htmx), sees and ends the subscriptions in the notification settings, finds them in
// the data export; ids of another company's restricted folder or file, of another
// tenant, of an empty folder or of nothing are 404 and change nothing, and so is
// another contact's subscription on the settings page.
func TestDownloadSubscribe(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var ta, tb int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&ta)
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.b1).Scan(&tb)
		manuals := seedFolder(t, w.env, ta, 0, "Handbücher")
		manual := seedDownload(t, w.env, ta, "Handbuch X200", manuals.ID, nil, []byte("für alle"))
		forA2 := seedFolder(t, w.env, ta, 0, "Ordner nur A2")
		fileA2 := seedDownload(t, w.env, ta, "Preise A2", forA2.ID, []int64{w.a2}, []byte("A2 intern"))
		empty := seedFolder(t, w.env, ta, 0, "Leerer Ordner")
		folderB := seedFolder(t, w.env, tb, 0, "Ordner Mandant B")
		fileB := seedDownload(t, w.env, tb, "Datei Mandant B", folderB.ID, nil, []byte("B"))

		alice, bob := w.env.Client("a.test"), w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		bob.Login("bob@a2.test", "bob-password-1")
		folderPath, filePath := "/downloads/folders/"+id(manuals.ID), "/downloads/files/"+id(manual.ID)

		if b := alice.Get(folderPath).Body; !strings.Contains(b, `action="`+folderPath+`/subscribe"`) {
			t.Fatalf("folder page offers no subscription")
		}
		r := alice.Post(folderPath+"/subscribe", nil)
		if r.Status != 303 || r.Location != folderPath {
			t.Fatalf("subscribe folder: %d %q", r.Status, r.Location)
		}
		if b := alice.Get(folderPath).Body; !strings.Contains(b, `action="`+folderPath+`/unsubscribe"`) {
			t.Errorf("folder page does not show the subscription")
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_subscriptions WHERE contact_id = ? AND company_id = ?
			AND folder_id = ?`, w.alice, w.a1, manuals.ID); n != 1 {
			t.Errorf("folder subscriptions: %d", n)
		}
		alice.Post(folderPath+"/subscribe", nil) // twice is once
		// htmx: the answer is the toggle alone.
		hx := fetch(t, w.env, alice, "a.test", "POST", filePath+"/subscribe", map[string]string{"HX-Request": "true"})
		if hx.Status != 200 || !strings.Contains(string(hx.Body), `action="`+filePath+`/unsubscribe"`) ||
			strings.Contains(string(hx.Body), "<html") {
			t.Errorf("htmx subscribe: %d %.300s", hx.Status, hx.Body)
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_subscriptions WHERE contact_id = ?`, w.alice); n != 2 {
			t.Errorf("alice's subscriptions: %d, want 2", n)
		}

		// Foreign and unknown ids: 404 without the names, nothing stored.
		for _, p := range []string{"/downloads/folders/" + id(forA2.ID), "/downloads/folders/" + id(empty.ID),
			"/downloads/folders/" + id(folderB.ID), "/downloads/folders/999999", "/downloads/files/" + id(fileA2.ID),
			"/downloads/files/" + id(fileB.ID), "/downloads/files/999999", "/downloads/files/abc", "/downloads/folders/-1"} {
			for _, action := range []string{"/subscribe", "/unsubscribe"} {
				if r := alice.Post(p+action, nil); r.Status != 404 || strings.Contains(r.Body, "nur A2") || strings.Contains(r.Body, "Mandant B") {
					t.Errorf("POST %s%s: %d, want 404", p, action, r.Status)
				}
			}
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_subscriptions`); n != 2 {
			t.Errorf("refused subscriptions were stored: %d rows", n)
		}

		// Settings: the list, and ending one by its id; bob's id is not alice's.
		bob.Post("/downloads/folders/"+id(forA2.ID)+"/subscribe", nil)
		bobSub := countOf(t, w.env, `SELECT id FROM download_subscriptions WHERE contact_id = ?`, w.bob)
		settings := alice.Get("/settings/notifications").Body
		if !strings.Contains(settings, "Handbücher") || !strings.Contains(settings, "Handbuch X200") || strings.Contains(settings, "nur A2") {
			t.Errorf("settings list: %.2000s", settings)
		}
		if r := alice.Post("/settings/notifications/downloads/"+id(bobSub)+"/delete", nil); r.Status != 404 {
			t.Errorf("deleting bob's subscription: %d", r.Status)
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_subscriptions WHERE contact_id = ?`, w.bob); n != 1 {
			t.Errorf("bob's subscription gone")
		}
		export := alice.Post("/account/export", nil).Body
		if !strings.Contains(export, `"download_subscriptions"`) || !strings.Contains(export, `"Handbuch X200"`) {
			t.Errorf("export lacks the subscriptions: %.3000s", export)
		}
		fileSub := countOf(t, w.env, `SELECT id FROM download_subscriptions WHERE contact_id = ? AND file_id = ?`, w.alice, manual.ID)
		r = alice.Post("/settings/notifications/downloads/"+id(fileSub)+"/delete", nil)
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/settings/notifications") {
			t.Errorf("unsubscribe in settings: %d %q", r.Status, r.Location)
		}
		if r := alice.Post(folderPath+"/unsubscribe", nil); r.Status != 303 {
			t.Errorf("unsubscribe folder: %d", r.Status)
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_subscriptions WHERE contact_id = ?`, w.alice); n != 0 {
			t.Errorf("alice still subscribes %d", n)
		}
		// Deleting the account takes the subscriptions with it.
		alice.Post(folderPath+"/subscribe", nil)
		if r := alice.Post("/account/delete", url.Values{"delete_password": {"alice-password"}}); r.Status != 303 {
			t.Fatalf("delete account: %d", r.Status)
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_subscriptions WHERE contact_id = ?`, w.alice); n != 0 {
			t.Errorf("a deleted account keeps %d subscriptions", n)
		}
	})
}

// TestDownloadNotifyUpload: staff upload into a subscribed folder with "notify
// subscribers" ticked, then a silent new version; the folder and file pages count the
// subscribers and name them for admins; the sweep after the window mails the contact
// once, with a link to the file's page and to the notification settings.
func TestDownloadNotifyUpload(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var ta int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&ta)
		folder := seedFolder(t, w.env, ta, 0, "Firmware")
		seedDownload(t, w.env, ta, "Firmware 1.0", folder.ID, nil, []byte("v1"))
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		if r := alice.Post("/downloads/folders/"+id(folder.ID)+"/subscribe", nil); r.Status != 303 {
			t.Fatalf("subscribe: %d", r.Status)
		}

		staff := w.env.Client("a.test")
		staff.AdminLogin("admin@a.test", "admin-a-password")
		if b := staff.Get("/admin/downloads/files/new?folder=" + id(folder.ID)).Body; !strings.Contains(b, `name="notify" value="1" checked`) {
			t.Errorf("upload form: notify not ticked by default")
		}
		if b := staff.Get("/admin/downloads?folder=" + id(folder.ID)).Body; !strings.Contains(b, "1 Kontakt") || !strings.Contains(b, "A1 GmbH") {
			t.Errorf("folder page: no subscriber count or names")
		}
		r := staff.PostMultipart("/admin/downloads/files", map[string]string{"title": "Firmware 2.0", "visibility": "all",
			"folder_id": id(folder.ID), "notify_shown": "1", "notify": "1"},
			apptest.File{Field: "file", Name: "fw-2.0.bin", Data: []byte("v2")})
		if r.Status != 303 {
			t.Fatalf("upload: %d %.300s", r.Status, r.Body)
		}
		fileID := idAfter(t, r.Location, "/admin/downloads/files/")
		// A silent fix: the box unticked.
		r = staff.PostMultipart("/admin/downloads/files/"+id(fileID)+"/versions", map[string]string{"notify_shown": "1"},
			apptest.File{Field: "file", Name: "fw-2.0-fixed.bin", Data: []byte("v2 fixed")})
		if r.Status != 303 {
			t.Fatalf("silent version: %d %.300s", r.Status, r.Body)
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_notices WHERE contact_id = ?`, w.alice); n != 1 {
			t.Errorf("pending notices: %d, want 1 (the silent version adds none)", n)
		}
		mails := func() int64 {
			return countOf(t, w.env, `SELECT COUNT(*) FROM mails WHERE to_addr = 'alice@a1.test'`)
		}
		before := mails()
		w.env.App.Automate(context.Background(), time.Now().Add(5*time.Minute))
		if mails() != before {
			t.Errorf("mailed within the window")
		}
		w.env.App.Automate(context.Background(), time.Now().Add(11*time.Minute))
		w.env.App.Automate(context.Background(), time.Now().Add(12*time.Minute))
		if mails() != before+1 {
			t.Fatalf("mails to alice: %d, want %d", mails(), before+1)
		}
		var subject, text string
		w.env.DB.QueryRow(t.Context(), `SELECT subject, text_body FROM mails WHERE to_addr = 'alice@a1.test' ORDER BY id DESC`).Scan(&subject, &text)
		if !strings.Contains(subject, "A1 GmbH") || !strings.Contains(text, "/downloads/files/"+id(fileID)) ||
			!strings.Contains(text, "/settings/notifications") || !strings.Contains(text, "Firmware 2.0") {
			t.Errorf("mail %q:\n%s", subject, text)
		}
	})
}

// TestDownloadSubscribePreview: staff previewing the portal as a contact cannot
// subscribe for them.
func TestDownloadSubscribePreview(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var ta int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&ta)
		folder := seedFolder(t, w.env, ta, 0, "Firmware")
		f := seedDownload(t, w.env, ta, "Firmware 1.0", folder.ID, nil, []byte("v1"))
		staff := w.env.Client("a.test")
		staff.AdminLogin("admin@a.test", "admin-a-password")
		if r := staff.Post("/admin/contacts/"+id(w.alice)+"/preview", url.Values{"company_id": {id(w.a1)}}); r.Status != 303 {
			t.Fatalf("start preview: %d", r.Status)
		}
		if r := staff.Get("/downloads/folders/" + id(folder.ID)); r.Status != 200 {
			t.Fatalf("folder in preview: %d", r.Status)
		}
		for _, p := range []string{"/downloads/folders/" + id(folder.ID) + "/subscribe", "/downloads/files/" + id(f.ID) + "/subscribe"} {
			if r := staff.Post(p, nil); r.Status != 403 {
				t.Errorf("POST %s in preview: %d, want 403", p, r.Status)
			}
		}
		if n := countOf(t, w.env, `SELECT COUNT(*) FROM download_subscriptions`); n != 0 {
			t.Errorf("preview subscribed: %d", n)
		}
	})
}

// TestDownloadNoticeTemplate: the digest is a mail a tenant rewords in the back office:
// the editor lists its placeholders, the preview fills in sample data, and a saved
// wording is what the next digest says, still with the list of new files after it.
func TestDownloadNoticeTemplate(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := build(t, e)
		var ta int64
		w.env.DB.QueryRow(t.Context(), `SELECT tenant_id FROM companies WHERE id = ?`, w.a1).Scan(&ta)
		adm := w.env.Client("a.test")
		adm.AdminLogin("admin@a.test", "admin-a-password")
		editor := "/admin/settings/mails/download_notice/en"
		page := adm.Get(editor)
		for _, want := range []string{"<code>{{files}}</code>", "<code>{{count}}</code>", "<code>{{company}}</code>", "{{first_name}}"} {
			if page.Status != 200 || !strings.Contains(page.Body, want) {
				t.Fatalf("editor %d lacks %q", page.Status, want)
			}
		}
		text := url.Values{"subject": {"{{count}} new for {{company}}"}, "greeting": {"Hi {{first_name}},"},
			"body": {"New: {{files}}"}, "button": {"See them"}}
		pv := adm.Post(editor+"/preview", text)
		if pv.Status != 200 || !strings.Contains(pv.Body, "2 new for Muster GmbH") || !strings.Contains(pv.Body, "New: Firmware X200 3.2, Price list 2027") {
			t.Fatalf("preview: %d %.2000s", pv.Status, pv.Body)
		}
		if r := adm.Post(editor, text); r.Status != 303 {
			t.Fatalf("save: %d %.500s", r.Status, r.Body)
		}
		w.env.DB.Exec(t.Context(), `UPDATE contacts SET language = 'en' WHERE id = ?`, w.alice)
		folder := seedFolder(t, w.env, ta, 0, "Firmware")
		seedDownload(t, w.env, ta, "Firmware 1.0", folder.ID, nil, []byte("v1"))
		alice := w.env.Client("a.test")
		alice.Login("alice@a1.test", "alice-password")
		alice.Post("/downloads/folders/"+id(folder.ID)+"/subscribe", nil)
		r := adm.PostMultipart("/admin/downloads/files", map[string]string{"title": "Firmware 2.0", "visibility": "all",
			"folder_id": id(folder.ID), "notify_shown": "1", "notify": "1"},
			apptest.File{Field: "file", Name: "fw-2.0.bin", Data: []byte("v2")})
		if r.Status != 303 {
			t.Fatalf("upload: %d", r.Status)
		}
		w.env.App.Automate(context.Background(), time.Now().Add(11*time.Minute))
		var subject, body string
		w.env.DB.QueryRow(t.Context(), `SELECT subject, text_body FROM mails WHERE to_addr = 'alice@a1.test' ORDER BY id DESC`).Scan(&subject, &body)
		if subject != "1 new for A1 GmbH" || !strings.Contains(body, "New: Firmware 2.0") || !strings.Contains(body, "- Firmware 2.0 – new file (fw-2.0.bin)") {
			t.Errorf("mail %q:\n%s", subject, body)
		}
	})
}
