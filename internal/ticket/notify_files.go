package ticket

import (
	"pforte/internal/i18n"
	"pforte/internal/outbox"
)

// WithFiles returns the notifier listing files (a reply's attachments) by name in its
// mails, each in the recipient's language: a reply that is only a screenshot would
// otherwise arrive as a mail that quotes nothing. The files themselves stay in the
// ticket; the mail's button leads there.
func (n Notifier) WithFiles(files []Upload) Notifier {
	n.files = nil
	for _, f := range files {
		n.files = append(n.files, f.Filename)
	}
	return n
}

// fileLines are the lines of a mail in lang naming the notifier's files.
func (n Notifier) fileLines(lang string) []outbox.Line {
	var out []outbox.Line
	tr := i18n.For(lang)
	for _, name := range n.files {
		out = append(out, outbox.Line{Text: tr.T("portal_qa.mail_file", map[string]any{"Name": name})})
	}
	return out
}
