package tenant

import "testing"

// TestTelURL: the tel: address keeps digits and a leading +, and leaves out the German
// "(0)" after a country code, which is not dialled.
func TestTelURL(t *testing.T) {
	for phone, want := range map[string]string{
		"+49 (0)711 123456-0": "tel:+497111234560",
		"+49 711 123456-0":    "tel:+497111234560",
		"0711 / 123456-0":     "tel:07111234560",
		"(0711) 123456":       "tel:0711123456",
		"":                    "",
	} {
		if got := (SupportContact{Phone: phone}).TelURL(); got != want {
			t.Errorf("TelURL(%q) = %q, want %q", phone, got, want)
		}
	}
}
