package filestore

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

// zipOf builds a zip archive with the named entries; an entry "mimetype" is stored
// uncompressed first, as OpenDocument files have it, and holds mimetype.
func zipOf(t *testing.T, mimetype string, names ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	if mimetype != "" {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(mimetype))
	}
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(strings.Repeat("<x/>", 300))) // pushes the directory past the first bytes
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestZipKind: office documents are told apart by their entries when stored, and a
// document is accepted only under its own extension.
func TestZipKind(t *testing.T) {
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	word := zipOf(t, "", "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml")
	excel := zipOf(t, "", "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml")
	power := zipOf(t, "", "[Content_Types].xml", "ppt/presentation.xml")
	odt := zipOf(t, TypeODT, "content.xml", "META-INF/manifest.xml")
	ods := zipOf(t, TypeODS, "content.xml")
	odp := zipOf(t, TypeODP, "content.xml")
	plain := zipOf(t, "", "readme.txt", "word/notes.txt") // no [Content_Types].xml
	both := zipOf(t, "", "[Content_Types].xml", "word/document.xml", "xl/workbook.xml")
	odd := zipOf(t, "application/x-foo", "content.xml")
	for _, c := range []struct {
		name    string
		content []byte
		typ     string // as stored
		bad     bool   // contradicts the name
		served  string // TypeFor
	}{
		{"bericht.docx", word, TypeDocx, false, TypeDocx},
		{"Bericht.DOCX", word, TypeDocx, false, TypeDocx},
		{"swap.xlsx", word, TypeDocx, true, ""},
		{"tabelle.xlsx", excel, TypeXlsx, false, TypeXlsx},
		{"tabelle.docx", excel, TypeXlsx, true, ""},
		{"folien.pptx", power, TypePptx, false, TypePptx},
		{"text.odt", odt, TypeODT, false, TypeODT},
		{"text.ods", odt, TypeODT, true, ""},
		{"calc.ods", ods, TypeODS, false, TypeODS},
		{"show.odp", odp, TypeODP, false, TypeODP},
		{"archiv.zip", plain, "application/zip", false, "application/zip"},
		{"archiv.zip", word, TypeDocx, false, "application/zip"}, // served as the name says
		{"bericht.docx", plain, "application/zip", true, ""},
		{"bericht.docx", both, "application/zip", true, ""},
		{"text.odt", odd, "application/zip", true, ""},
		{"daten.bin", word, TypeDocx, false, "application/zip"}, // no document by its name
	} {
		st, err := s.Put(bytes.NewReader(c.content), 0)
		if err != nil {
			t.Fatal(err)
		}
		if st.Type != c.typ {
			t.Errorf("%s: stored type %q, want %q", c.name, st.Type, c.typ)
		}
		if _, bad := Contradicts(c.name, st.Type); bad != c.bad {
			t.Errorf("%s (%s): contradicts %v, want %v", c.name, st.Type, bad, c.bad)
		}
		if !c.bad {
			if got := TypeFor(c.name, st.Type); got != c.served {
				t.Errorf("%s: TypeFor %q, want %q", c.name, got, c.served)
			}
		}
	}
}

// TestZipKindBroken: a zip whose directory is missing, cut off or lies about its
// place stays a plain zip and reading it does not fail.
func TestZipKindBroken(t *testing.T) {
	word := zipOf(t, "", "[Content_Types].xml", "word/document.xml")
	end := bytes.LastIndex(word, []byte("PK\x05\x06"))
	dir := int(binary.LittleEndian.Uint32(word[end+16:]))
	lying := append([]byte{}, word...)
	copy(lying[end+16:], []byte{0xff, 0xff, 0xff, 0x7f}) // directory offset past the end
	for name, b := range map[string][]byte{
		"no end record": word[:end],
		"cut directory": append(append([]byte{}, word[:dir]...), word[dir+10:]...),
		"lying offset":  lying,
		"only a header": []byte("PK\x03\x04\x14\x00"),
	} {
		if got := ZipKind(bytes.NewReader(b), int64(len(b)), b[:min(len(b), SniffLen)]); got != "application/zip" {
			t.Errorf("%s: %q", name, got)
		}
	}
}
