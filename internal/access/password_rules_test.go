package access

import "testing"

// TestWeakPassword: long enough but guessable passwords are named for what makes them
// weak; ordinary ones pass.
func TestWeakPassword(t *testing.T) {
	for pw, want := range map[string]string{
		"aaaaaaaaaa":            "simple",
		"1212121212":            "simple",
		"abababababab":          "simple",
		"1234567890":            "simple",
		"9876543210":            "simple",
		"abcdefghijk":           "simple",
		"QWERTZUIOP":            "simple",
		"Passwort2026!":         "simple",
		"Sommer2026":            "simple",
		"iloveyou12":            "simple",
		"anna@kunde.de":         "personal",
		"Max.Mustermann2026":    "personal",
		"anna-geht-wandern":     "",
		"demo-kunde-2026":       "",
		"boss-password":         "",
		"Kaffeetasse im Büro":   "",
		"correct horse battery": "",
	} {
		if got := weakPassword(pw, "anna@kunde.de", "max.mustermann@kunde.de"); got != want {
			t.Errorf("weakPassword(%q) = %q, want %q", pw, got, want)
		}
	}
	if e := CheckNewPassword("password", "1234567890", "1234567890"); e["password"].ID != "error.password_simple" {
		t.Errorf("CheckNewPassword(1234567890) = %v", e)
	}
	if e := CheckNewPassword("password", "kurz", "kurz"); e["password"].ID != "error.password_short" {
		t.Errorf("a short password is reported as short first: %v", e)
	}
}
