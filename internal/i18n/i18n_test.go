package i18n

import (
	"slices"
	"testing"
)

// TestComplete fails when a message id exists in one language but not in another.
func TestComplete(t *testing.T) {
	want, err := Keys(Languages[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 50 {
		t.Fatalf("only %d messages in %s", len(want), Languages[0])
	}
	for _, l := range Languages[1:] {
		got, err := Keys(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range want {
			if !slices.Contains(got, k) {
				t.Errorf("%s: missing %q", l, k)
			}
		}
		for _, k := range got {
			if !slices.Contains(want, k) {
				t.Errorf("%s: %q is not in %s", l, k, Languages[0])
			}
		}
	}
}

func TestNegotiate(t *testing.T) {
	for in, want := range map[string]string{"en-GB,en;q=0.9": "en", "fr-FR, de;q=0.5": "de", "fr": "", "": ""} {
		if got := Negotiate(in); got != want {
			t.Errorf("Negotiate(%q) = %q, want %q", in, got, want)
		}
	}
}
