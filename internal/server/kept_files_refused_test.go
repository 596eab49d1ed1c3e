package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
)

// tooLongReply is a reply's text one character over the limit: a field error that
// refuses a reply whatever files it brings (files alone are a reply).
var tooLongReply = strings.Repeat("x", 20001)

// TestKeptFilesUnreadForm: a form refused before it is read (too large, or with text
// that cannot be stored) still lists the files it had kept, on the portal's new
// ticket and reply and the back office's reply, and says that files just chosen were
// not kept; none of them is.
func TestKeptFilesUnreadForm(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		tenant.SetTicketRules(context.Background(), k.env.DB, k.t.ID, tenant.TicketRules{Reopen: true, UploadLimitMB: 1})
		alice := k.as("alice@alpha.test", "alice-password")
		id := k.open(t, alice, "Drucker")
		admin := k.env.Client("desk.test")
		admin.AdminLogin("agent@desk.test", "agent-password")
		big := apptest.File{Field: "files", Name: "video.mp4", Data: make([]byte, 11<<20)}
		for _, c := range []struct {
			who         *apptest.Client
			path        string
			form        url.Values
			field, text string
		}{
			{alice, "/tickets", url.Values{"title": {""}, "body": {"Text"}, "priority": {"2"}}, "title", "Dru\x00cker"},
			// Replies take files without text: a text too long refuses them.
			{alice, "/tickets/" + itoa64(id) + "/reply", url.Values{"body": {tooLongReply}}, "body", "Text\x00"},
			{admin, "/admin/tickets/" + itoa64(id) + "/reply", url.Values{"kind": {"reply"}, "body": {tooLongReply}}, "body", "Text\x00"},
		} {
			r := c.who.PostMultipartValues(c.path, c.form, k.pdfFile("bericht.pdf"))
			ids := keptListed(r.Body)
			if r.Status != 422 || len(ids) != 1 {
				t.Fatalf("%s: %d, listed %v", c.path, r.Status, ids)
			}
			rows := k.rows(t, "1 = 1")
			c.form["staged"] = ids
			c.form.Set(c.field, c.text)
			r = c.who.PostMultipartValues(c.path, c.form, k.pngFile("foto.png"))
			if got := keptListed(r.Body); r.Status != 422 || strings.Join(got, ",") != ids[0] ||
				!strings.Contains(r.Body, "gerade ausgewählte Dateien wurden nicht übernommen") {
				t.Errorf("%s with unusable text: %d, listed %v", c.path, r.Status, got)
			}
			c.form.Set(c.field, "")
			r = c.who.PostMultipartValues(c.path, c.form, big)
			if got := keptListed(r.Body); r.Status != 422 || strings.Join(got, ",") != ids[0] || !strings.Contains(r.Body, "Der Upload ist zu groß") {
				t.Errorf("%s too large: %d, listed %v", c.path, r.Status, got)
			}
			if n := k.rows(t, "1 = 1"); n != rows {
				t.Errorf("%s: %d kept, %d before", c.path, n, rows)
			}
		}
	})
}

// TestKeptFilesNoMoreReplies: a contact's reply to a ticket closed for good (no
// reopening) cannot be sent again, so its files are not kept: neither those chosen
// now nor those it had kept (rows and stored files go), and the page says so beside
// the text given back, for a reply the ticket refused and one with a field error.
func TestKeptFilesNoMoreReplies(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		ctx := context.Background()
		tenant.SetTicketRules(ctx, k.env.DB, k.t.ID, tenant.TicketRules{Reopen: false, UploadLimitMB: 20})
		alice := k.as("alice@alpha.test", "alice-password")
		id := k.open(t, alice, "Drucker")
		path := "/tickets/" + itoa64(id) + "/reply"
		r := alice.PostMultipartValues(path, url.Values{"body": {tooLongReply}}, k.pdfFile("bericht.pdf"))
		ids := keptListed(r.Body)
		if r.Status != 422 || len(ids) != 1 {
			t.Fatalf("reply too long: %d, listed %v", r.Status, ids)
		}
		key := k.keyOf(t, ids[0])
		files := k.storedFiles(t)
		closed, _ := ticket.StatusByCode(ctx, k.env.DB, k.t.ID, ticket.CodeClosed)
		k.staffDo(t, id, func(ctx context.Context, tx *db.Tx, tk ticket.Ticket) error {
			_, err := ticket.SetStatus(ctx, tx, tk, closed.ID, staffActor, now())
			return err
		})
		const notKept = "Die ausgewählten Dateien wurden nicht behalten"
		r = alice.PostMultipartValues(path, url.Values{"body": {"Noch eine Frage."}, "staged": ids}, k.pngFile("foto.png"))
		if r.Status != 409 || !strings.Contains(r.Body, "Noch eine Frage.</textarea>") || !strings.Contains(r.Body, notKept) ||
			len(keptListed(r.Body)) != 0 {
			t.Errorf("reply to the closed ticket: %d %.600s", r.Status, r.Body)
		}
		if n := k.rows(t, "1 = 1"); n != 0 || k.stored(t, key) || k.storedFiles(t) != files-1 {
			t.Errorf("after the refused reply: %d kept, the kept file stored %v, %d files (%d before)", n, k.stored(t, key), k.storedFiles(t), files)
		}
		r = alice.PostMultipartValues(path, url.Values{"body": {tooLongReply}}, k.pngFile("foto.png"))
		if r.Status != 422 || !strings.Contains(r.Body, notKept) || k.rows(t, "1 = 1") != 0 || k.storedFiles(t) != files-1 {
			t.Errorf("reply too long to the closed ticket: %d, %d kept, %d files", r.Status, k.rows(t, "1 = 1"), k.storedFiles(t))
		}
	})
}
