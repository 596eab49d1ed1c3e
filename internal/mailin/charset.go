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

// c1Windows1252 reads the C1 control characters U+0080–U+009F as the Windows-1252
// characters of the same byte (“ ” – € …) and drops the five bytes Windows-1252 leaves
// undefined. Mail labelled ISO-8859-1 (or US-ASCII) is very often written in
// Windows-1252, the way WHATWG has browsers read that label: a strict ISO-8859-1
// decoder — go-message's for bodies, Go's mime package for encoded words, which never
// asks message.CharsetReader about ISO-8859-1 — turns its quotes, dashes and euro
// signs into invisible control characters. No text a person writes contains C1
// controls, so mapping them loses nothing.
func c1Windows1252(s string) string {
	if !strings.ContainsFunc(s, isC1) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if !isC1(r) {
			return r
		}
		if d := charmap.Windows1252.DecodeByte(byte(r)); d != r && d != utf8.RuneError {
			return d
		}
		return -1 // undefined in Windows-1252 too
	}, s)
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

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
