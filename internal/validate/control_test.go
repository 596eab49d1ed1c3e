package validate

import "testing"

func TestControlCharacters(t *testing.T) {
	if !HasControl("Firma\x01") || !HasControl("a\x7fb") || !HasControl("a\u0085b") || HasControl("Zeile 1\nZeile 2\r\n\tx") {
		t.Error("HasControl")
	}
	if got := StripControl("Mül\x01ler\x1b[31m\nGmbH"); got != "Müller[31m\nGmbH" {
		t.Errorf("StripControl: %q", got)
	}
	if got := Line("  Kunde\x01 AG\n\tNord "); got != "Kunde AG Nord" {
		t.Errorf("Line: %q", got)
	}
	e := Errors{}
	e.Text("name", "Kunde\x01", true, 100)
	e.Text("body", "Zeile 1\nZeile 2", true, 100)
	if e["name"].ID != "error.control" || len(e) != 1 {
		t.Errorf("errors: %v", e)
	}
}

func TestASCIIDomain(t *testing.T) {
	for in, want := range map[string]string{
		"münchen.de":        "xn--mnchen-3ya.de",
		" MÜNCHEN.de ":      "xn--mnchen-3ya.de",
		"kunde.de":          "kunde.de",
		"xn--mnchen-3ya.de": "xn--mnchen-3ya.de",
	} {
		if got := ASCIIDomain(in); got != want || !IsDomain(got) {
			t.Errorf("ASCIIDomain(%q) = %q, want %q", in, got, want)
		}
	}
	if IsDomain(ASCIIDomain("nicht gültig.de")) {
		t.Error("a name with a space became a domain")
	}
}
