package portal

import (
	"sync"
)

// seenCache keeps the read marks the portal looked up per contact (ticket id → the
// count of news they had seen, 0 for a ticket looked up without a mark), with the
// contact's read-mark count at the time: contacts.read_marks, raised in the same
// transaction as every write of one of their marks (migration 00047) and read with
// the session on every request. While the count is the same, the marks are — whichever
// instance wrote them — so withNews applies the badges of a page whose tickets were
// all looked up before without a query. That query was the one the home page added
// for "New reply" (on PostgreSQL a second round trip per page, half its throughput).
// The marks only matter for tickets with news, a handful per contact, so an entry is
// small; at seenCacheMax contacts an arbitrary one makes room.
type seenCache struct {
	mu sync.Mutex
	m  map[int64]seenEntry
}

// seenEntry is one contact's kept marks at their read-mark count. Its map is never
// changed once stored (a wider lookup stores a new one), so readers need no lock.
type seenEntry struct {
	count int64
	seen  map[int64]int64
}

const seenCacheMax = 20000

func newSeenCache() *seenCache { return &seenCache{m: map[int64]seenEntry{}} }

// get returns the contact's marks on the tickets ids if all of them were looked up
// at their read-mark count count; false otherwise (count < 0: not known, a preview).
func (c *seenCache) get(contactID, count int64, ids []int64) (map[int64]int64, bool) {
	if count < 0 {
		return nil, false
	}
	c.mu.Lock()
	e, ok := c.m[contactID]
	c.mu.Unlock()
	if !ok || e.count != count {
		return nil, false
	}
	for _, id := range ids {
		if _, ok := e.seen[id]; !ok {
			return nil, false
		}
	}
	return e.seen, true
}

// put keeps the marks seen that a lookup of the tickets ids found at the contact's
// read-mark count count, together with those kept at the same count before.
func (c *seenCache) put(contactID, count int64, ids []int64, seen map[int64]int64) {
	if count < 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	old, ok := c.m[contactID]
	m := make(map[int64]int64, len(ids)+len(old.seen))
	if ok && old.count == count {
		for id, s := range old.seen {
			m[id] = s
		}
	}
	for _, id := range ids {
		m[id] = seen[id]
	}
	if !ok && len(c.m) >= seenCacheMax {
		for k := range c.m {
			delete(c.m, k)
			break
		}
	}
	c.m[contactID] = seenEntry{count: count, seen: m}
}
