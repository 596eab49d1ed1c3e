package mailtmpl

import "pforte/internal/i18n"

// NoReplyBody is the suffix of the built-in body a person's mail (Mail.Personal) has
// for a reader whose answer by mail cannot come back (the tenant has no support
// address, so the mail has no Reply-To): its footer does not say "reply to this email".
const NoReplyBody = ".body_noreply"

// DefaultNoReply is Default(m, lang) for a reader who cannot answer by mail: the body
// is the one of NoReplyBody where m has it.
func DefaultNoReply(m Mail, lang string) Text {
	d := Default(m, lang)
	id := m.Key + NoReplyBody
	if t := i18n.For(lang); t.T(id) != id {
		d.Body = t.T(id, tokens(m))
	}
	return d
}
