package kb_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/testutil"
	"pforte/internal/validate"
)

// newContact stores a contact of tenant tenantID (memberships do not matter here: the
// Viewer carries the company).
func newContact(t *testing.T, d *db.DB, tenantID int64, email string) int64 {
	t.Helper()
	c, err := contact.Create(context.Background(), d, contact.Contact{TenantID: tenantID, FirstName: "Eva",
		LastName: "Example", Email: email}, i18n.Languages, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func str(s string) *string { return &s }

// TestVote: one answer per contact and article, changed rather than added; a "yes"
// clears the comment, a "no" without comment keeps it; a too long comment is a field
// error, nothing stored; articles the viewer may not read are ErrNotFound.
func TestVote(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		eva := newContact(t, f.d, f.t.ID, "eva@kunde-b.test")
		vb := f.viewer(&f.b, "de")
		art := f.ids["vpn-verbindung"]
		now := time.Unix(1_800_000_000, 0)

		if _, ok, err := kb.MyFeedback(ctx, f.d, f.t.ID, art, eva); ok || err != nil {
			t.Fatalf("answer before voting: %v %v", ok, err)
		}
		steps := []struct {
			helpful bool
			comment *string
			want    kb.Feedback
		}{
			{true, nil, kb.Feedback{Helpful: true}},
			{false, nil, kb.Feedback{Helpful: false}},
			{false, str("Screenshots für macOS"), kb.Feedback{Comment: "Screenshots für macOS"}},
			{false, nil, kb.Feedback{Comment: "Screenshots für macOS"}}, // the "no" button again
			{true, str("ignored"), kb.Feedback{Helpful: true}},
		}
		for i, s := range steps {
			if err := kb.Vote(ctx, f.d, vb, eva, art, s.helpful, s.comment, now.Add(time.Duration(i)*time.Minute)); err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
			got, ok, err := kb.MyFeedback(ctx, f.d, f.t.ID, art, eva)
			if !ok || err != nil || got.Helpful != s.want.Helpful || got.Comment != s.want.Comment {
				t.Errorf("step %d: %+v %v %v, want %+v", i, got, ok, err, s.want)
			}
		}
		st, err := kb.ArticleStats(ctx, f.d, f.t.ID, art)
		if err != nil || st.Yes != 1 || st.No != 0 {
			t.Errorf("one contact, five clicks: %+v %v", st, err)
		}

		// Too long: a field error, the stored answer unchanged.
		long := strings.Repeat("ä", kb.MaxFeedbackComment+1)
		var ve validate.Errors
		if err := kb.Vote(ctx, f.d, vb, eva, art, false, &long, now); !errors.As(err, &ve) || ve["comment"].ID != "error.too_long" {
			t.Errorf("too long comment: %v", err)
		}
		if got, _, _ := kb.MyFeedback(ctx, f.d, f.t.ID, art, eva); !got.Helpful {
			t.Errorf("refused vote changed the answer: %+v", got)
		}
		exact := strings.Repeat("ä", kb.MaxFeedbackComment)
		if err := kb.Vote(ctx, f.d, vb, eva, art, false, &exact, now); err != nil {
			t.Errorf("comment of exactly the limit: %v", err)
		}

		// Not readable by company B's contact: restricted to A, a draft, another
		// tenant's; a visitor votes on nothing, not even a public article.
		for name, id := range map[string]int64{"restricted": f.restricted, "draft": f.ids["drucker-entwurf"],
			"other tenant": f.otherID, "missing": 999999} {
			if err := kb.Vote(ctx, f.d, vb, eva, id, true, nil, now); !errors.Is(err, db.ErrNotFound) {
				t.Errorf("%s: %v, want ErrNotFound", name, err)
			}
		}
		if err := kb.Vote(ctx, f.d, f.viewer(nil, "de"), eva, f.ids["drucker-einrichten"], true, nil, now); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("visitor: %v", err)
		}
		var n int
		f.d.QueryRow(ctx, `SELECT COUNT(*) FROM kb_feedback`).Scan(&n)
		if n != 1 {
			t.Errorf("%d answers stored, want 1", n)
		}
		// The same contact acting for company A may answer the restricted article.
		if err := kb.Vote(ctx, f.d, f.viewer(&f.a, "de"), eva, f.restricted, false, str("Preise fehlen"), now); err != nil {
			t.Errorf("restricted article for company A: %v", err)
		}
	})
}

