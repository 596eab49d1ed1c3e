package server_test

import (
	"fmt"
	"net/url"
	"slices"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestKeptFilesCappedPerForm: Alice posts the new-ticket form nine times with an empty
// title and three files, never sending the kept ids back. Each refusal keeps its files
// and, for forms that may be open in other tabs, the newest 20 (two forms' worth) of
// the earlier refusals'; the older ones are deleted (rows and stored files), so the
// last post's three and the 20 before them remain. Her kept files on a reply to a ticket (another scope) and Uwe's (another
// owner) are left alone; a post that lists its kept ids keeps them beside the new ones.
func TestKeptFilesCappedPerForm(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		k := newKeptDesk(t, newDesk(t, e))
		alice := k.as("alice@alpha.test", "alice-password")
		uwe := k.as("uwe@alpha.test", "uwe-password-1")
		form := url.Values{"title": {""}, "body": {"Leere Seiten."}, "priority": {"2"}}
		files := func(post int) []apptest.File {
			return []apptest.File{k.pdfFile(fmt.Sprintf("a%d.pdf", post)), k.pngFile(fmt.Sprintf("b%d.png", post)), k.pdfFile(fmt.Sprintf("c%d.pdf", post))}
		}
		// Uwe's refused form and Alice's refused reply keep files of their own.
		if r := uwe.PostMultipartValues("/tickets", form, k.pdfFile("uwe.pdf")); r.Status != 422 || len(keptListed(r.Body)) != 1 {
			t.Fatalf("Uwe's refused form: %d", r.Status)
		}
		ticketID := k.open(t, alice, "Anderes Ticket")
		r := alice.PostMultipartValues("/tickets/"+itoa64(ticketID)+"/reply", url.Values{"body": {tooLongReply}}, k.pdfFile("reply.pdf")) // files alone are a reply
		if r.Status != 422 || len(keptListed(r.Body)) != 1 {
			t.Fatalf("Alice's refused reply: %d, listed %v", r.Status, keptListed(r.Body))
		}
		replyKept := keptListed(r.Body)[0]

		var keys []string // the stored files of every post's kept files
		var last []string
		const posts, elsewhere = 9, 20
		for post := 1; post <= posts; post++ {
			r := alice.PostMultipartValues("/tickets", form, files(post)...)
			last = keptListed(r.Body)
			if r.Status != 422 || len(last) != 3 {
				t.Fatalf("post %d: %d, listed %v", post, r.Status, last)
			}
			for _, id := range last {
				keys = append(keys, k.keyOf(t, id))
			}
		}
		if n := k.rows(t, "contact_id = ? AND ticket_id IS NULL", k.alice); n != 3+elsewhere {
			t.Fatalf("Alice keeps %d files for new tickets, want the last post's 3 and %d more", n, elsewhere)
		}
		for _, id := range last {
			if k.rows(t, "id = ?", id) != 1 {
				t.Fatalf("the last post's kept file %s is gone", id)
			}
		}
		for i, key := range keys {
			if want := i >= len(keys)-3-elsewhere; k.stored(t, key) != want {
				t.Fatalf("file %d of %d: stored %v, want %v", i+1, len(keys), !want, want)
			}
		}
		if k.rows(t, "filename = 'uwe.pdf'") != 1 || k.rows(t, "id = ?", replyKept) != 1 {
			t.Fatalf("another owner's or another ticket's kept files were deleted")
		}

		// Sent back with the last list and one more file, all four are kept beside the
		// 20 others.
		form["staged"] = last
		r = alice.PostMultipartValues("/tickets", form, k.pngFile("d.png"))
		listed := keptListed(r.Body)
		if r.Status != 422 || len(listed) != 4 || !slices.Equal(listed[:3], last) || k.rows(t, "contact_id = ? AND ticket_id IS NULL", k.alice) != 4+elsewhere {
			t.Fatalf("listed kept files: %d, listed %v", r.Status, listed)
		}
	})
}
