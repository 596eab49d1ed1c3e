package filestore

import (
	"fmt"
	"strings"

	"pforte/internal/validate"
)

// ServedCSP is the Content-Security-Policy of an uploaded file served as a download.
// Should a browser show the file after all (opened from its download list, say), the
// sandbox gives it an origin of its own: no script, no cookies of the portal.
const ServedCSP = "sandbox; default-src 'none'; frame-ancestors 'none'"

// Disposition is an "attachment" header value for name: an ASCII fallback in
// filename for old clients, and the exact UTF-8 name in filename* (RFC 5987/6266).
// Bidirectional formatting characters are left out, also of names stored before
// uploads were cleaned of them: the saved file must not pose as another type
// ("rechnung\u202Efdp.exe" would be saved showing as "rechnungexe.pdf").
func Disposition(name string) string {
	name = validate.StripBidi(name)
	var ascii, ext strings.Builder
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f || r > 0x7e || r == '"' || r == '\\' || r == '/' || r == ';':
			ascii.WriteByte('_')
		default:
			ascii.WriteRune(r)
		}
	}
	for _, b := range []byte(name) {
		if isAttrChar(b) {
			ext.WriteByte(b)
		} else {
			fmt.Fprintf(&ext, "%%%02X", b)
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + ext.String()
}

// isAttrChar reports whether b may stand unescaped in an RFC 5987 ext-value.
func isAttrChar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", b) >= 0
}
