package mailin

import (
	"net/url"
	"regexp"
	"strings"
)

// cidRef finds cid: references (RFC 2392) in an HTML body: <img src="cid:…">, and the
// same in background attributes or CSS.
var cidRef = regexp.MustCompile(`(?i)cid:([^"'\s<>()]+)`)

// decorationMax is the size below which an image the HTML shows by cid: counts as
// decoration. Signature logos and social-media icons are a few KB (Outlook's
// image001.png is typically 2–15 KB); a pasted screenshot, which Outlook, Gmail and
// Apple Mail send only as such a cid: image, is larger as soon as it shows anything
// readable (a 300×200 dialog is about 20 KB and more as PNG). Keeping a small logo costs
// one spare file on the ticket; dropping a screenshot loses what the customer sent, so
// the bound errs towards keeping.
const decorationMax = 16 << 10

// dropDecoration removes the small images that the HTML body shows inline by cid: —
// the logo in every Outlook signature (image001.png in multipart/related), social
// icons. The portal shows a mail as text, so they would only pile up as files named
// image001.png on the ticket. A larger inline image (a pasted screenshot), a part sent
// as an attachment (Content-Disposition: attachment), one the HTML does not reference,
// and any part that is no image stay.
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
		if a.Inline && a.ContentID != "" && strings.HasPrefix(a.ContentType, "image/") &&
			len(a.Data) < decorationMax && refs[strings.ToLower(a.ContentID)] {
			continue
		}
		out = append(out, a)
	}
	return out
}
