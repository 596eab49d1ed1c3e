package filestore

import (
	"bytes"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
)

// Content types Sniff adds to those of http.DetectContentType, which calls programs
// just "application/octet-stream".
const (
	TypeWindowsProgram = "application/x-msdownload"  // MZ header: .exe, .dll
	TypeELFProgram     = "application/x-executable"  // Linux and other Unix programs
	TypeMachOProgram   = "application/x-mach-binary" // macOS programs and libraries
	// TypeOLE is an OLE compound file: old Office documents (.doc, .xls, .ppt) and
	// password-protected new ones (.docx, .xlsx, .pptx), which are encrypted inside one.
	TypeOLE = "application/x-ole-storage"
)

// SniffLen is how much of a file's beginning Sniff wants: PDF readers look for the
// "%PDF-" header within the first 1,024 bytes.
const SniffLen = 1024

// Sniff names the content type of a file from its first SniffLen bytes, like
// http.DetectContentType (which reads 512 of them), and also recognises programs: a
// file called "tool.pdf" that is a Windows program must not pass for an unknown
// binary. It also knows the formats whose readers are more lenient than
// DetectContentType, so a file every reader opens is not taken for something else.
func Sniff(head []byte) string {
	ct := http.DetectContentType(head)
	if ct != "application/octet-stream" && !strings.HasPrefix(ct, "text/plain") {
		return ct
	}
	if ct == "application/octet-stream" { // "MZ" followed by text is text, not a program
		switch {
		case bytes.HasPrefix(head, []byte("MZ")):
			return TypeWindowsProgram
		case bytes.HasPrefix(head, []byte("\x7fELF")):
			return TypeELFProgram
		// Thin Mach-O, 32 and 64 bit, either byte order. Universal ("fat") binaries start
		// with 0xcafebabe like Java class files and are left alone.
		case bytes.HasPrefix(head, []byte("\xfe\xed\xfa\xce")), bytes.HasPrefix(head, []byte("\xce\xfa\xed\xfe")),
			bytes.HasPrefix(head, []byte("\xfe\xed\xfa\xcf")), bytes.HasPrefix(head, []byte("\xcf\xfa\xed\xfe")):
			return TypeMachOProgram
		case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
			return TypeOLE
		// DetectContentType knows only a zip's first local header; an empty zip starts
		// with its end record, a spanned one with the spanning marker.
		case bytes.HasPrefix(head, []byte("PK\x05\x06")), bytes.HasPrefix(head, []byte("PK\x07\x08")):
			return "application/zip"
		}
	}
	// PDF readers accept the header after leading bytes (see sniffPDF). Only after the
	// signatures above: a program carrying "%PDF-" early on is still a program.
	if typ, ok := sniffPDF(head, ct); ok {
		return typ
	}
	return ct
}

// extTypes maps file name extensions whose content Sniff recognises to the types such
// a file may have. Extensions not listed (.txt, .csv, .bin, …) are not checked: their
// content cannot be told from its first bytes. Nor are old Office files (.doc, .xls,
// .ppt): they may be OLE files, but also RTF or HTML saved under that name, which
// Office opens all the same.
var extTypes = map[string][]string{
	".pdf":  {"application/pdf", TypeEmbeddedPDF},
	".png":  {"image/png"},
	".jpg":  {"image/jpeg"},
	".jpeg": {"image/jpeg"},
	".gif":  {"image/gif"},
	".webp": {"image/webp"},
	".bmp":  {"image/bmp"},
	".ico":  {"image/x-icon"},
	// Office documents are zip archives of their kind (see ZipKind), or OLE files once
	// protected by a password. A .zip may hold anything zipped, office files included.
	".zip":  {"application/zip", TypeDocx, TypeXlsx, TypePptx, TypeODT, TypeODS, TypeODP},
	".docx": {TypeDocx, TypeOLE},
	".xlsx": {TypeXlsx, TypeOLE},
	".pptx": {TypePptx, TypeOLE},
	".odt":  {TypeODT},
	".ods":  {TypeODS},
	".odp":  {TypeODP},
	".gz":   {"application/x-gzip"},
	".tgz":  {"application/x-gzip"},
	".rar":  {"application/x-rar-compressed"},
	".exe":  {TypeWindowsProgram},
	".dll":  {TypeWindowsProgram},
}