// TestFeedbackStaff: counts per article in the list and on the article, the latest
// "no" comments with name and company, the reset, and what a deleted account leaves.
func TestFeedbackStaff(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		art := f.ids["rechnungen-pdf"]
		now := time.Unix(1_800_000_000, 0)
		var contacts []int64
		for i, email := range []string{"a1@x.test", "a2@x.test", "a3@x.test", "b1@x.test"} {
			id := newContact(t, f.d, f.t.ID, email)
			contacts = append(contacts, id)
			v := f.viewer(&f.a, "de")
			if i == 3 {
				v = f.viewer(&f.b, "de")
			}
			var c *string
			if i >= 2 {
				c = str("Fehlt: " + email)
			}
			if err := kb.Vote(ctx, f.d, v, id, art, i < 2, c, now.Add(time.Duration(i)*time.Minute)); err != nil {
				t.Fatal(err)
			}
		}
		for range 3 {
			kb.CountView(ctx, f.d, f.t.ID, art)
		}
		st, err := kb.ArticleStats(ctx, f.d, f.t.ID, art)
		if err != nil || st != (kb.Stats{Views: 3, Votes: kb.Votes{Yes: 2, No: 2}}) || st.Percent() != 50 {
			t.Fatalf("stats: %+v %v", st, err)
		}
		if _, err := kb.ArticleStats(ctx, f.d, f.other.ID, art); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("stats of another tenant's article: %v", err)
		}
		rows, _, err := kb.List(ctx, f.d, f.t.ID, kb.Filter{Lang: "de", Fallback: "de"})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			want := kb.Votes{}
			if r.ID == art {
				want = kb.Votes{Yes: 2, No: 2}
			}
			if r.Votes != want {
				t.Errorf("list: %s has %+v, want %+v", r.Slug, r.Votes, want)
			}
		}
		cs, err := kb.NoComments(ctx, f.d, f.t.ID, art, 10)
		if err != nil || len(cs) != 2 || cs[0].Text != "Fehlt: b1@x.test" || cs[0].CompanyName != "Kunde B" ||
			cs[0].ContactName != "Eva Example" || cs[1].CompanyName != "Kunde A" {
			t.Fatalf("comments: %+v %v", cs, err)
		}
		if cs, _ := kb.NoComments(ctx, f.d, f.other.ID, art, 10); len(cs) != 0 {
			t.Errorf("another tenant reads the comments: %+v", cs)
		}

		// A deleted account: the answer stays, the comment goes.
		if err := kb.ForgetContact(ctx, f.d, f.t.ID, contacts[3]); err != nil {
			t.Fatal(err)
		}
		if cs, _ := kb.NoComments(ctx, f.d, f.t.ID, art, 10); len(cs) != 1 || cs[0].Text != "Fehlt: a3@x.test" {
			t.Errorf("comments after the account was deleted: %+v", cs)
		}
		if st, _ := kb.ArticleStats(ctx, f.d, f.t.ID, art); st.No != 2 {
			t.Errorf("the answer went with the account: %+v", st)
		}

		was, err := kb.ResetFeedback(ctx, f.d, f.t.ID, art)
		if err != nil || was.Views != 3 || was.Yes != 2 {
			t.Fatalf("reset: %+v %v", was, err)
		}
		if st, _ := kb.ArticleStats(ctx, f.d, f.t.ID, art); st != (kb.Stats{}) || st.Percent() != -1 {
			t.Errorf("after reset: %+v", st)
		}
		if _, err := kb.ResetFeedback(ctx, f.d, f.other.ID, art); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another tenant resets: %v", err)
		}
	})
}
