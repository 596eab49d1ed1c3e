package mailin

import (
	"net/url"
	"regexp"
	"strings"
)

// cidRef finds cid: references (RFC 2392) in an HTML body: <img src="cid:…">, and the
// same in background attributes or CSS.
var cidRef = regexp.MustCompile(`(?i)cid:([^"'\s<>()]+)`)

// dropDecoration removes the images that the HTML body shows inline by cid: — the logo
// in every Outlook signature (image001.png in multipart/related), a pasted screenshot's
// inline copy. The portal shows a mail as text, so they would only pile up as files
// named image001.png on the ticket. A part sent as an attachment (Content-Disposition:
// attachment), one the HTML does not reference, and any part that is no image stay.
func dropDecoration(atts []Attachment, html string) []Attachment {
	refs := map[string]bool{}
	for _, m := range cidRef.FindAllStringSubmatch(html, -1) {
		id := m[1]
		if u, err := url.PathUnescape(id); err == nil {
			id = u
		}
		refs[strings.ToLower(strings.Trim(id, "<>"))] = true
	}
	if len(refs) == 0 {
		return atts
	}
	out := atts[:0:0]
	for _, a := range atts {
		if a.Inline && a.ContentID != "" && strings.HasPrefix(a.ContentType, "image/") && refs[strings.ToLower(a.ContentID)] {
			continue
		}
		out = append(out, a)
	}
	return out
}
