package db

import (
	"context"
	"database/sql"
	"sync"
)

// maxStmts bounds the statement cache: queries built with a varying number of
// placeholders must not grow it without end; past the bound they are prepared each time.
const maxStmts = 1000

// stmtCache keeps SQLite reads prepared. The pure-Go driver parses and plans a query on
// every call otherwise, which at a 50-row list page cost a third of the CPU; database/sql
// prepares a cached statement once per pooled connection. PostgreSQL needs none: pgx
// caches prepared statements per connection itself.
type stmtCache struct {
	mu sync.RWMutex
	m  map[string]*sql.Stmt
}

// stmt returns the prepared statement for q on pool, or nil when it cannot be cached.
func (c *stmtCache) stmt(ctx context.Context, pool *sql.DB, q string) *sql.Stmt {
	c.mu.RLock()
	s := c.m[q]
	c.mu.RUnlock()
	if s != nil {
		return s
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s = c.m[q]; s != nil {
		return s
	}
	if len(c.m) >= maxStmts {
		return nil
	}
	s, err := pool.PrepareContext(context.WithoutCancel(ctx), q)
	if err != nil {
		return nil // the plain call reports the error
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = s
	return s
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.m {
		s.Close()
	}
	c.m = nil
}
