package ticket_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"pforte/internal/company"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/ticket"
	"pforte/internal/validate"
)

// TestRatingPerResolution: the opener rates a resolved ticket once per resolution and
// may change that rating while it stays done (resolved → closed is the same
// resolution); reopening and resolving again starts a new resolution with its own
// rating, and every rating is kept. Nobody else rates, an open ticket is not rated,
// the ticket's status and activity stay as they were, and the queue filters by the
// newest rating. A merged ticket is not rated.
func TestRatingPerResolution(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx, now := context.Background(), time.Now().Truncate(time.Second)
		ten, err := tenant.Create(ctx, d, "Service GmbH", "de", tenant.Modules, now)
		if err != nil {
			t.Fatal(err)
		}
		co, err := company.Create(ctx, d, company.Company{TenantID: ten.ID, Name: "Acme"}, now)
		if err != nil {
			t.Fatal(err)
		}
		ct, err := contact.Create(ctx, d, contact.Contact{TenantID: ten.ID, FirstName: "Anna", LastName: "Amsel", Email: "anna@acme.test"}, i18n.Languages, now)
		if err != nil {
			t.Fatal(err)
		}
		id, err := ticket.Create(ctx, d, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: ct.ID, Author: "Anna",
			Title: "Printer", Body: "broken"}, now)
		if err != nil {
			t.Fatal(err)
		}
		other, err := ticket.Create(ctx, d, ticket.New{TenantID: ten.ID, CompanyID: co.ID, ContactID: ct.ID, Author: "Anna",
			Title: "Never rated", Body: "x"}, now)
		if err != nil {
			t.Fatal(err)
		}
		load := func() ticket.Ticket {
			t.Helper()
			tk, err := ticket.ForStaff(ctx, d, ten.ID, id)
			if err != nil {
				t.Fatal(err)
			}
			return tk
		}
		move := func(code string) {
			t.Helper()
			st, err := ticket.StatusByCode(ctx, d, ten.ID, code)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ticket.SetStatus(ctx, d, load(), st.ID, ticket.Actor{Name: "Staff"}, now); err != nil {
				t.Fatal(err)
			}
		}
		rate := func(value, comment string) error {
			return ticket.Rate(ctx, d, load(), ct.ID, value, comment, now)
		}

		if err := rate(ticket.RatingGood, ""); !errors.Is(err, ticket.ErrNotDone) {
			t.Fatalf("open ticket rated: %v", err)
		}
		move(ticket.CodeResolved)
		if err := ticket.Rate(ctx, d, load(), ct.ID+1000, ticket.RatingGood, "", now); !errors.Is(err, ticket.ErrNotOpener) {
			t.Fatalf("someone else rated: %v", err)
		}
		var ve validate.Errors
		if err := rate("great", ""); !errors.As(err, &ve) || ve["rating"].ID == "" {
			t.Fatalf("unknown value: %v", err)
		}
		if err := rate(ticket.RatingBad, strings.Repeat("x", ticket.MaxRatingComment+1)); !errors.As(err, &ve) || ve["comment"].ID == "" {
			t.Fatalf("long comment: %v", err)
		}
		if err := rate(ticket.RatingBad, "slow"); err != nil {
			t.Fatal(err)
		}
		move(ticket.CodeClosed) // still the first resolution
		before := load()
		// An hour later: a rating is no activity, so updated_at stays.
		if err := ticket.Rate(ctx, d, before, ct.ID, ticket.RatingGood, "fine after all\nthanks", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		after := load()
		if after.Status.ID != before.Status.ID || !after.UpdatedAt.Equal(before.UpdatedAt) || after.Billed != before.Billed {
			t.Errorf("rating changed the ticket: %+v → %+v", before, after)
		}
		list, err := ticket.Ratings(ctx, d, ten.ID, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].Value != ticket.RatingGood || list[0].Comment != "fine after all\nthanks" || list[0].ContactName != "Anna Amsel" {
			t.Fatalf("after change: %+v", list)
		}

		// Reopened, the old rating is no longer the current one; resolved again, it is
		// rated anew and both stay.
		if err := ticket.Reopen(ctx, d, load(), true, ticket.Actor{Name: "Anna", ContactID: ct.ID}, now); err != nil {
			t.Fatal(err)
		}
		if _, err := ticket.CurrentRating(ctx, d, load()); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("reopened ticket has a current rating: %v", err)
		}
		if err := rate(ticket.RatingGood, ""); !errors.Is(err, ticket.ErrNotDone) {
			t.Errorf("reopened ticket rated: %v", err)
		}
		move(ticket.CodeResolved)
		if err := rate(ticket.RatingBad, "broke again"); err != nil {
			t.Fatal(err)
		}
		list, _ = ticket.Ratings(ctx, d, ten.ID, id)
		if len(list) != 2 || list[0].Resolution != 2 || list[0].Value != ticket.RatingBad || list[1].Resolution != 1 || list[1].Value != ticket.RatingGood {
			t.Fatalf("two resolutions: %+v", list)
		}
		if cur, err := ticket.CurrentRating(ctx, d, load()); err != nil || cur.Resolution != 2 {
			t.Errorf("current: %+v %v", cur, err)
		}

		// The queue filters by the newest rating.
		for want, ids := range map[string][]int64{ticket.RatingBad: {id}, ticket.RatingGood: nil, "none": {other}} {
			got, _, err := ticket.Queue(ctx, d, ten.ID, ticket.Filter{State: "all", Rating: want})
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs []int64
			for _, g := range got {
				gotIDs = append(gotIDs, g.ID)
				if want != "none" && g.Rating != want {
					t.Errorf("queue row rating %q, want %q", g.Rating, want)
				}
			}
			if len(gotIDs) != len(ids) || (len(ids) > 0 && gotIDs[0] != ids[0]) {
				t.Errorf("rating %s: %v, want %v", want, gotIDs, ids)
			}
		}

		// The share counts every rating given or changed in the period.
		s, err := ticket.ShareSince(ctx, d, ten.ID, now.Add(-time.Hour))
		if err != nil || s.Rated != 2 || s.Good != 1 || s.Percent() != 50 {
			t.Errorf("share: %+v %v", s, err)
		}
		if s, _ := ticket.ShareSince(ctx, d, ten.ID, now.Add(2*time.Hour)); s.Rated != 0 || s.Percent() != 0 {
			t.Errorf("share later: %+v", s)
		}

		// A ticket merged into another is closed, but nobody resolved it: no rating.
		src, err := ticket.ForStaff(ctx, d, ten.ID, other)
		if err != nil {
			t.Fatal(err)
		}
		if err := ticket.Merge(ctx, d, src, load(), ticket.Actor{Name: "Staff"}, now); err != nil {
			t.Fatal(err)
		}
		if src, _ = ticket.ForStaff(ctx, d, ten.ID, other); !src.Done() {
			t.Fatalf("merged ticket not closed: %+v", src.Status)
		}
		if err := ticket.Rate(ctx, d, src, ct.ID, ticket.RatingGood, "", now); !errors.Is(err, ticket.ErrNotDone) {
			t.Errorf("merged ticket rated: %v", err)
		}
	})
}
