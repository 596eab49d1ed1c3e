package filestore

import "testing"

// TestContradicts: a file's content must be what its extension says for the types that
// can be recognised; other extensions pass whatever they hold.
func TestContradicts(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	exe := []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00")
	pdf := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	zip := []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00")
	emptyZip := append([]byte("PK\x05\x06"), make([]byte, 18)...)
	spannedZip := []byte("PK\x07\x08PK\x03\x04\x14\x00\x08\x00")
	ole := []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00\x00\x00\x00\x00")
	bomPDF := []byte("\xef\xbb\xbf%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	newlinePDF := []byte("\r\n\n%PDF-1.5\n1 0 obj\n")
	junkPDF := append(append([]byte("\x00\x01\x02garbage"), make([]byte, 900)...), "%PDF-1.6\n"...)
	latePDF := append(make([]byte, 1030), "%PDF-1.6\n"...) // past where readers look
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
		{"bericht.docx", zip, true}, // a zip, but no Word document (see TestZipKind)
		{"tabelle.xlsx", pdf, true},
		{"notiz.txt", []byte("MZ Tools – Anleitung\n"), false},
		{"notiz.pdf", []byte("MZ Tools – Anleitung\n"), true},
		{"firmware.bin", exe, false}, // unknown extension: not checked
		{"README", png, false},
		// PDF readers find the header after a byte order mark, blank lines or other
		// leading bytes within the first 1,024.
		{"rechnung.pdf", bomPDF, false},
		{"rechnung.pdf", newlinePDF, false},
		{"rechnung.pdf", junkPDF, false},
		{"rechnung.pdf", latePDF, true},
		{"rechnung.pdf", []byte("Rechnung Nr. 4711\nBetrag: 120 EUR\n"), true},
		// A password-protected Office document is an OLE compound file.
		{"geheim.docx", ole, false},
		{"geheim.xlsx", ole, false},
		{"geheim.pptx", ole, false},
		{"geheim.pdf", ole, true},
		{"archiv.zip", ole, true},
		// An empty zip starts with its end record, a spanned one with its marker.
		{"leer.zip", emptyZip, false},
		{"teil.zip", spannedZip, false},
		{"archiv.zip", zip, false},
		{"leer.pdf", emptyZip, true},
		// A program with "%PDF-" in its first bytes is still a program.
		{"tool.pdf", append(append([]byte{}, exe...), "%PDF-1.7\n"...), true},
	} {
		if _, got := Contradicts(c.name, Sniff(c.head)); got != c.want {
			t.Errorf("%s holding %q (%s): contradicts %v, want %v", c.name, c.head[:4], Sniff(c.head), got, c.want)
		}
	}
	if ext, _ := Contradicts("tool.PDF", TypeWindowsProgram); ext != "pdf" {
		t.Errorf("extension for the message: %q", ext)
	}
}
