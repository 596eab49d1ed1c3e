package mailtmpl

import "pforte/internal/i18n"

// NoPortalBody is the suffix of the built-in body a mail has for a recipient who cannot
// sign in to the portal (a contact made from an inbound mail, or one whose access was
// never granted): "mail.ticket_received.body_noportal". Only mails whose usual body
// sends the reader to the portal have one.
const NoPortalBody = ".body_noportal"

// NoPortal is the built-in text of mail m in lang for a recipient without portal
// access, written with {{placeholders}} like Default; ok is false when the mail has no
// such variant and its usual text fits everyone. It is the built-in wording only: a
// tenant's own text of the mail applies to every recipient, as they wrote it.
func NoPortal(m Mail, lang string) (t Text, ok bool) {
	id := m.Key + NoPortalBody
	tr := i18n.For(lang)
	if tr.T(id) == id {
		return Text{}, false
	}
	t = Default(m, lang)
	t.Body = tr.T(id, tokens(m))
	return t, true
}

// tokens are the data that make a built-in message show mail m's placeholders instead
// of values: {{.FirstName}} becomes {{first_name}}.
func tokens(m Mail) map[string]any {
	data := map[string]any{}
	for _, p := range m.Placeholders {
		data[p.Data] = "{{" + p.Name + "}}"
	}
	return data
}
