package validate

import "testing"

func TestIsDomain(t *testing.T) {
	for d, want := range map[string]bool{"kunde.de": true, "xn--mller-kva.de": true, "a.b.co": true,
		".de": false, "a..b": false, "-a.de": false, "a_b.de": false, "de": false, "kunde.de.": false, "x@y.de": false} {
		if IsDomain(d) != want {
			t.Errorf("IsDomain(%q) = %v", d, !want)
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("äöü", 3); got != "ä" {
		t.Errorf("Truncate = %q", got)
	}
}
