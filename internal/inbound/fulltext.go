package inbound

import (
	"strings"

	"pforte/internal/validate"
)

// LongText is how much of a mail's text a ticket message holds, in bytes (the portal's
// form limit). A mail whose message text (MailBody) is longer is also kept whole as a
// text file (Delivery.FullText), which the shortened message carries as its attachment.
const LongText = 20000

// MailBody is the text a mail becomes as a ticket message, before it is shortened to
// LongText: what the sender wrote this time (reply: quotes and signature trimmed), or
// the whole text when trimming left nothing, "–" for none at all. The routers and
// keepFullText decide by the same rule, so a whole-text file is stored only for a mail
// whose message is shortened.
func MailBody(reply, whole string) string {
	body := strings.TrimSpace(reply)
	if body == "" {
		body = strings.TrimSpace(whole)
	}
	if body == "" {
		body = "–"
	}
	return validate.Clean(body)
}

// keepFullText puts m's whole text into the file store when the message it becomes
// (MailBody) is longer than LongText; a short answer under a long quoted history
// stores nothing, since nothing would carry the file. The file counts against nothing
// new: its size is bounded by the decoded text, which the message's own size limit
// bounds, and it is dropped with the mail's other files when the mail is not taken in.
func (l *Listener) keepFullText(reply, whole string) (File, error) {
	if len(MailBody(reply, whole)) <= LongText {
		return File{}, nil
	}
	st, err := l.Files.Put(strings.NewReader(whole), 0)
	if err != nil {
		return File{}, err
	}
	return File{Name: "full-text.txt", ContentType: "text/plain", Type: st.Type, Size: st.Size, Key: st.Key}, nil
}