// programExts are the extensions a program of each recognised kind may be published
// under: those its system runs or loads it by, so nobody opens it by mistake thinking it
// a document. Any other name — "anleitung.doc", "liesmich.txt", no extension at all —
// is refused: a customer would not expect a program there. ".bin" is allowed for all
// kinds: firmware and installer images are sold under it, and nobody opens a .bin
// expecting a document. Installer packages (.msi, .dmg, .pkg) are not programs in
// this sense: they start with OLE, compressed or xar headers.
var programExts = map[string][]string{
	TypeWindowsProgram: {".exe", ".dll", ".sys", ".efi", ".ocx", ".bin"},
	TypeELFProgram:     {".so", ".elf", ".run", ".appimage", ".ko", ".bin"},
	TypeMachOProgram:   {".dylib", ".so", ".bundle", ".bin"},
}

// IsProgram reports whether typ (as from Sniff) is a program Sniff recognises.
func IsProgram(typ string) bool {
	_, ok := programExts[baseType(typ)]
	return ok
}

func baseType(typ string) string {
	base, _, _ := strings.Cut(typ, ";")
	return strings.TrimSpace(base)
}

// Checked reports whether Contradicts compares the content of a file named name with
// its extension, which then names what the file should be ("bericht.pdf"); for other
// names ("liesmich.txt", "tool") only a program is refused.
func Checked(name string) bool {
	_, ok := extTypes[strings.ToLower(filepath.Ext(name))]
	return ok
}

// Contradicts reports whether a file named name whose content was sniffed as typ is not
// what its extension says: "rechnung.pdf" holding a PNG, "tool.pdf" holding a program.
// A recognised program contradicts every name but a program's (see programExts); other
// content never contradicts an extension Sniff cannot check. It returns the extension
// (lower case, without the dot; empty for a name without one) for the message.
func Contradicts(name, typ string) (string, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	base := baseType(typ)
	if exts, ok := programExts[base]; ok {
		return strings.TrimPrefix(ext, "."), !slices.Contains(exts, ext)
	}
	want, ok := extTypes[ext]
	if !ok {
		return "", false
	}
	return strings.TrimPrefix(ext, "."), !slices.Contains(want, base)
}

// ServeType is the Content-Type to send a stored file named name whose recorded type is
// typ with: typ, unless the content contradicts the name (a mail's attachment is kept
// whatever it holds) or nothing was recorded. Such a file goes out as plain bytes, so
// the browser saves it under its name and derives nothing from the type: Chrome, say,
// gives a file without extension the one of its type, and "rechnung" served as a
// Windows program would be saved as "rechnung.exe".
func ServeType(name, typ string) string {
	if _, bad := Contradicts(name, typ); bad || typ == "" {
		return "application/octet-stream"
	}
	return TypeFor(name, typ) // a mail's attachment is recorded as sniffed
}

// TypeFor is the type to record for a file named name whose content was sniffed as typ:
// an office document's own type only under its own extension ("bericht.docx"); under any
// other name ("archiv.zip") it is served as what the name promises, a plain zip; a PDF
// after leading binary bytes (TypeEmbeddedPDF) is a PDF under a .pdf name only.
func TypeFor(name, typ string) string {
	if baseType(typ) == TypeEmbeddedPDF {
		return embeddedPDF(name)
	}
	ext := strings.ToLower(filepath.Ext(name))
	office := slices.Contains([]string{TypeDocx, TypeXlsx, TypePptx, TypeODT, TypeODS, TypeODP}, typ)
	if office && (ext == ".zip" || !slices.Contains(extTypes[ext], typ)) {
		return "application/zip"
	}
	return typ
}
