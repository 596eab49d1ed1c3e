package kb_test

import (
	"context"
	"testing"
	"time"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestCountContactView: a contact's read counts once within kb.ViewWindow and again
// after it; another contact counts on their own; the sweep forgets old marks only.
func TestCountContactView(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		f := newFixture(t, testutil.Open(t, e))
		ctx := context.Background()
		art := f.ids["vpn-verbindung"]
		eva, max := newContact(t, f.d, f.t.ID, "eva@x.test"), newContact(t, f.d, f.t.ID, "max@x.test")
		t0 := time.Unix(1_800_000_000, 0)
		steps := []struct {
			who  int64
			at   time.Duration
			want bool
		}{
			{eva, 0, true},
			{eva, time.Minute, false},
			{max, 2 * time.Minute, true},
			{eva, kb.ViewWindow - time.Second, false},
			{eva, kb.ViewWindow, true},
			{eva, kb.ViewWindow + time.Minute, false},
		}
		for i, s := range steps {
			got, err := kb.CountContactView(ctx, f.d, f.t.ID, art, s.who, t0.Add(s.at))
			if err != nil || got != s.want {
				t.Errorf("step %d: counted %v (%v), want %v", i, got, err, s.want)
			}
		}
		st, _ := kb.ArticleStats(ctx, f.d, f.t.ID, art)
		if st.Views != 3 {
			t.Errorf("views %d, want 3", st.Views)
		}
		// Another tenant's article id counts nothing.
		if got, err := kb.CountContactView(ctx, f.d, f.t.ID, f.otherID, eva, t0); got || err != nil {
			t.Errorf("other tenant's article: %v %v", got, err)
		}
		if err := kb.SweepRecentViews(ctx, f.d, t0.Add(kb.ViewWindow+2*time.Minute+time.Second)); err != nil {
			t.Fatal(err)
		}
		var n int
		f.d.QueryRow(ctx, `SELECT COUNT(*) FROM kb_recent_views`).Scan(&n)
		if n != 1 { // max's mark went, eva's newer one stays
			t.Errorf("%d marks after the sweep, want 1", n)
		}
	})
}
