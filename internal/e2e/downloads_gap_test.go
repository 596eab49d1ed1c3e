package e2e

import (
	"bytes"
	"context"
	"strconv"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/testutil"
)

// downloadsGapJS is the space in px between the bottom of the folder cards and the
// top of the "files" heading below them, or a note when either is missing.
const downloadsGapJS = `(() => {
	const tiles = document.querySelector("section[aria-labelledby=folders-h] .tiles");
	const h = document.getElementById("files-h");
	if (!tiles || !h) return "missing " + (tiles ? "files heading" : "folder list");
	return String(Math.round(h.getBoundingClientRect().top - tiles.getBoundingClientRect().bottom));
})()`

// TestDownloadsFolderGap: on a 375 px phone in Hebrew, the portal's downloads page puts
// space between the last folder card and the "files" heading below it.
func TestDownloadsFolderGap(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		ctx := context.Background()
		env := apptest.Start(t, e)
		ten := env.Tenant("Demo Service GmbH")
		ct := env.Contact(ten, contactEmail, contactPass, "main", env.Company(ten, companyName))
		if err := contact.SetLanguage(ctx, env.DB, ten.ID, ct.ID, "he"); err != nil {
			t.Fatal(err)
		}
		folder, err := download.CreateFolder(ctx, env.DB, download.Folder{TenantID: ten.ID, Name: "חוזים"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		for i, in := range []int64{folder.ID, 0} { // one file in the folder, one beside it
			st, err := env.App.Env.Files.Put(bytes.NewReader([]byte("file "+strconv.Itoa(i))), 0)
			if err != nil {
				t.Fatal(err)
			}
			err = env.DB.InTx(ctx, func(tx *db.Tx) error {
				_, err := download.Create(ctx, tx, download.File{TenantID: ten.ID, Title: "מדריך " + strconv.Itoa(i), FolderID: in,
					Visibility: download.VisibleAll}, nil, download.Version{Key: st.Key, Name: "guide.txt", Size: st.Size,
					Type: st.Type, SHA256: st.SHA256}, time.Now())
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		browser := startBrowser(t)
		c := newSession(t, browser, env.Srv.URL, "contact")
		login(c, contactEmail, contactPass)
		c.setViewport(phone)
		c.open("/downloads", "#files-h")
		c.expectLang("he")
		c.viewportShot(artifactDir(t), "downloads-gap-he-"+string(e))
		gap, err := strconv.Atoi(c.eval(downloadsGapJS))
		if err != nil || gap <= 0 {
			c.fatalf("space between the folder cards and the files heading: %q px, want more than 0", c.eval(downloadsGapJS))
		}
	})
}
