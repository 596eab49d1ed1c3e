package filestore

import "testing"

func TestDisposition(t *testing.T) {
	for name, want := range map[string]string{
		"report.pdf":            `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
		"Preisliste Ö 2026.csv": `attachment; filename="Preisliste _ 2026.csv"; filename*=UTF-8''Preisliste%20%C3%96%202026.csv`,
		`a"b\c;d.txt`:           `attachment; filename="a_b_c_d.txt"; filename*=UTF-8''a%22b%5Cc%3Bd.txt`,
		"rechnung\u202Efdp.exe": `attachment; filename="rechnungfdp.exe"; filename*=UTF-8''rechnungfdp.exe`,
		"\u2067x\u2069.txt":     `attachment; filename="x.txt"; filename*=UTF-8''x.txt`,
	} {
		if got := Disposition(name); got != want {
			t.Errorf("Disposition(%q) = %s, want %s", name, got, want)
		}
	}
}
