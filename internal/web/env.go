// Package web holds what the portal and the back office share: the request pipeline
// (tenant, language, security headers, cross-origin protection, metrics), cookies,
// flash messages, the page layout, and the mapping of errors to pages.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/filestore"
	"pforte/internal/mail"
	"pforte/internal/tenant"
	"pforte/internal/validate"
)

// Env is what every handler needs from the running application.
type Env struct {
	DB         *db.DB
	Log        *slog.Logger
	Now        func() time.Time
	TrustProxy bool   // honour X-Forwarded-Proto / X-Forwarded-For from a reverse proxy
	BaseURL    string // fixed public URL; empty means: derived from each request
	Wake       func() // nudges the job worker after mail was queued
	// SendNow delivers a message at once through the tenant's mail route (the back
	// office's "send test mail"), so the admin sees the server's answer.
	SendNow func(ctx context.Context, tenantID int64, m mail.Message) error
	// Files keeps uploads (attachments, downloads, images) under generated names.
	Files *filestore.Store
}

type tenantKey struct{}

// WithTenant stores the request's tenant in ctx.
func WithTenant(ctx context.Context, t tenant.Tenant) context.Context {
	return context.WithValue(ctx, tenantKey{}, t)
}

// TenantFrom returns the request's tenant. The pipeline resolves it before any handler
// runs, so handlers may rely on it.
func TenantFrom(ctx context.Context) tenant.Tenant {
	t, _ := ctx.Value(tenantKey{}).(tenant.Tenant)
	return t
}

// Secure reports whether the request arrived over TLS, directly or at a trusted proxy.
func (e *Env) Secure(r *http.Request) bool {
	return r.TLS != nil || (e.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
}

// ClientIP is the address of the client, from X-Forwarded-For only behind a trusted proxy.
func (e *Env) ClientIP(r *http.Request) string {
	if e.TrustProxy {
		// The rightmost entry is the one our proxy added; entries to its left come from
		// the client and can be anything.
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			if i := strings.LastIndexByte(f, ','); i >= 0 {
				f = f[i+1:]
			}
			return validate.Clean(strings.TrimSpace(f))
		}
	}
	host := r.RemoteAddr
	for i := len(host) - 1; i >= 0; i-- {
		if host[i] == ':' {
			return host[:i]
		}
	}
	return host
}

// Origin is the public base URL for links in mails: the configured one, or the scheme
// and host of the request (which is how the tenant was found, so links stay on the
// tenant's own hostname).
func (e *Env) Origin(r *http.Request) string {
	if e.BaseURL != "" {
		return e.BaseURL
	}
	scheme := "http"
	if e.Secure(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
