package portal

import "testing"

// TestSeenCache: kept marks answer only at the read-mark count they were looked up at
// and only for tickets looked up then (a ticket looked up without a mark counts as
// never opened); a preview (count -1) keeps nothing; lookups at one count add up.
func TestSeenCache(t *testing.T) {
	c := newSeenCache()
	c.put(7, -1, []int64{1}, map[int64]int64{1: 3})
	if _, ok := c.get(7, -1, []int64{1}); ok {
		t.Fatal("a preview's marks were kept")
	}
	c.put(7, 2, []int64{1, 2}, map[int64]int64{1: 3})
	if s, ok := c.get(7, 2, []int64{2, 1}); !ok || s[1] != 3 || s[2] != 0 {
		t.Fatalf("kept marks: %v %v", s, ok)
	}
	if _, ok := c.get(7, 3, []int64{1}); ok {
		t.Fatal("marks kept at count 2 answered at count 3")
	}
	if _, ok := c.get(7, 2, []int64{1, 5}); ok {
		t.Fatal("a ticket never looked up was answered")
	}
	if _, ok := c.get(8, 2, []int64{1}); ok {
		t.Fatal("another contact's marks were answered")
	}
	c.put(7, 2, []int64{5}, map[int64]int64{5: 1})
	if s, ok := c.get(7, 2, []int64{1, 2, 5}); !ok || s[1] != 3 || s[5] != 1 {
		t.Fatalf("marks of two lookups at one count: %v %v", s, ok)
	}
	c.put(7, 4, []int64{5}, map[int64]int64{5: 2})
	if _, ok := c.get(7, 4, []int64{1}); ok {
		t.Fatal("marks of an older count survived a newer lookup")
	}
}
