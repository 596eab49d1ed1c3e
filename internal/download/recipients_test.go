package download_test

import (
	"testing"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/testutil"
)

// TestVersionRecipientCount: a file's page counts everyone a new version is sent to —
// the file's subscribers and those of the folders it is in, each contact once per
// company — with the conditions of the notices: a company that may not see the file, a
// revoked membership and another tenant's subscribers are not counted. The count is
// what QueueNotices then queues.
func TestVersionRecipientCount(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		w := noticeSetup(t, d)
		forAll := w.publish(t, w.ta.ID, "Firmware 1.0", w.x200.ID, nil, w.now)
		onlyA2 := w.publish(t, w.ta.ID, "Preis A2", w.x200.ID, []int64{w.a2}, w.now)
		top := w.publish(t, w.ta.ID, "Handbuch", 0, nil, w.now)
		count := func(f download.File) int {
			t.Helper()
			n, err := download.VersionRecipientCount(w.ctx, d, w.ta.ID, f.ID)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := count(forAll); n != 0 {
			t.Errorf("nobody subscribed yet: %d", n)
		}
		w.subscribe(t, w.anna, download.Target{FolderID: w.firmware.ID}) // the folder above
		w.subscribe(t, w.ben, download.Target{FolderID: w.x200.ID})      // the file's folder …
		w.subscribe(t, w.ben, download.Target{FileID: forAll.ID})        // … and the file: once
		w.subscribe(t, w.boris, download.Target{FolderID: w.folderB.ID}) // another tenant
		if n := count(forAll); n != 2 {
			t.Errorf("file in a followed folder: %d recipients, want 2", n)
		}
		list, err := download.VersionRecipients(w.ctx, d, w.ta.ID, forAll.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].Name != "Anna Muster" || list[0].Company != "A1 GmbH" ||
			list[1].Name != "Ben Muster" || list[1].Company != "A2 GmbH" {
			t.Errorf("recipients: %+v", list)
		}
		if n := count(onlyA2); n != 1 { // anna's company may not see it
			t.Errorf("file for A2 only: %d recipients, want 1", n)
		}
		if n := count(top); n != 0 {
			t.Errorf("file at the top level: %d recipients", n)
		}
		if _, err := download.VersionRecipientCount(w.ctx, d, w.tb.ID, forAll.ID); err == nil {
			t.Error("another tenant's file counted")
		}

		// What the page says is what goes out.
		v := w.revise(t, forAll, "firmware-1.0.1.bin", w.now)
		queued := countRows(t, d, `SELECT COUNT(*) FROM download_notices WHERE version_id = `+itoa(v.ID))
		if queued != 2 {
			t.Errorf("queued %d notices, the page said 2", queued)
		}

		if err := contact.SetAccess(w.ctx, d, w.ta.ID, w.annaMembership, "", contact.AccessRevoked, w.now); err != nil {
			t.Fatal(err)
		}
		if n := count(forAll); n != 1 {
			t.Errorf("after anna's access was revoked: %d recipients, want 1", n)
		}
	})
}
