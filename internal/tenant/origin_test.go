package tenant_test

import (
	"testing"

	"pforte/internal/tenant"
)

// TestNormalPortalURL: an address is scheme and host (name or IP) with an optional
// port; anything that could carry a path, a user or a query is refused.
func TestNormalPortalURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://Portal.Example.com/":  "https://portal.example.com",
		" http://portal.example.com ":  "http://portal.example.com",
		"http://192.168.1.5:8080":      "http://192.168.1.5:8080",
		"http://[::1]:8080":            "http://[::1]:8080",
		"https://[2001:db8::1]":        "https://[2001:db8::1]",
		"https://portal.example.com.":  "https://portal.example.com",
		"https://portal.example.com:1": "https://portal.example.com:1",
	} {
		if got, ok := tenant.NormalPortalURL(in); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "portal.example.com", "ftp://portal.example.com", "https://portal.example.com/x",
		"https://a@portal.example.com", "https://portal.example.com?a=1", "https://portal.example.com#x",
		"https://portal.example.com:0", "https://portal.example.com:65536", "https://portal_example.com", "https://",
		"javascript:alert(1)", "https://portal.example.com:80:80",
		// mistyped IP addresses: no top-level domain is all digits
		"https://192.168.1.300", "https://1.2.3", "http://12345:8080"} {
		if got, ok := tenant.NormalPortalURL(bad); ok {
			t.Errorf("%q accepted as %q", bad, got)
		}
	}
}
