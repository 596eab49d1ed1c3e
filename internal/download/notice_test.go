package download_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// noticeWorld is tenant A with companies A1 and A2 and tenant B with B1, a contact of
// each with active portal access, and a folder "Firmware" with a subfolder in A.
type noticeWorld struct {
	ctx              context.Context
	d                *db.DB
	ta, tb           tenant.Tenant
	a1, a2, b1       int64
	anna, ben, boris principal.Contact // A1, A2, B1
	annaMembership   int64
	firmware, x200   download.Folder // x200 lies in firmware
	folderB          download.Folder
	now              time.Time
}

func noticeSetup(t *testing.T, d *db.DB) *noticeWorld {
	t.Helper()
	ctx, now := context.Background(), time.Unix(1_800_000_000, 0)
	w := &noticeWorld{ctx: ctx, d: d, now: now}
	var err error
	if w.ta, err = tenant.Create(ctx, d, "Tenant A", "de", []string{download.Module}, now); err != nil {
		t.Fatal(err)
	}
	if w.tb, err = tenant.Create(ctx, d, "Tenant B", "de", []string{download.Module}, now); err != nil {
		t.Fatal(err)
	}
	mk := func(tenantID int64, name string) int64 {
		c, err := company.Create(ctx, d, company.Company{TenantID: tenantID, Name: name}, now)
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	w.a1, w.a2, w.b1 = mk(w.ta.ID, "A1 GmbH"), mk(w.ta.ID, "A2 GmbH"), mk(w.tb.ID, "B1 AG")
	person := func(tenantID, companyID int64, first, email, lang string) (principal.Contact, int64) {
		ct, err := contact.Create(ctx, d, contact.Contact{TenantID: tenantID, FirstName: first, LastName: "Muster",
			Email: email, Language: lang}, i18n.Languages, now)
		if err != nil {
			t.Fatal(err)
		}
		m, err := contact.AddMembership(ctx, d, tenantID, ct.ID, companyID, principal.RoleUser, now)
		if err != nil {
			t.Fatal(err)
		}
		if err := contact.SetAccess(ctx, d, tenantID, m, "", contact.AccessActive, now); err != nil {
			t.Fatal(err)
		}
		return principal.Contact{TenantID: tenantID, ContactID: ct.ID, CompanyID: companyID, Role: principal.RoleUser, SessionID: 1}, m
	}
	w.anna, w.annaMembership = person(w.ta.ID, w.a1, "Anna", "anna@a1.test", "en")
	w.ben, _ = person(w.ta.ID, w.a2, "Ben", "ben@a2.test", "fr")
	w.boris, _ = person(w.tb.ID, w.b1, "Boris", "boris@b1.test", "de")
	folder := func(tenantID, parent int64, name string) download.Folder {
		fo, err := download.CreateFolder(ctx, d, download.Folder{TenantID: tenantID, ParentID: parent, Name: name}, now)
		if err != nil {
			t.Fatal(err)
		}
		return fo
	}
	w.firmware = folder(w.ta.ID, 0, "Firmware")
	w.x200 = folder(w.ta.ID, w.firmware.ID, "X200")
	w.folderB = folder(w.tb.ID, 0, "Firmware B")
	// One file for all in each tree: a contact sees (and can subscribe to) only a
	// folder holding something for their company.
	w.publish(t, w.ta.ID, "Start", w.x200.ID, nil, now)
	w.publish(t, w.tb.ID, "Start B", w.folderB.ID, nil, now)
	return w
}

// publish creates a file (companies nil: for all) and queues its notices, as the back
// office does when "notify subscribers" is ticked.
func (w *noticeWorld) publish(t *testing.T, tenantID int64, title string, folder int64, companies []int64, at time.Time) download.File {
	t.Helper()
	vis := download.VisibleAll
	if companies != nil {
		vis = download.VisibleCompanies
	}
	var f download.File
	err := w.d.InTx(w.ctx, func(tx *db.Tx) error {
		var err error
		f, err = download.Create(w.ctx, tx, download.File{TenantID: tenantID, Title: title, FolderID: folder, Visibility: vis},
			companies, version(title+".bin"), at)
		if err != nil {
			return err
		}
		_, err = download.QueueNotices(w.ctx, tx, tenantID, f.ID, f.Current.ID, at)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// revise uploads a new version of f and queues its notices.
func (w *noticeWorld) revise(t *testing.T, f download.File, name string, at time.Time) download.Version {
	t.Helper()
	var v download.Version
	err := w.d.InTx(w.ctx, func(tx *db.Tx) error {
		var err error
		if v, err = download.AddVersion(w.ctx, tx, f.TenantID, f.ID, version(name), at); err != nil {
			return err
		}
		_, err = download.QueueNotices(w.ctx, tx, f.TenantID, f.ID, v.ID, at)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (w *noticeWorld) subscribe(t *testing.T, p principal.Contact, target download.Target) {
	t.Helper()
	if err := download.Subscribe(w.ctx, w.d, p, target, w.now); err != nil {
		t.Fatalf("subscribe %+v: %v", target, err)
	}
}

func (w *noticeWorld) sweep(t *testing.T, at time.Time) int {
	t.Helper()
	n, err := download.MailNotices(w.ctx, w.d, at, func(ten tenant.Tenant) string { return "https://portal.example" })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// sent is a queued mail: recipient, subject and text.
type sent struct{ to, subject, text, html string }

func (w *noticeWorld) mails(t *testing.T) []sent {
	t.Helper()
	rows, err := w.d.Query(w.ctx, `SELECT to_addr, subject, text_body, html_body FROM mails ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []sent
	for rows.Next() {
		var m sent
		if err := rows.Scan(&m.to, &m.subject, &m.text, &m.html); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// TestNoticeRecipients: a new file in a subfolder reaches the subscribers of the folder
// above whose company may see it; a file for another company, a revoked membership and
// another tenant's contact get nothing; a new version reaches the file's subscribers
// and those of its folders, each once.
func TestNoticeRecipients(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := noticeSetup(t, d)
		forAll := w.publish(t, w.ta.ID, "Firmware 1.0", w.x200.ID, nil, w.now) // before anyone subscribed
		w.subscribe(t, w.anna, download.Target{FolderID: w.firmware.ID})
		w.subscribe(t, w.ben, download.Target{FolderID: w.firmware.ID})
		w.subscribe(t, w.ben, download.Target{FileID: forAll.ID})
		w.subscribe(t, w.boris, download.Target{FolderID: w.folderB.ID})
		// Subscribing to another tenant's folder or to a folder the company sees nothing
		// in is refused like opening it.
		if err := download.Subscribe(w.ctx, d, w.anna, download.Target{FolderID: w.folderB.ID}, w.now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("foreign tenant's folder: %v", err)
		}
		onlyA2 := w.publish(t, w.ta.ID, "Nur A2", 0, []int64{w.a2}, w.now)
		if err := download.Subscribe(w.ctx, d, w.anna, download.Target{FileID: onlyA2.ID}, w.now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another company's file: %v", err)
		}

		at := w.now.Add(time.Minute)
		w.publish(t, w.ta.ID, "Firmware 2.0", w.x200.ID, nil, at)               // both A contacts
		w.publish(t, w.ta.ID, "Preis A2", w.x200.ID, []int64{w.a2}, at)         // ben only
		w.revise(t, forAll, "firmware-1.0.1.bin", at)                           // anna (folder), ben (file and folder: once)
		w.publish(t, w.tb.ID, "Firmware B 1", w.folderB.ID, nil, at)            // boris only
		if n := w.sweep(t, at.Add(download.NoticeWindow-time.Second)); n != 0 { // still within the window
			t.Fatalf("mailed %d before the window passed", n)
		}
		if n := w.sweep(t, at.Add(download.NoticeWindow)); n != 3 {
			t.Fatalf("mailed %d digests, want 3", n)
		}
		byTo := map[string]sent{}
		for _, m := range w.mails(t) {
			byTo[m.to] = m
		}
		anna, ben, boris := byTo["anna@a1.test"], byTo["ben@a2.test"], byTo["boris@b1.test"]
		if !strings.Contains(anna.text, "Firmware 2.0") || strings.Contains(anna.text, "Preis A2") ||
			strings.Contains(anna.text, "Firmware B") || !strings.Contains(anna.text, "Firmware 1.0 – new version 2 (firmware-1.0.1.bin)") {
			t.Errorf("anna's mail:\n%s", anna.text)
		}
		if !strings.Contains(anna.subject, "A1 GmbH") || !strings.Contains(anna.text, "Hello Anna") {
			t.Errorf("anna's mail not in English for A1: %q", anna.subject)
		}
		for _, want := range []string{"Firmware 2.0", "Preis A2", "firmware-1.0.1.bin", "Bonjour Ben", "/settings/notifications"} {
			if !strings.Contains(ben.text, want) {
				t.Errorf("ben's mail lacks %q:\n%s", want, ben.text)
			}
		}
		if n := strings.Count(ben.text, "firmware-1.0.1.bin"); n != 1 {
			t.Errorf("ben's mail lists the new version %d times:\n%s", n, ben.text)
		}
		if !strings.Contains(boris.text, "Firmware B 1") || strings.Contains(boris.text, "Firmware 2.0") {
			t.Errorf("boris's mail:\n%s", boris.text)
		}
		if !strings.Contains(ben.html, `href="https://portal.example/downloads/files/`+itoa(forAll.ID)+`"`) {
			t.Errorf("ben's HTML has no link to the revised file")
		}

		// Revoked access: notices already pending and new ones stop.
		w.publish(t, w.ta.ID, "Firmware 3.0", w.firmware.ID, nil, at.Add(time.Hour))
		if err := contact.SetAccess(w.ctx, d, w.ta.ID, w.annaMembership, "", contact.AccessRevoked, at); err != nil {
			t.Fatal(err)
		}
		w.publish(t, w.ta.ID, "Firmware 4.0", w.firmware.ID, nil, at.Add(time.Hour))
		before := len(w.mails(t))
		w.sweep(t, at.Add(2*time.Hour))
		for _, m := range w.mails(t)[before:] {
			if m.to == "anna@a1.test" {
				t.Errorf("revoked contact mailed: %s", m.subject)
			}
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM download_notices`); n != 0 {
			t.Errorf("%d notices left after the sweep", n)
		}
	})
}

// TestNoticeDigest: uploads minutes apart are one digest once the last one is ten
// minutes old; an upload after the digest starts a new one; a version that replaced
// another in the window is listed once, as the newest.
func TestNoticeDigest(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := noticeSetup(t, d)
		w.subscribe(t, w.anna, download.Target{FolderID: w.firmware.ID})
		first := w.publish(t, w.ta.ID, "Handbuch", w.firmware.ID, nil, w.now)
		w.subscribe(t, w.anna, download.Target{FileID: first.ID})
		w.revise(t, first, "handbuch-v2.pdf", w.now.Add(4*time.Minute))
		w.revise(t, first, "handbuch-v3.pdf", w.now.Add(7*time.Minute))
		w.publish(t, w.ta.ID, "Preisliste", w.x200.ID, nil, w.now.Add(9*time.Minute))
		// Ten minutes after the first upload the later ones keep the digest waiting.
		if n := w.sweep(t, w.now.Add(12*time.Minute)); n != 0 {
			t.Fatalf("sent %d while uploads went on", n)
		}
		if n := w.sweep(t, w.now.Add(19*time.Minute)); n != 1 {
			t.Fatalf("sent %d digests, want 1", n)
		}
		ms := w.mails(t)
		if len(ms) != 1 {
			t.Fatalf("%d mails", len(ms))
		}
		text := ms[0].text
		if !strings.Contains(text, "Handbuch – new version 3 (handbuch-v3.pdf)") || strings.Contains(text, "handbuch-v2") ||
			!strings.Contains(text, "Preisliste – new file") || strings.Count(text, "Handbuch") != 1 {
			t.Errorf("digest:\n%s", text)
		}
		if w.sweep(t, w.now.Add(time.Hour)) != 0 {
			t.Errorf("the digest went out twice")
		}
		w.revise(t, first, "handbuch-v4.pdf", w.now.Add(2*time.Hour))
		if n := w.sweep(t, w.now.Add(2*time.Hour+download.NoticeWindow)); n != 1 || len(w.mails(t)) != 2 {
			t.Errorf("a later upload: %d digests", n)
		}
		// A deleted account: subscriptions and pending notices go.
		w.revise(t, first, "handbuch-v5.pdf", w.now.Add(3*time.Hour))
		if err := download.ForgetContact(w.ctx, d, w.ta.ID, w.anna.ContactID); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, d, `SELECT COUNT(*) FROM download_subscriptions`) + countRows(t, d, `SELECT COUNT(*) FROM download_notices`); n != 0 {
			t.Errorf("%d rows left of a forgotten contact", n)
		}
	})
}

// TestNoticeDigestMaxWait: uploads five minutes apart all afternoon do not hold the
// digest back for ever: it goes out an hour after its oldest notice, and the uploads
// after it gather in the next one.
func TestNoticeDigestMaxWait(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := noticeSetup(t, d)
		w.subscribe(t, w.anna, download.Target{FolderID: w.firmware.ID})
		sent := 0
		for i := range 21 { // an upload every five minutes for 100 minutes
			at := w.now.Add(time.Duration(5*i) * time.Minute)
			sent += w.sweep(t, at)
			if want := 0; i == 12 {
				want = 1
				if sent != want {
					t.Fatalf("after %s: %d digests, want %d", at.Sub(w.now), sent, want)
				}
			} else if i < 12 && sent != want {
				t.Fatalf("after %s: %d digests before the hour", at.Sub(w.now), sent)
			}
			w.publish(t, w.ta.ID, "Datei "+itoa(int64(i)), w.firmware.ID, nil, at)
		}
		ms := w.mails(t)
		if sent != 1 || len(ms) != 1 || !strings.Contains(ms[0].text, "Datei 11") || strings.Contains(ms[0].text, "Datei 12") {
			t.Fatalf("first digest (%d sent):\n%v", sent, ms)
		}
		if n := w.sweep(t, w.now.Add(109*time.Minute)); n != 0 {
			t.Errorf("second digest before its window passed")
		}
		if n := w.sweep(t, w.now.Add(110*time.Minute)); n != 1 {
			t.Fatalf("second digest: %d", n)
		}
		if ms := w.mails(t); len(ms) != 2 || !strings.Contains(ms[1].text, "Datei 12") || !strings.Contains(ms[1].text, "Datei 20") ||
			strings.Contains(ms[1].text, "Datei 11") {
			t.Errorf("second digest:\n%s", ms[len(ms)-1].text)
		}
	})
}

// TestNoticeOnce: two sweeps at the same moment (two instances) send each digest once.
func TestNoticeOnce(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := noticeSetup(t, d)
		w.subscribe(t, w.anna, download.Target{FolderID: w.firmware.ID})
		w.subscribe(t, w.ben, download.Target{FolderID: w.firmware.ID})
		w.subscribe(t, w.boris, download.Target{FolderID: w.folderB.ID})
		for i := range 5 {
			at := w.now.Add(time.Duration(i) * time.Minute)
			w.publish(t, w.ta.ID, "Datei "+itoa(int64(i)), w.firmware.ID, nil, at)
			w.publish(t, w.tb.ID, "Datei B "+itoa(int64(i)), w.folderB.ID, nil, at)
		}
		at := w.now.Add(time.Hour)
		var wg sync.WaitGroup
		counts := make([]int, 4)
		for i := range counts {
			wg.Go(func() {
				n, err := download.MailNotices(w.ctx, d, at, func(tenant.Tenant) string { return "https://portal.example" })
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			})
		}
		wg.Wait()
		total := 0
		for _, n := range counts {
			total += n
		}
		if total != 3 {
			t.Errorf("sweeps reported %v digests, want 3 in all", counts)
		}
		seen := map[string]int{}
		for _, m := range w.mails(t) {
			seen[m.to]++
			if n := strings.Count(m.text, "\n- "); n != 5 {
				t.Errorf("digest to %s lists %d files:\n%s", m.to, n, m.text)
			}
		}
		if len(seen) != 3 || seen["anna@a1.test"] != 1 || seen["ben@a2.test"] != 1 || seen["boris@b1.test"] != 1 {
			t.Errorf("mails per contact: %v", seen)
		}
	})
}

