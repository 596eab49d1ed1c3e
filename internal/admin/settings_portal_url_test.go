package admin

import "testing"

// TestTypedPortalURL: a portal address typed without https:// gets it, a bare IPv6
// address its brackets; a bare word ("portal", a slip) and a mistyped IP address are
// refused rather than stored as https://portal or https://192.168.1.300, while an
// address written with its scheme is judged as before.
func TestTypedPortalURL(t *testing.T) {
	for in, want := range map[string]string{
		"portal.example.de":      "https://portal.example.de",
		" Portal.Example.DE/ ":   "https://portal.example.de",
		"portal.example.de:8443": "https://portal.example.de:8443",
		"192.168.1.5":            "https://192.168.1.5",
		"2001:db8::1":            "https://[2001:db8::1]",
		"[2001:db8::1]:8443":     "https://[2001:db8::1]:8443",
		"localhost:8080":         "https://localhost:8080",
		"http://helpdesk":        "http://helpdesk",
	} {
		if got, ok := typedPortalURL(in); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"portal", "test:8080", "192.168.1.300", "1.2.3", "portal.example.de/kunden",
		"mailto:a@b.de", "//portal.example.de", "portal example.de", ""} {
		if got, ok := typedPortalURL(bad); ok {
			t.Errorf("%q accepted as %q", bad, got)
		}
	}
}
