package filestore

import "testing"

// TestContradictsProgram: a recognised program is refused under any name but a
// program's, also under extensions that are otherwise not checked or none at all.
func TestContradictsProgram(t *testing.T) {
	pe := []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00")
	elf := []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00")
	macho := []byte("\xcf\xfa\xed\xfe\x07\x00\x00\x01\x03\x00\x00\x00")
	for _, c := range []struct {
		name string
		head []byte
		want bool
		ext  string
	}{
		{"prog.doc", pe, true, "doc"},
		{"prog.txt", pe, true, "txt"},
		{"prog", pe, true, ""},
		{"prog.csv", pe, true, "csv"},
		{"setup.exe", pe, false, "exe"},
		{"Setup.EXE", pe, false, "exe"},
		{"treiber.sys", pe, false, "sys"},
		{"lib.dll", pe, false, "dll"},
		{"firmware.bin", pe, false, "bin"},
		{"tool", elf, true, ""},
		{"tool.txt", elf, true, "txt"},
		{"tool.exe", elf, true, "exe"},
		{"libfoo.so", elf, false, "so"},
		{"installer.run", elf, false, "run"},
		{"tool", macho, true, ""},
		{"tool.pdf", macho, true, "pdf"},
		{"libfoo.dylib", macho, false, "dylib"},
		// Text that merely starts with "MZ" is no program.
		{"notiz.txt", []byte("MZ Tools – Anleitung\n"), false, ""},
		{"README", []byte("plain words\n"), false, ""},
	} {
		ext, got := Contradicts(c.name, Sniff(c.head))
		if got != c.want || (got && ext != c.ext) {
			t.Errorf("%s (%s): contradicts %v ext %q, want %v %q", c.name, Sniff(c.head), got, ext, c.want, c.ext)
		}
	}
	for typ, want := range map[string]bool{TypeWindowsProgram: true, TypeELFProgram: true, TypeMachOProgram: true,
		"application/pdf": false, "text/plain; charset=utf-8": false} {
		if IsProgram(typ) != want {
			t.Errorf("IsProgram(%q) = %v", typ, !want)
		}
	}
}
