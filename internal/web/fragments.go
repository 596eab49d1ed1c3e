package web

import (
	"sync"
	"sync/atomic"
)

// Fragments keeps rendered parts of pages that stay right as long as a version number
// read from the database is unchanged (a company's list version, say). It never decides
// freshness itself: the caller reads the current version in the same query it needs
// anyway and asks for the fragment rendered at that version, so a change made by any
// instance is seen by all of them with the next request. A key holds one fragment, the
// newest version's; the total size is bounded, and entries past the bound are dropped
// in map order, which is random: a cache of pages people reopen needs no exact LRU.
type Fragments struct {
	mu      sync.RWMutex
	max     int
	size    int
	entries map[string]fragment

	hits, misses atomic.Int64
}

type fragment struct {
	version int64
	body    []byte
}

// NewFragments returns a cache that holds up to maxBytes of fragments.
func NewFragments(maxBytes int) *Fragments {
	return &Fragments{max: maxBytes, entries: map[string]fragment{}}
}

// Get returns the fragment stored under key if it was rendered at version. The bytes
// are shared: write them out, never change them.
func (c *Fragments) Get(key string, version int64) ([]byte, bool) {
	c.mu.RLock()
	f, ok := c.entries[key]
	c.mu.RUnlock()
	if ok && f.version == version {
		c.hits.Add(1)
		return f.body, true
	}
	c.misses.Add(1)
	return nil, false
}

// Put stores body as key's fragment at version, unless a newer version is already
// there (a slower request that read an older version must not replace it).
func (c *Fragments) Put(key string, version int64, body []byte) {
	if len(body) > c.max/8 { // one page must not push out most of the others
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.entries[key]; ok {
		if old.version > version {
			return
		}
		c.size -= len(old.body) + len(key)
	}
	c.entries[key] = fragment{version: version, body: body}
	c.size += len(body) + len(key)
	for k, f := range c.entries {
		if c.size <= c.max {
			break
		}
		if k != key {
			delete(c.entries, k)
			c.size -= len(f.body) + len(k)
		}
	}
}

// Stats reports how many Gets found their fragment and how many did not.
func (c *Fragments) Stats() (hits, misses int64) { return c.hits.Load(), c.misses.Load() }
