package mailin

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message"
	"golang.org/x/text/encoding/charmap"
)

// Mail that names a charset nobody knows (x-unknown, a typo, a vendor's own name) was
// almost always written on a Western Windows machine: Windows-1252 reads it as its
// sender meant far more often than anything else, and never fails. So a subject like
// =?x-unknown?q?caf=E9?= reads "café" instead of staying encoded, and a body shows its
// umlauts instead of U+FFFD. The go-message charset package sets message.CharsetReader
// in its own init, which runs before this one (this package imports it).
func init() {
	known := message.CharsetReader
	message.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		if known != nil {
			if r, err := known(charset, input); err == nil {
				return r, nil
			}
		}
		return charmap.Windows1252.NewDecoder().Reader(input), nil
	}
}

// fromWindows1252 reads text that is not valid UTF-8 — 8-bit bytes sent without or
// against their charset label — as Windows-1252, the likeliest origin; valid UTF-8 is
// returned as it is.
func fromWindows1252(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	out, err := charmap.Windows1252.NewDecoder().String(s)
	if err != nil {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return out
}