func countRows(t *testing.T, d *db.DB, q string) int64 {
	t.Helper()
	var n int64
	if err := d.QueryRow(context.Background(), q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestSubscriptionNameHidden: once a file a contact subscribed to is restricted to
// another company and renamed, their settings list it without its new title; a file
// still for all keeps its name.
func TestSubscriptionNameHidden(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := noticeSetup(t, d)
		secret := w.publish(t, w.ta.ID, "Price list", w.firmware.ID, nil, w.now)
		open := w.publish(t, w.ta.ID, "Manual", w.firmware.ID, nil, w.now)
		w.subscribe(t, w.anna, download.Target{FileID: secret.ID})
		w.subscribe(t, w.anna, download.Target{FileID: open.ID})
		secret.Title, secret.Visibility = "Acquisition of A1 – confidential", download.VisibleCompanies
		if err := download.Update(w.ctx, d, secret, []int64{w.a2}, w.now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		subs, err := download.ContactSubscriptions(w.ctx, d, w.ta.ID, w.anna.ContactID, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		names := map[int64]string{}
		for _, s := range subs {
			names[s.FileID] = s.Name
		}
		if len(subs) != 2 || names[secret.ID] != "" || names[open.ID] != "Manual" {
			t.Errorf("subscriptions %+v", subs)
		}
	})
}
