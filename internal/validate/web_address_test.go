package validate

import "testing"

// TestNoWebAddress: addresses a mail program would link are refused, ordinary names pass.
func TestNoWebAddress(t *testing.T) {
	for v, bad := range map[string]bool{
		"Müller Haustechnik GmbH":       false,
		"Anna-Lena":                     false,
		"Dr. O'Brien & Söhne":           false,
		"Awww. Kekse KG":                false,
		"https://evil.example/login":    true,
		"Verify at HTTP://evil.example": true,
		"ftp://x":                       true,
		"www.evil.example":              true,
		"Shop WWW.evil.example now":     true,
		"javascript://%0aalert(1)":      true,
	} {
		e := Errors{}
		e.NoWebAddress("f", v)
		if got := e["f"].ID == "error.web_address"; got != bad {
			t.Errorf("NoWebAddress(%q) refused = %v, want %v", v, got, bad)
		}
	}
}
