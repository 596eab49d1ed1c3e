package web

import (
	"net/http/httptest"
	"testing"
)

func TestBackTo(t *testing.T) {
	for ref, want := range map[string]string{
		"http://portal.test/settings?x=1":          "/settings?x=1",
		"http://evil.test/settings":                "/fallback",
		"http://portal.test//evil.test/x":          "/fallback",
		"http://portal.test/invitation/../%5Cevil": "/fallback",
		"http://portal.test/a/../../\\evil.test":   "/fallback",
		"":                                         "/fallback",
		"javascript:alert(1)":                      "/fallback",
	} {
		r := httptest.NewRequest("POST", "http://portal.test/language", nil)
		r.Header.Set("Referer", ref)
		if got := BackTo(r, "/fallback"); got != want {
			t.Errorf("BackTo(%q) = %q, want %q", ref, got, want)
		}
	}
}

func TestClientIP(t *testing.T) {
	e := &Env{TrustProxy: true}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("X-Forwarded-For", "6.6.6.6, 203.0.113.9")
	if got := e.ClientIP(r); got != "203.0.113.9" {
		t.Errorf("ClientIP = %q", got)
	}
	e.TrustProxy = false
	if got := e.ClientIP(r); got != "192.0.2.1" {
		t.Errorf("untrusted ClientIP = %q", got)
	}
}

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/settings?tab=1": "/settings?tab=1", "//evil.test": "/", "/\\evil.test": "/",
		"https://evil.test/": "/", "/a/../b": "/b", "": "/", "settings": "/",
	} {
		if got := LocalPath(in, "/"); got != want {
			t.Errorf("LocalPath(%q) = %q, want %q", in, got, want)
		}
	}
}
