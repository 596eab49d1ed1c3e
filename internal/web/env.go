// Package web holds what the portal and the back office share: the request pipeline
// (tenant, language, security headers, cross-origin protection, metrics), cookies,
// flash messages, the page layout, and the mapping of errors to pages.
package web

import (
	"cmp"
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/url"
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
	BaseURL    string // fixed public URL for links in mails (PFORTE_BASE_URL); see Origin
	// LocalURL is the listen address as a URL: where mail links point while neither
	// BaseURL nor the tenant's portal address is known.
	LocalURL string
	// TenantChanged drops cached tenants after a change to one.
	TenantChanged func()
	Wake          func() // nudges the job worker after mail was queued
	// SendNow delivers a message at once through the tenant's mail route (the back
	// office's "send test mail"), so the admin sees the server's answer. stored is
	// true when no mail server is set up and the message was only written to the
	// data directory's outbox folder.
	SendNow func(ctx context.Context, tenantID int64, m mail.Message) (stored bool, err error)
	// InstallSMTP says the installation has a mail server (PFORTE_SMTP_URL): a tenant
	// without one of its own sends through it rather than into the data directory.
	InstallSMTP bool
	// ReceivesMail reports whether this process listens for incoming mail
	// (PFORTE_INBOUND_ADDR); nil means it does not.
	ReceivesMail func() bool
	// Files keeps uploads (attachments, downloads, images) under generated names.
	Files *filestore.Store
	// PresenceEvery is how often the back office's ticket page sends its presence
	// heartbeat; zero means ticket.PresenceBeat. Browser tests shorten it.
	PresenceEvery time.Duration
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

// Origin is the address for links in mails a request causes: PFORTE_BASE_URL where it
// speaks for the tenant (tenant.BaseURLFor), else the request's own Host when it is one
// of the tenant's configured hostnames: on a single-tenant
// install any Host reaches the portal, and a "forgot password" sent with a forged Host
// must not mail the victim a link to the forger's server.
func (e *Env) Origin(r *http.Request) string {
	t := TenantFrom(r.Context())
	if t.BaseURLFor(e.BaseURL) == "" && t.ViaHost {
		return e.Scheme(r) + "://" + e.knownPort(t, r.Host)
	}
	return e.TenantOrigin(t)
}

// knownPort keeps the port of host only when the portal is known to answer there (the
// listen address or the portal address): the tenant is found by hostname alone, so
// any port reaches it, and a link to another port of the portal's host may lead to
// someone else's service.
func (e *Env) knownPort(t tenant.Tenant, host string) string {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		return host // no port
	}
	for _, known := range []string{e.LocalURL, t.PortalURL} {
		if u, err := url.Parse(known); err == nil && u.Port() == port {
			return host
		}
	}
	if strings.Contains(name, ":") {
		return "[" + name + "]"
	}
	return name
}

// TenantOrigin is the address for links in mails of tenant t no request caused:
// PFORTE_BASE_URL, else the tenant's portal address (remembered at the first staff
// sign-in, editable in the settings), else the listen address (t.Origin). A tenant
// other than the default one without a portal address gets its own first hostname
// instead, with the scheme and port PFORTE_BASE_URL (or the listen address) has: the
// default tenant's address would lead its contacts to another portal, where their
// links are void.
func (e *Env) TenantOrigin(t tenant.Tenant) string {
	if t.IsDefault || t.PortalURL != "" || e.DB == nil {
		return t.Origin(e.BaseURL, e.LocalURL)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hosts, err := tenant.Hosts(ctx, e.DB, t.ID)
	like, perr := url.Parse(cmp.Or(e.BaseURL, e.LocalURL))
	if err != nil || len(hosts) == 0 || perr != nil || like.Scheme == "" {
		return t.Origin(e.BaseURL, e.LocalURL)
	}
	host := hosts[0]
	if p := like.Port(); p != "" {
		host = net.JoinHostPort(host, p)
	}
	return like.Scheme + "://" + host
}

// ForgetTenants drops cached tenants after a change to one, so the next request sees it.
func (e *Env) ForgetTenants() {
	if e.TenantChanged != nil {
		e.TenantChanged()
	}
}

// Scheme is "https" for a request that arrived over TLS (directly or at a trusted
// proxy), else "http".
func (e *Env) Scheme(r *http.Request) string {
	if e.Secure(r) {
		return "https"
	}
	return "http"
}
