package admin

import "testing"

// TestLocalOrigin: the portal-address step stays open while mail links lead only to
// the machine they are opened on — what serve prints, a fresh install remembers at
// its first sign-in on localhost, or the listen address — and is done for any name
// or address customers can reach.
func TestLocalOrigin(t *testing.T) {
	for origin, want := range map[string]bool{
		"http://localhost:8080":        true,
		"http://LOCALHOST.:8080":       true,
		"http://portal.localhost":      true,
		"http://127.0.0.1:8080":        true,
		"http://127.1.2.3":             true,
		"http://[::1]:8080":            true,
		"http://0.0.0.0:8080":          true,
		"":                             true,
		"https://portal.example.com":   false,
		"http://192.168.1.20:8080":     false,
		"https://[2001:db8::1]":        false,
		"https://localhost.example.de": false,
	} {
		if got := localOrigin(origin); got != want {
			t.Errorf("localOrigin(%q) = %v, want %v", origin, got, want)
		}
	}
}
