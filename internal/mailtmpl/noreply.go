package mailtmpl

import (
	"strings"

	"pforte/internal/i18n"
)

// NoReplyBody is the suffix of the built-in body a mail has for a reader whose answer
// by mail cannot come back (the tenant has no support address, so the mail has no
// Reply-To): its usual body asks for one ("reply to this email"), this one does not.
// The two have the same lines but those asking (WithoutReplyInvite relies on it).
const NoReplyBody = ".body_noreply"

// HasNoReply reports whether mail m has a built-in body in lang for a reader who
// cannot answer by mail, that is, whether its usual body asks for an answer by mail.
func HasNoReply(m Mail, lang string) bool {
	id := m.Key + NoReplyBody
	return m.NoPortalOf == "" && i18n.For(lang).T(id) != id
}

// DefaultNoReply is Default(m, lang) for a reader who cannot answer by mail: the body
// is the one of NoReplyBody where m has it.
func DefaultNoReply(m Mail, lang string) Text {
	d := Default(m, lang)
	if HasNoReply(m, lang) {
		d.Body = i18n.For(lang).T(m.Key+NoReplyBody, tokens(m))
	}
	return d
}

// DefaultFor is the built-in text of m in lang as a tenant's mail would send it: it
// asks for an answer by mail only when one can come back (canReply: the tenant has a
// support address). The editor starts from it.
func DefaultFor(m Mail, lang string, canReply bool) Text {
	if canReply {
		return Default(m, lang)
	}
	return DefaultNoReply(m, lang)
}

// AnswerableByMail reports whether an answer to mail m by mail can join what it is
// about: a mail to a contact about a ticket, which carries a Reply-To to the ticket
// when the tenant has a support address (ticket.Notifier). Staff answer in the back
// office, and no other mail is answered.
func (m Mail) AnswerableByMail() bool {
	return !m.Staff && strings.HasPrefix(m.Name(), "ticket_")
}

// WithoutReplyInvite is text t of mail m in lang for a reader whose answer by mail
// cannot come back. A tenant's text mostly starts from the built-in one and keeps its
// sentence asking for an answer by mail ("Reply to this email or open the ticket…"):
// each line of t that is such a line of the built-in body, as written there, becomes
// the no-reply body's line in its place (or goes, where that one is empty). A
// sentence the tenant worded themselves stays theirs; the editor says when answers
// cannot arrive.
func WithoutReplyInvite(m Mail, lang string, t Text) Text {
	swap := replyLines(m, lang)
	if len(swap) == 0 {
		return t
	}
	var out []string
	for _, ln := range strings.Split(t.Body, "\n") {
		if to, ok := swap[strings.TrimSpace(ln)]; ok {
			if to == "" {
				continue
			}
			ln = to
		}
		out = append(out, ln)
	}
	t.Body = strings.Join(out, "\n")
	return t
}

// replyLines maps each line of m's built-in body in lang that asks for an answer by
// mail to the line the no-reply body has in its place. The two bodies are compared
// line by line; ones of a different number of lines map nothing (a test keeps every
// translation aligned).
func replyLines(m Mail, lang string) map[string]string {
	if !HasNoReply(m, lang) {
		return nil
	}
	usual := strings.Split(Default(m, lang).Body, "\n")
	noReply := strings.Split(DefaultNoReply(m, lang).Body, "\n")
	if len(usual) != len(noReply) {
		return nil
	}
	out := map[string]string{}
	for i := range usual {
		if a, b := strings.TrimSpace(usual[i]), strings.TrimSpace(noReply[i]); a != b && a != "" {
			out[a] = b
		}
	}
	return out
}
