package outbox

import (
	"context"
	"slices"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/mail"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestSearch: the text is found in the address or the subject, in any case (beyond
// ASCII too), with LIKE's wildcards taken literally; state filters; admin-only mails
// and another tenant's mails never show to whom they are not for; an agent cannot
// find a mail by the token its subject hides from them.
func TestSearch(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := time.Now()
		a, err := tenant.Create(ctx, d, "A", "de", nil, now)
		if err != nil {
			t.Fatal(err)
		}
		b, err := tenant.Create(ctx, d, "B", "de", nil, now)
		if err != nil {
			t.Fatal(err)
		}
		const token = "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4"
		ids := map[string]int64{}
		for _, m := range []struct {
			key, to, subject string
			tenantID         int64
			adminOnly        bool
		}{
			{"anna", "Anna.Schmidt@Kunde.test", "Einladung zum Portal", a.ID, false},
			{"aerger", "bernd@kunde.test", "ÄRGER mit dem Drucker", a.ID, false},
			{"percent", "carla@kunde.test", "Rabatt 50% auf Toner", a.ID, false},
			{"underscore", "dora_x@kunde.test", "Neues Ticket", a.ID, false},
			{"staff", "neu@service.test", "Einladung ins Backoffice", a.ID, true},
			{"token", "emil@kunde.test", "Link: http://x.test/password/reset/" + token, a.ID, false},
			{"foreign", "anna.schmidt@kunde.test", "Einladung zum Portal", b.ID, false},
		} {
			queue := Queue
			if m.adminOnly {
				queue = QueueAdminOnly
			}
			if ids[m.key], err = queue(ctx, d, m.tenantID, mail.Message{To: m.to, Subject: m.subject, Text: "t", HTML: "h"}, now); err != nil {
				t.Fatal(err)
			}
		}
		d.Exec(ctx, `UPDATE mails SET state = 'failed' WHERE id = ?`, ids["percent"])
		find := func(f Filter, admin bool) []int64 {
			t.Helper()
			p, err := Search(ctx, d, a.ID, f, 0, admin, 50)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, m := range p.Mails {
				out = append(out, m.ID)
			}
			return out
		}
		for _, c := range []struct {
			name  string
			f     Filter
			admin bool
			want  []string // newest first
		}{
			{"address, any case", Filter{Query: "anna.SCHMIDT@"}, false, []string{"anna"}},
			{"domain", Filter{Query: "@kunde.test"}, true, []string{"token", "underscore", "percent", "aerger", "anna"}},
			{"subject", Filter{Query: "einladung"}, false, []string{"anna"}},
			{"admin finds the staff mail", Filter{Query: "einladung"}, true, []string{"staff", "anna"}},
			{"agent does not find it by address", Filter{Query: "neu@service.test"}, false, nil},
			{"umlaut in another case", Filter{Query: "ärger"}, false, []string{"aerger"}},
			{"percent sign literally", Filter{Query: "50%"}, false, []string{"percent"}},
			{"percent is no wildcard", Filter{Query: "t%r"}, false, nil},
			{"underscore literally", Filter{Query: "dora_x"}, false, []string{"underscore"}},
			{"underscore is no wildcard", Filter{Query: "a_schmidt"}, false, nil},
			{"state", Filter{State: "failed"}, false, []string{"percent"}},
			{"state and text", Filter{State: "queued", Query: "rabatt"}, false, nil},
			{"agent cannot probe a hidden token", Filter{Query: token[:12]}, false, nil},
			{"admin reads it", Filter{Query: token[:12]}, true, []string{"token"}},
			{"agent finds the mail by its shown subject", Filter{Query: "password/reset/"}, false, []string{"token"}},
		} {
			var want []int64
			for _, k := range c.want {
				want = append(want, ids[k])
			}
			if got := find(c.f, c.admin); !slices.Equal(got, want) {
				t.Errorf("%s: got %v, want %v (%v)", c.name, got, want, c.want)
			}
		}
		if got := find(Filter{}, false); slices.Contains(got, ids["staff"]) || slices.Contains(got, ids["foreign"]) || len(got) != 5 {
			t.Errorf("agent's outbox: %v", got)
		}
		p, _ := Search(ctx, d, a.ID, Filter{Query: "token"}, 0, false, 50)
		for _, m := range p.Mails {
			if m.Subject != Mask(m.Subject) {
				t.Errorf("agent's search result unmasked: %q", m.Subject)
			}
		}
	})
}

// TestSearchWindow: a text search reads a window of mails per page; paging on from
// where it stopped finds every match once, in order, and says how far it got.
func TestSearchWindow(t *testing.T) {
	defer func(w int) { searchWindow = w }(searchWindow)
	searchWindow = 5
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := time.Now()
		a, err := tenant.Create(ctx, d, "A", "de", nil, now)
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		for i := range 23 {
			to := "other@kunde.test"
			if i%4 == 0 {
				to = "match@kunde.test"
			}
			id, err := Queue(ctx, d, a.ID, mail.Message{To: to, Subject: "s", Text: "t", HTML: "h"}, now.Add(time.Duration(i)*time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			if i%4 == 0 {
				want = append([]int64{id}, want...)
			}
		}
		for _, limit := range []int{2, 50} {
			var got []int64
			before, pages, partial := int64(0), 0, 0
			for {
				p, err := Search(ctx, d, a.ID, Filter{Query: "MATCH"}, before, true, limit)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Mails) > limit {
					t.Fatalf("page of %d with limit %d", len(p.Mails), limit)
				}
				for _, m := range p.Mails {
					got = append(got, m.ID)
				}
				if p.Partial {
					partial++
					if p.SearchedTo.IsZero() {
						t.Errorf("a partial page does not say how far it searched")
					}
				}
				if pages++; p.Older == 0 || pages > 30 {
					break
				}
				before = p.Older
			}
			if !slices.Equal(got, want) {
				t.Errorf("limit %d: found %v, want %v", limit, got, want)
			}
			if partial == 0 {
				t.Errorf("limit %d: no page stopped at the window", limit)
			}
		}
		// Without text the window does not apply: one page holds them all.
		if p, _ := Search(ctx, d, a.ID, Filter{}, 0, true, 50); len(p.Mails) != 23 || p.Partial || p.Older != 0 {
			t.Errorf("plain list: %d mails, partial %v, older %d", len(p.Mails), p.Partial, p.Older)
		}
	})
}
