package filestore

import (
	"bytes"
	"path/filepath"
	"strings"
)

// TypeEmbeddedPDF is recorded for binary content with the "%PDF-" header after leading
// bytes that are neither a byte order mark, blank space nor a header left in front. PDF
// readers open such a file, so it passes for a PDF under a .pdf name (TypeFor records it
// as application/pdf); under any other name it is plain bytes, never served as a PDF.
const TypeEmbeddedPDF = "application/x-embedded-pdf"

// sniffPDF is the type of head (which DetectContentType named ct, octet-stream or plain
// text) when it carries the PDF header "%PDF-" after its first byte, as PDF readers
// accept within the first SniffLen bytes; ok is false when it carries none. What stands
// before the header decides: a byte order mark, blank space or header lines (a mail or
// HTTP header left in front) make it a PDF whatever its name; other text is text that
// mentions a PDF version ("Format: %PDF-1.7" in a .txt or .csv); a tar archive
// (whose first member may be a PDF) stays an archive; other binary bytes make it
// TypeEmbeddedPDF, a PDF only when named so.
func sniffPDF(head []byte, ct string) (typ string, ok bool) {
	i := bytes.Index(head[:min(len(head), SniffLen)], []byte("%PDF-"))
	switch {
	case i < 0:
		return "", false
	case pdfLead(head[:i]):
		return "application/pdf", true
	case isTar(head):
		return ct, true
	case ct == "application/octet-stream":
		return TypeEmbeddedPDF, true
	}
	return ct, true
}

// isTar reports whether head starts a tar archive: POSIX and GNU tar write "ustar" at
// offset 257 of the first member's header, after its name (which may end in ".pdf").
func isTar(head []byte) bool {
	return len(head) >= 262 && string(head[257:262]) == "ustar"
}

// pdfLead reports whether lead, the bytes before a "%PDF-" header, are what PDF readers
// are known to skip and a PDF saved by mistake carries: a UTF-8 byte order mark, then
// blank space or whole header lines ("Content-Type: application/pdf", an HTTP status
// line, a folded continuation) each ending in LF or CRLF, so the header starts a line.
func pdfLead(lead []byte) bool {
	lead = bytes.TrimPrefix(lead, []byte("\xef\xbb\xbf"))
	if len(bytes.Trim(lead, " \t\r\n")) == 0 {
		return true
	}
	if !bytes.HasSuffix(lead, []byte("\n")) {
		return false
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(lead), "\n"), "\n") {
		if !headerLine(strings.TrimSuffix(line, "\r")) {
			return false
		}
	}
	return true
}

// headerLine reports whether line is blank or one of a mail or HTTP header: a field
// name, a colon and printable text; a continuation starting with blank space; an HTTP
// status line; an mbox "From " line.
func headerLine(line string) bool {
	for _, r := range line {
		if (r < 0x20 && r != '\t') || r > 0x7e {
			return false
		}
	}
	if strings.TrimSpace(line) == "" || line[0] == ' ' || line[0] == '\t' ||
		strings.HasPrefix(line, "HTTP/") || strings.HasPrefix(line, "From ") {
		return true
	}
	name, _, ok := strings.Cut(line, ":")
	return ok && name != "" && strings.IndexFunc(name, func(r rune) bool { return !tokenChar(r) }) < 0
}

// tokenChar reports whether r may appear in a header field's name (RFC 9110's tchar).
func tokenChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r)
}

// embeddedPDF is the type to record or serve for content sniffed as TypeEmbeddedPDF
// under name: a PDF under a .pdf name, plain bytes under any other.
func embeddedPDF(name string) string {
	if strings.EqualFold(filepath.Ext(name), ".pdf") {
		return "application/pdf"
	}
	return "application/octet-stream"
}
