// Package apptest runs the whole application for HTTP tests: a fresh database (SQLite,
// or PostgreSQL when PFORTE_TEST_POSTGRES is set), the full handler stack on a real
// listener, the job worker, and helpers to create tenants, staff, companies and
// contacts and to act as a browser with cookies.
package apptest

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/config"
	"pforte/internal/db"
	"pforte/internal/server"
	"pforte/internal/testutil"
)

// Env is a running application for one test.
type Env struct {
	T    testing.TB
	DB   *db.DB
	App  *server.App
	Srv  *httptest.Server
	Data string
	// DSN is the database URL ("" for SQLite in Data), for a command run against
	// the same database (PFORTE_DATABASE_URL).
	DSN string
}

// Options tune Start.
type Options struct {
	SMTPURL string // deliver mail to this SMTP server instead of the data directory
	BaseURL string // PFORTE_BASE_URL
}

// Start runs the application on engine e until the test ends.
func Start(t testing.TB, e db.Engine, opts ...Options) *Env {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	dsn, dir := testutil.MigratedDSN(t, e)
	d, err := db.Open(context.Background(), dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	cfg := config.Config{DataDir: dir, DatabaseURL: dsn, SMTPURL: o.SMTPURL, BaseURL: o.BaseURL, Workers: 2, ListCacheMB: 32}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	app, err := server.New(cfg, d, log)
	if err != nil {
		t.Fatal(err)
	}
	app.Worker.Poll = 20 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { app.Worker.Run(ctx); close(done) }()
	srv := httptest.NewServer(app.Handler())
	// The listen address, as serve derives it from --addr: where mail links point
	// until a staff sign-in tells the tenant's address.
	app.Env.LocalURL = srv.URL
	t.Cleanup(func() {
		srv.Close()
		cancel()
		<-done
		d.Close()
	})
	return &Env{T: t, DB: d, App: app, Srv: srv, Data: dir, DSN: dsn}
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// Client is a browser-like HTTP client with its own cookies, talking to one host name
// (the tenant is chosen by the Host header).
type Client struct {
	env  *Env
	host string
	http *http.Client
	// UserAgent, if set, is sent with every request (Go's own otherwise).
	UserAgent string
	// ForwardedFor, if set, is sent as X-Forwarded-For, so that an application that
	// trusts its proxy (Env.App.Env.TrustProxy) sees the client at this address.
	ForwardedFor string
}

// Client returns a new client for host ("" for the server's own address).
func (e *Env) Client(host string) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{env: e, host: host, http: &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Response is a finished request.
type Response struct {
	Status   int
	Body     string
	Location string
	Header   http.Header
}

// Do sends a request; the body is form-encoded values for POST.
func (c *Client) Do(method, path string, form url.Values) Response {
	c.env.T.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, c.env.Srv.URL+path, body)
	if err != nil {
		c.env.T.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return c.send(req)
}

// send sends req to the client's host with its cookies, never following redirects.
func (c *Client) send(req *http.Request) Response {
	c.env.T.Helper()
	if c.host != "" {
		req.Host = c.host
	}
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}
	if c.ForwardedFor != "" {
		req.Header.Set("X-Forwarded-For", c.ForwardedFor)
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.env.T.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return Response{Status: res.StatusCode, Body: string(b), Location: res.Header.Get("Location"), Header: res.Header}
}

// Get fetches path.
func (c *Client) Get(path string) Response { return c.Do(http.MethodGet, path, nil) }

// Post submits a form to path.
func (c *Client) Post(path string, form url.Values) Response {
	if form == nil {
		form = url.Values{}
	}
	return c.Do(http.MethodPost, path, form)
}

// jarURL is the URL the cookie jar files this client's cookies under: net/http uses
// the Host header when one is set.
func (c *Client) jarURL() *url.URL {
	u, _ := url.Parse(c.env.Srv.URL)
	if c.host != "" {
		u.Host = c.host
	}
	return u
}

// Cookie returns the value of a cookie the client holds for the server.
func (c *Client) Cookie(name string) string {
	for _, ck := range c.http.Jar.Cookies(c.jarURL()) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

// SetCookie puts a cookie into the client's jar (to reuse a session elsewhere).
func (c *Client) SetCookie(name, value string) {
	c.http.Jar.SetCookies(c.jarURL(), []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}
