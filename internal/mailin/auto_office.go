package mailin

import (
	"strings"

	"github.com/emersion/go-message"
)

// AutoOffice: an out-of-office reply as Exchange and Outlook send it, marked only by
// X-Auto-Response-Suppress or by the subject they put in front of the original one.
const AutoOffice = "out-of-office"

// officePrefixes start the subject of Exchange's and Outlook's automatic replies in the
// portal's languages (lower case): "Automatic reply: Your ticket #12". No person starts
// a subject with these words and a colon.
var officePrefixes = []string{
	"automatic reply:", "auto reply:", "autoreply:", "out of office:", "out of office reply:",
	"automatische antwort:", "abwesenheitsnotiz:", "abwesend:",
	"réponse automatique :", "réponse automatique:", "absence du bureau :", "absence du bureau:",
	"automatisk svar:", "fraværende:", "automatisch antwoord:", "afwezig:",
	"תשובה אוטומטית:", "resposta automática:", "respuesta automática:", "fuera de la oficina:",
	"ตอบกลับอัตโนมัติ:",
}

// officeAuto tells whether a mail is an automatic reply the way Microsoft's servers and
// clients mark one: older Exchange servers and Outlook rules send out-of-office replies
// without Auto-Submitted, but with X-Auto-Response-Suppress asking that nothing answer
// them (a person's mail does not carry it) and the subject in front of the original.
// Without this such a reply to a ticket mail joined the ticket as the customer's answer.
func officeAuto(h message.Header, subject string) bool {
	for _, v := range strings.Split(h.Get("X-Auto-Response-Suppress"), ",") {
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "all", "oof", "autoreply":
			return true
		}
	}
	s := strings.ToLower(strings.TrimSpace(subject))
	for _, p := range officePrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
