package web

import (
	"bytes"
	"strconv"
	"testing"
)

func TestFragments(t *testing.T) {
	c := NewFragments(80 << 10)
	page := bytes.Repeat([]byte("x"), 1000)
	if _, ok := c.Get("a", 1); ok {
		t.Fatal("empty cache hit")
	}
	c.Put("a", 1, page)
	if b, ok := c.Get("a", 1); !ok || !bytes.Equal(b, page) {
		t.Fatal("kept fragment not found")
	}
	if _, ok := c.Get("a", 2); ok {
		t.Fatal("fragment of an older version served for a newer one")
	}
	c.Put("a", 3, []byte("three"))
	c.Put("a", 2, []byte("two")) // a slow request that read an older version
	if b, ok := c.Get("a", 3); !ok || string(b) != "three" {
		t.Fatalf("newer fragment replaced by an older one: %q %v", b, ok)
	}
	if h, m := c.Stats(); h != 2 || m != 2 {
		t.Fatalf("stats: %d hits, %d misses", h, m)
	}

	// The bound holds however many keys come, and the newest key stays.
	for i := range 500 {
		c.Put("k"+strconv.Itoa(i), 1, page)
		if c.size > c.max {
			t.Fatalf("size %d over bound %d", c.size, c.max)
		}
	}
	if _, ok := c.Get("k499", 1); !ok {
		t.Fatal("newest fragment dropped")
	}
	c.Put("huge", 1, make([]byte, c.max/8+1))
	if _, ok := c.Get("huge", 1); ok {
		t.Fatal("a fragment of more than an eighth of the bound kept")
	}

	off := NewFragments(0)
	off.Put("a", 1, []byte("x"))
	if _, ok := off.Get("a", 1); ok {
		t.Fatal("a cache of size 0 keeps fragments")
	}
}
