package filestore

import "testing"

// TestServeType: a file goes out with its recorded type unless its content contradicts
// its name, a program under any name but a program's included, or no type was recorded.
func TestServeType(t *testing.T) {
	for _, c := range []struct{ name, typ, want string }{
		{"rechnung.pdf", "application/pdf", "application/pdf"},
		{"rechnung.pdf", TypeWindowsProgram, "application/octet-stream"},
		{"rechnung", TypeWindowsProgram, "application/octet-stream"},
		{"liesmich.txt", TypeELFProgram, "application/octet-stream"},
		{"setup.exe", TypeWindowsProgram, TypeWindowsProgram},
		{"foto.jpg", "image/png", "application/octet-stream"},
		{"bericht.docx", TypeDocx, TypeDocx},
		{"notiz.txt", "text/plain; charset=utf-8", "text/plain; charset=utf-8"},
		{"seite.html", "text/html; charset=utf-8", "text/html; charset=utf-8"},
		{"daten.bin", "", "application/octet-stream"},
	} {
		if got := ServeType(c.name, c.typ); got != c.want {
			t.Errorf("ServeType(%q, %q) = %q, want %q", c.name, c.typ, got, c.want)
		}
	}
}
