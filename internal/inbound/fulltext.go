package inbound

import (
	"strings"
)

// LongText is how much of a mail's text a ticket message holds, in bytes (the portal's
// form limit). A longer text — a pasted log, a long thread — is also kept whole as a
// text file (Delivery.FullText), which a shortened message carries as its attachment.
const LongText = 20000

// keepFullText puts text into the file store when it is longer than LongText. The
// file counts against nothing new: its size is bounded by the decoded text, which the
// message's own size limit bounds, and it is dropped with the mail's other files when
// the mail is not taken in.
func (l *Listener) keepFullText(text string) (File, error) {
	if len(text) <= LongText {
		return File{}, nil
	}
	st, err := l.Files.Put(strings.NewReader(text), 0)
	if err != nil {
		return File{}, err
	}
	return File{Name: "full-text.txt", ContentType: "text/plain", Type: st.Type, Size: st.Size, Key: st.Key}, nil
}
