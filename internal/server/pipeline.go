// Package server wires the application: the request pipeline, the routes of portal,
// back office and operations, the job worker, and graceful shutdown.
package server

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// contentSecurityPolicy allows scripts and styles only from our own static files: no
// inline script, no CDN.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every answer carries. The values are shared slices
// made once (Set would allocate each anew on every request); handlers that change one
// replace it with Set, and an Add appends to a slice already full, so a copy, never
// into the shared one.
func securityHeaders(env *web.Env, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for _, kv := range fixedHeaders {
			h[kv.name] = kv.value
		}
		if env.Secure(r) {
			h["Strict-Transport-Security"] = hsts
		}
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			h["Cache-Control"] = noStore
		}
		next.ServeHTTP(w, r)
	})
}

// fixedHeaders are the security headers of every answer, in canonical form.
var fixedHeaders = []struct {
	name  string
	value []string
}{
	{"Content-Security-Policy", []string{contentSecurityPolicy}},
	{"X-Content-Type-Options", []string{"nosniff"}},
	{"X-Frame-Options", []string{"DENY"}},
	{"Referrer-Policy", []string{"same-origin"}},
	{"Permissions-Policy", []string{"camera=(), microphone=(), geolocation=()"}},
	{"Cross-Origin-Opener-Policy", []string{"same-origin"}},
}

var (
	hsts    = []string{"max-age=31536000"} // Strict-Transport-Security over TLS
	noStore = []string{"no-store"}         // Cache-Control of every page: they show personal data
)

// tenants caches host → tenant for a few seconds: the lookup would otherwise cost a
// query on every request, and a changed setting showing up five seconds late is fine.
type tenants struct {
	db  *db.DB
	mu  sync.RWMutex
	hit map[string]cachedTenant
}

type cachedTenant struct {
	t   tenant.Tenant
	err error
	exp time.Time
}

const tenantTTL = 5 * time.Second

func (c *tenants) forHost(r *http.Request) (tenant.Tenant, error) {
	now := time.Now()
	c.mu.RLock()
	e, ok := c.hit[r.Host]
	c.mu.RUnlock()
	if ok && now.Before(e.exp) {
		return e.t, e.err
	}
	t, err := tenant.ForHost(r.Context(), c.db, r.Host)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return t, err // a database hiccup is not cached
	}
	c.mu.Lock()
	if len(c.hit) > 10000 { // unbounded Host headers must not grow memory forever
		c.hit = map[string]cachedTenant{}
	}
	c.hit[r.Host] = cachedTenant{t: t, err: err, exp: now.Add(tenantTTL)}
	c.mu.Unlock()
	return t, err
}

// Forget drops cached tenants after an admin changed a tenant's settings.
func (c *tenants) Forget() {
	c.mu.Lock()
	c.hit = map[string]cachedTenant{}
	c.mu.Unlock()
}

// withTenant resolves the tenant from the Host header and a first language from the
// language cookie, Accept-Language and the tenant default. Logged-in pages refine the
// language from the person's own setting.
func withTenant(env *web.Env, c *tenants, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "/healthz" || p == "/readyz" || p == "/metrics" || strings.HasPrefix(p, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		t, err := c.forHost(r)
		if err != nil {
			if errors.Is(err, db.ErrNotFound) {
				http.Error(w, "unknown host", http.StatusNotFound)
				return
			}
			env.Log.Error("tenant lookup", "host", r.Host, "err", err)
			http.Error(w, "service unavailable", http.StatusServiceUnavailable)
			return
		}
		ctx := web.WithTenant(r.Context(), t)
		ctx = i18n.With(ctx, i18n.For(web.VisitorLanguage(r, t)))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
