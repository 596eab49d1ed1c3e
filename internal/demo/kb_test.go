package demo_test

import (
	"context"
	"testing"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/testutil"
)

// TestDemoKnowledgeBase: the demo tenant has a knowledge base a visitor and a contact
// can browse and search, in German and English.
func TestDemoKnowledgeBase(t *testing.T) {
	testutil.EachEngine(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ten := loadDemo(t, d)
		visitor := kb.Visitor(ten, "en")
		list, _, err := kb.Articles(ctx, d, visitor, 0, kb.ByLatest, 0, 50)
		if err != nil || len(list) < 3 {
			t.Fatalf("public demo articles: %d %v", len(list), err)
		}
		rows, _, err := kb.List(ctx, d, ten.ID, kb.Filter{Limit: 50})
		if err != nil || len(rows) < 8 {
			t.Fatalf("demo articles: %d %v", len(rows), err)
		}
		hits, err := kb.Search(ctx, d, visitor, "toner", 5)
		if err != nil || len(hits) != 1 || hits[0].Language != "en" {
			t.Errorf("search toner: %+v %v", hits, err)
		}
		cats, err := kb.VisibleCategories(ctx, d, visitor)
		if err != nil || len(cats) == 0 {
			t.Errorf("categories: %v %v", cats, err)
		}
	})
}
