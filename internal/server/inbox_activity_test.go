package server_test

import (
	"context"
	"html"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/inbox"
	"pforte/internal/testutil"
)

// inboxRowLink finds the item links of the inbox list's rows, in order.
var inboxRowLink = regexp.MustCompile(`<td class="subject"[^>]*><a href="/admin/inbox/(\d+)"`)

// olderPage finds the list's link to its next page.
var olderPage = regexp.MustCompile(`<a href="(/admin/inbox\?[^"]+)" rel="next"`)

// TestInboxListByActivity: the open inbox lists items by their last activity. An old
// mail is on the second page, behind 55 newer items that all arrived in one second;
// paging shows every item once. Staff reading it moves nothing; a stranger's answer to
// staff's reply (the item was handled) opens it at the top of the first page, and so
// does reopening a done item.
func TestInboxListByActivity(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		b := newBlockDesk(t, e)
		ctx := context.Background()
		lena := inboxMail(t, b.desk, b.addr, "Lena Lang <lena@anderefirma.example>", "support@desk.test", "Frage zu Wartung",
			"Bieten Sie Wartungsverträge an?", "")
		past := time.Now().Add(-2 * time.Hour).Unix()
		if _, err := b.env.DB.Exec(ctx, `UPDATE inbox_items SET created_at = ?, active_at = ? WHERE id = ?`, past, past, lena); err != nil {
			t.Fatal(err)
		}
		hour := time.Now().Add(-time.Hour)
		var fillers []int64
		for i := range 55 {
			id, err := inbox.Create(ctx, b.env.DB, inbox.Item{TenantID: b.t.ID, Kind: inbox.KindAccountDeleted,
				Title: "Konto gelöscht " + strconv.Itoa(i), Email: "weg" + strconv.Itoa(i) + "@alpha.test"}, map[string]string{}, hour)
			if err != nil {
				t.Fatal(err)
			}
			fillers = append(fillers, id)
		}
		// walk reads the open list page by page and returns the items in order.
		walk := func() []int64 {
			t.Helper()
			var out []int64
			for path, pages := "/admin/inbox", 0; path != "" && pages < 5; pages++ {
				body := b.admin.Get(path).Body
				for _, m := range inboxRowLink.FindAllStringSubmatch(body, -1) {
					id, _ := strconv.ParseInt(m[1], 10, 64)
					out = append(out, id)
				}
				path = ""
				if m := olderPage.FindStringSubmatch(body); m != nil {
					path = html.UnescapeString(m[1])
				}
			}
			return out
		}
		want := append(slices.Clone(fillers), lena)
		slices.Reverse(want[:len(fillers)])
		if got := walk(); !slices.Equal(got, want) {
			t.Fatalf("open list by activity, paged:\n got %v\nwant %v", got, want)
		}
		path := "/admin/inbox/" + id(lena)
		b.admin.Get(path)
		if got := walk(); got[len(got)-1] != lena {
			t.Errorf("reading the item moved it: %v", got)
		}

		// Staff answer (the item is handled), the stranger answers back.
		if r := b.admin.Post(path+"/reply", map[string][]string{"reply": {"Ja, ab 12 Geräten."}}); r.Status != 303 {
			t.Fatalf("reply: %d", r.Status)
		}
		if got := walk(); slices.Contains(got, lena) {
			t.Fatal("a handled item in the open list")
		}
		_, p := b.item(t, lena)
		var ours string
		b.env.DB.QueryRow(ctx, `SELECT message_id FROM mails WHERE id = ?`, p.ReplyMailID).Scan(&ours)
		if err := sendRaw(b.addr, "lena@anderefirma.example", "support@desk.test", "From: Lena Lang <lena@anderefirma.example>\n"+
			"To: support@desk.test\nSubject: Re: Frage zu Wartung\nMessage-ID: <lena-2@anderefirma.example>\nIn-Reply-To: <"+ours+">\n"+
			"Content-Type: text/plain; charset=utf-8\n\nWir haben 15 Geräte.\n"); err != nil {
			t.Fatal(err)
		}
		if got := walk(); len(got) != 56 || got[0] != lena {
			t.Errorf("answered item not at the top: %v", got)
		}

		// A notice marked done and reopened comes to the top as well.
		done := fillers[3]
		if err := inbox.Handle(ctx, b.env.DB, b.t.ID, done, inbox.StateDone, inbox.By{Name: "Agent"}, "", time.Now()); err != nil {
			t.Fatal(err)
		}
		if r := b.admin.Post("/admin/inbox/"+id(done)+"/reopen", nil); r.Status != 303 {
			t.Fatalf("reopen: %d", r.Status)
		}
		if got := walk(); len(got) != 56 || got[0] != done || got[1] != lena {
			t.Errorf("reopened item not at the top: %v", got[:3])
		}
	})
}
