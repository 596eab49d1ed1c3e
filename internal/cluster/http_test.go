package cluster

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"
)

// browser is an HTTP client with a cookie jar that does not follow redirects. Cookies
// ignore the port, so one jar sends the same cookies to both instances on 127.0.0.1.
type browser struct {
	c *http.Client
}

// newBrowser returns a client with an empty cookie jar.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browser{c: &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// reply is a finished request.
type reply struct {
	Status   int
	Location string
	Body     string
}

// do sends a request to rawURL: form-encoded when form is not nil, and with an explicit
// Cookie header when cookie is set (in addition to what the jar holds).
func (b *browser) do(t *testing.T, method, rawURL string, form url.Values, cookie *http.Cookie) reply {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, rawURL, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if cookie != nil {
		req.AddCookie(cookie)
	}
	res, err := b.c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, rawURL, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, rawURL, err)
	}
	return reply{Status: res.StatusCode, Location: res.Header.Get("Location"), Body: string(data)}
}

// cookie returns the cookie name the jar holds for rawURL, or nil.
func (b *browser) cookie(rawURL, name string) *http.Cookie {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil
	}
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return &http.Cookie{Name: c.Name, Value: c.Value}
		}
	}
	return nil
}
