package filestore

import (
	"bytes"
	"testing"
)

// TestSniffPDFLead: "%PDF-" after the first byte makes a PDF only after what a PDF
// saved by mistake carries in front (a byte order mark, blank space, a mail or HTTP
// header); text that merely mentions a PDF version stays text, a tar archive whose first
// member is a PDF stays an archive, and a PDF after other binary bytes is one only
// under a .pdf name.
func TestSniffPDFLead(t *testing.T) {
	body := "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
	tar := make([]byte, 512) // a ustar header whose member is a PDF, then the PDF
	copy(tar, "rechnung.pdf")
	copy(tar[100:], "0000644\x00")
	copy(tar[257:], "ustar\x0000")
	tar = append(tar, body...)
	junk := append(append([]byte("\x00\x01\x02garbage"), make([]byte, 900)...), body...)
	for _, c := range []struct {
		what, name, head, sniff, record string
		contradicts                     bool
	}{
		{"bom", "a.pdf", "\xef\xbb\xbf" + body, "application/pdf", "application/pdf", false},
		{"blank lines", "a.pdf", "\r\n\n  " + body, "application/pdf", "application/pdf", false},
		{"mail header", "a.bin", "Content-Type: application/pdf\r\nContent-Disposition: attachment;\r\n\tfilename=a.pdf\r\n\r\n" + body,
			"application/pdf", "application/pdf", false},
		{"http response", "a", "HTTP/1.1 200 OK\nContent-Type: application/pdf\n\n" + body, "application/pdf", "application/pdf", false},
		{"txt mentioning", "notiz.txt", "Bitte als PDF speichern, Format %PDF-1.7 (ISO 32000).\n", "text/plain; charset=utf-8", "text/plain; charset=utf-8", false},
		{"csv line", "liste.csv", "name,format\nRechnung,x\n%PDF-1.7,ok\n", "text/plain; charset=utf-8", "text/plain; charset=utf-8", false},
		{"csv named pdf", "liste.pdf", "name,format\n%PDF-1.7,ok\n", "text/plain; charset=utf-8", "text/plain; charset=utf-8", true},
		{"tar", "archiv.tar", string(tar), "application/octet-stream", "application/octet-stream", false},
		{"tar named pdf", "archiv.pdf", string(tar), "application/octet-stream", "application/octet-stream", true},
		{"junk named pdf", "rechnung.pdf", string(junk), TypeEmbeddedPDF, "application/pdf", false},
		{"junk named bin", "daten.bin", string(junk), TypeEmbeddedPDF, "application/octet-stream", false},
		{"junk named png", "bild.png", string(junk), TypeEmbeddedPDF, TypeEmbeddedPDF, true},
	} {
		got := Sniff([]byte(c.head))
		if got != c.sniff {
			t.Errorf("%s: sniffed %q, want %q", c.what, got, c.sniff)
			continue
		}
		if _, bad := Contradicts(c.name, got); bad != c.contradicts {
			t.Errorf("%s: %s contradicts %v, want %v", c.what, c.name, bad, c.contradicts)
		}
		if bad := c.contradicts; !bad {
			if rec := TypeFor(c.name, got); rec != c.record {
				t.Errorf("%s: %s recorded as %q, want %q", c.what, c.name, rec, c.record)
			}
			if srv := ServeType(c.name, got); srv != c.record {
				t.Errorf("%s: %s served as %q, want %q", c.what, c.name, srv, c.record)
			}
		}
	}
	if !bytes.Contains(tar, []byte("%PDF-")) {
		t.Fatal("the tar test file carries no PDF header")
	}
}
