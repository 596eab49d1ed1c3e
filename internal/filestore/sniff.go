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
	TypeWindowsProgram = "application/x-msdownload" // MZ header: .exe, .dll
	TypeELFProgram     = "application/x-executable" // Linux and other Unix programs
)

// Sniff names the content type of a file from its first 512 bytes, like
// http.DetectContentType, and also recognises programs: a file called "tool.pdf" that
// is a Windows program must not pass for an unknown binary.
func Sniff(head []byte) string {
	ct := http.DetectContentType(head)
	if ct != "application/octet-stream" { // "MZ" followed by text is text, not a program
		return ct
	}
	switch {
	case bytes.HasPrefix(head, []byte("MZ")):
		return TypeWindowsProgram
	case bytes.HasPrefix(head, []byte("\x7fELF")):
		return TypeELFProgram
	}
	return ct
}

// extTypes maps file name extensions whose content Sniff recognises to the types such
// a file may have. Extensions not listed (.txt, .csv, .doc, .bin, …) are not checked:
// their content cannot be told from its first bytes.
var extTypes = map[string][]string{
	".pdf":  {"application/pdf"},
	".png":  {"image/png"},
	".jpg":  {"image/jpeg"},
	".jpeg": {"image/jpeg"},
	".gif":  {"image/gif"},
	".webp": {"image/webp"},
	".bmp":  {"image/bmp"},
	".ico":  {"image/x-icon"},
	".zip":  {"application/zip"},
	".docx": {"application/zip"}, // Office documents are zip archives
	".xlsx": {"application/zip"},
	".pptx": {"application/zip"},
	".odt":  {"application/zip"},
	".ods":  {"application/zip"},
	".odp":  {"application/zip"},
	".gz":   {"application/x-gzip"},
	".tgz":  {"application/x-gzip"},
	".rar":  {"application/x-rar-compressed"},
	".exe":  {TypeWindowsProgram},
	".dll":  {TypeWindowsProgram},
}

// Contradicts reports whether a file named name whose content was sniffed as typ is not
// what its extension says: "rechnung.pdf" holding a PNG, "tool.pdf" holding a program.
// A file with an extension Sniff cannot check never contradicts it. It returns the
// extension (lower case, without the dot) for the message.
func Contradicts(name, typ string) (string, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	want, ok := extTypes[ext]
	if !ok {
		return "", false
	}
	base, _, _ := strings.Cut(typ, ";")
	return strings.TrimPrefix(ext, "."), !slices.Contains(want, strings.TrimSpace(base))
}
