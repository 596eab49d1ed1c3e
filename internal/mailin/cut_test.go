package mailin

import (
	"errors"
	"strings"
	"testing"
)

// TestParseBrokenPartInWholeMultipart: a base64 part whose last group is incomplete,
// inside a multipart that ends with its closing boundary, is a broken mail and stays
// refused — not taken with a corrupt file and without the parts after it.
func TestParseBrokenPartInWholeMultipart(t *testing.T) {
	for name, raw := range map[string]string{
		"incomplete group": `
From: a@example.com
Content-Type: multipart/mixed; boundary="BB"

--BB
Content-Type: text/plain

hello
--BB
Content-Type: application/pdf; name="a.pdf"
Content-Transfer-Encoding: base64

QUJDRE
--BB
Content-Type: application/pdf; name="b.pdf"
Content-Transfer-Encoding: base64

QUJDRA==
--BB--
`,
		"nested, incomplete group": `
From: a@example.com
Content-Type: multipart/mixed; boundary="OUT"

--OUT
Content-Type: multipart/related; boundary="IN"

--IN
Content-Type: text/plain

hello
--IN
Content-Type: image/png; name="x.png"
Content-Transfer-Encoding: base64

iVBORw0
--IN--
--OUT--
`,
		"last part, incomplete group": `
From: a@example.com
Content-Type: multipart/mixed; boundary="BB"

--BB
Content-Type: application/pdf; name="a.pdf"
Content-Transfer-Encoding: base64

QUJDRE
--BB--`,
	} {
		if _, err := Parse(crlf(raw), Limits{}); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", name, err)
		}
	}
}

// TestParseCutMarked: a multipart that ends before its closing boundary — in a part's
// body, in its base64, in a part's header, in a nested multipart — keeps what came and
// is marked Cut; a whole one is not.
func TestParseCutMarked(t *testing.T) {
	head := "From: a@example.com\nContent-Type: multipart/mixed; boundary=\"BB\"\n\n--BB\nContent-Type: text/plain\n\nhello\n"
	for name, c := range map[string]struct {
		raw   string
		files string
		cut   bool
	}{
		"whole":            {head + "--BB\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\nQUJDRA==\n--BB--\n", "a.pdf", false},
		"whole, no end LF": {head + "--BB--", "", false},
		"in a body":        {head + "--BB\nContent-Type: application/pdf; name=a.pdf\n\n%PDF-1.4 and then", "a.pdf", true},
		"in base64":        {head + "--BB\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\nQUJDRA==QUJ", "a.pdf", true},
		"after a part":     {head + "--BB\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\nQUJDRA==\n--BB", "a.pdf", true},
		"in a header":      {head + "--BB\nContent-Type: applic", "", true},
		"no closing line":  {head, "", true},
		"nested": {"From: a@example.com\nContent-Type: multipart/mixed; boundary=\"OUT\"\n\n--OUT\n" +
			"Content-Type: multipart/related; boundary=\"IN\"\n\n--IN\nContent-Type: text/plain\n\nhello\n--IN\n" +
			"Content-Type: image/png; name=x.png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo", "x.png", true},
	} {
		m, err := Parse(crlf(c.raw), Limits{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var files []string
		for _, a := range m.Attachments {
			files = append(files, a.Filename)
		}
		if m.Cut != c.cut || m.Text != "hello" || strings.Join(files, "|") != c.files {
			t.Errorf("%s: cut %v, text %q, files %q", name, m.Cut, m.Text, files)
		}
	}
	// Nothing but a preamble is no mail at all.
	if _, err := Parse(crlf("From: a@example.com\nContent-Type: multipart/mixed; boundary=BB\n\njust text"), Limits{}); !errors.Is(err, ErrMalformed) {
		t.Errorf("a multipart without parts: %v", err)
	}
}
