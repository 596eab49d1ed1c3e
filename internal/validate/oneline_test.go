package validate

import "testing"

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"  Anna  ":                               "Anna",
		"Eve\r\nBcc: x@example.com":              "Eve Bcc: x@example.com",
		"Max\n\nIhr Konto ist gesperrt\u2028und": "Max Ihr Konto ist gesperrt und",
		"Kun\x01de":                              "Kun\x01de", // left for MaxLen's error.control
		" Anna \n":                               "Anna",
		"Drucker \r\n  defekt":                   "Drucker defekt",
		"Müller-Lüdenscheidt":                    "Müller-Lüdenscheidt",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
}
