package filestore

import "testing"

// TestContradicts: a file's content must be what its extension says for the types that
// can be recognised; other extensions pass whatever they hold.
func TestContradicts(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	exe := []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00")
	pdf := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	zip := []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00")
	for _, c := range []struct {
		name string
		head []byte
		want bool
	}{
		{"rechnung.pdf", pdf, false},
		{"Rechnung.PDF", pdf, false},
		{"rechnung.pdf", png, true},
		{"tool.pdf", exe, true},
		{"tool.exe", exe, false},
		{"tool.exe", pdf, true},
		{"bild.png", png, false},
		{"bild.jpg", png, true},
		{"bericht.docx", zip, false},
		{"tabelle.xlsx", pdf, true},
		{"notiz.txt", []byte("MZ Tools – Anleitung\n"), false},
		{"notiz.pdf", []byte("MZ Tools – Anleitung\n"), true},
		{"firmware.bin", exe, false}, // unknown extension: not checked
		{"README", png, false},
	} {
		if _, got := Contradicts(c.name, Sniff(c.head)); got != c.want {
			t.Errorf("%s holding %q (%s): contradicts %v, want %v", c.name, c.head[:4], Sniff(c.head), got, c.want)
		}
	}
	if ext, _ := Contradicts("tool.PDF", TypeWindowsProgram); ext != "pdf" {
		t.Errorf("extension for the message: %q", ext)
	}
}
