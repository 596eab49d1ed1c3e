package mailin

import (
	"regexp"
	"strings"

	"pforte/internal/validate"
)

// markerLine matches the portal's reply marker in any language: "##- … -##", also when
// the mail program quoted it.
var markerLine = regexp.MustCompile(`^[\s>]*##-.*-##\s*$`)

// separatorLine matches Outlook's "-----Original Message-----" in the languages Pforte
// speaks and a few more.
// Thunderbird writes "-------- Message original --------" in French, Samsung and Apple
// mail programs the typographic apostrophe of "Message d’origine".
var separatorLine = regexp.MustCompile(`(?i)^\s*-{2,}\s*(original message|ursprüngliche nachricht|originalnachricht|message d['’]origine|message original|oorspronkelijk bericht|mensaje original|mensagem original|oprindelig meddelelse|originalmeddelelse)\s*-{2,}\s*$`)

// attribution matches the line (possibly wrapped over two or three) a mail program puts
// above the quoted original: "On … wrote:", "Am … schrieb …:", "Le … a écrit :" and
// their Dutch, Spanish, Portuguese and Danish cousins, Hebrew ("בתאריך … מאת …:" from
// Gmail, "… כתב:" from Thunderbird and Apple Mail) and Thai ("เมื่อ … เขียนว่า:").
var attribution = regexp.MustCompile(`(?i)^\s*(on\s.+\swrote|am\s.+\s(schrieb|geschrieben)\b.*|le\s.+\sa\s+écrit|op\s.+\s(schreef|geschreven)\b.*|el\s.+\sescribió|em\s.+\sescreveu|den\s.+\sskrev\b.*|בתאריך\s.+\sמאת\s.+|ב[-־]\S*\s.+\sכתב(/ה|ה)?|เมื่อ.+เขียนว่า)\s*:\s*$`)

// headerFrom and headerSent match Outlook's quoted header block ("From: … Sent: …"),
// optionally in bold markers as its plain text version writes them. Spanish Outlook
// writes "Enviado el:", Brazilian "Enviada em:", the new Outlook "Date:" in each
// language ("Fecha:", "Data:", "Dato:").
var (
	headerFrom = regexp.MustCompile(`(?i)^\s*\*?(from|von|de|van|fra|da|מאת|จาก)\s*:\*?\s*\S`)
	headerSent = regexp.MustCompile(`(?i)^\s*\*?(sent|gesendet|date|datum|envoyé|verzonden|enviado|enviada|enviado el|enviado em|enviada em|fecha|data|sendt|dato|inviato|נשלח|תאריך|ส่ง|วันที่)\s*:\*?\s*\S`)
)

// underscores is the rule Outlook draws above its header block.
var underscores = regexp.MustCompile(`^\s*_{10,}\s*$`)

// Trim returns what the sender wrote this time: text above the portal's reply marker,
// above the "On … wrote:" line, above an Outlook original-message block or header
// block, without lines quoted with ">" and without the signature after "-- ". A reply
// written below the quote (bottom posting) is found too. When nothing is left, the
// whole text is returned rather than an empty reply.
func Trim(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	cut := len(lines)
	for i := range lines {
		if n := quoteHead(lines, i); n > 0 {
			cut = i
			if i > 0 && underscores.MatchString(lines[i-1]) {
				cut = i - 1
			}
			break
		}
	}
	if reply := unquote(withoutSignature(lines[:cut])); reply != "" {
		return reply
	}
	// Bottom posting: the answer follows the quote. Keep what is neither quote nor the
	// lines that introduce it.
	var rest []string
	for i := 0; i < len(lines); i++ {
		if n := quoteHead(lines, i); n > 0 {
			i += n - 1
			continue
		}
		rest = append(rest, lines[i])
	}
	if reply := unquote(withoutSignature(rest)); reply != "" {
		return reply
	}
	return strings.TrimSpace(text)
}

// quoteHead reports whether lines[i] starts a quoted original and how many lines its
// introduction takes (0: it does not start one).
func quoteHead(lines []string, i int) int {
	// Hebrew mail programs wrap names and addresses in bidi marks and embeddings
	// (Gmail's attribution ends in ":" followed by U+202C); they are no text to match.
	l := validate.StripBidi(lines[i])
	switch {
	case markerLine.MatchString(l), separatorLine.MatchString(l):
		return 1
	case headerFrom.MatchString(l):
		for j := i + 1; j < len(lines) && j <= i+4; j++ {
			if headerSent.MatchString(validate.StripBidi(lines[j])) {
				return 1
			}
		}
		return 0
	}
	if len(l) > 500 { // an attribution is short; skip the regexp on long lines
		return 0
	}
	joined := strings.TrimSpace(l)
	for n := 1; n <= 3 && i+n <= len(lines); n++ {
		if n > 1 {
			next := strings.TrimSpace(validate.StripBidi(lines[i+n-1]))
			if next == "" {
				// A wrapped attribution has no blank line inside; joining across one
				// would read "Am Montag passt es." above "Am … schrieb …:" as one
				// attribution and cut the reply itself.
				return 0
			}
			joined += " " + next
		}
		// A real attribution carries a date or time; the digit check keeps an ordinary
		// sentence that starts with "On" and ends in "wrote:" from cutting the mail.
		if strings.ContainsAny(joined, "0123456789") && attribution.MatchString(joined) {
			if n > 1 && quoteHead(lines, i+1) == n-1 {
				return 0 // it starts on the next line: this one is the sender's own
			}
			return n
		}
	}
	return 0
}

// mobileSignature matches the line phone mail programs add below every mail ("Sent
// from my iPhone", "Von meinem iPhone gesendet", "Get Outlook for Android") in the
// languages Pforte speaks.
var mobileSignature = regexp.MustCompile(`(?i)^\s*(sent from my\s.{1,40}|von meinem\s.{1,30}\sgesendet|envoyé de mon\s.{1,40}|(verstuurd|verzonden) vanaf mijn\s.{1,40}|enviado desde mi\s.{1,40}|enviado do meu\s.{1,40}|sendt fra min\s.{1,40}|נשלח מה.{1,40}|ส่งจาก\s.{1,40}|get outlook for (ios|android)\b.{0,40}|(von )?outlook für (ios|android)\b.{0,30}|télécharger outlook pour (ios|android)\b.{0,30})$`)

// withoutSignature cuts lines at the first signature separator "-- " (or "--", as many
// mail programs strip the trailing space), and drops a phone's "Sent from my iPhone"
// when it is the last line the sender wrote (Apple Mail puts it above the quote, whose
// "> " lines unquote removes).
func withoutSignature(lines []string) []string {
	for i, l := range lines {
		if l == "-- " || l == "--" {
			lines = lines[:i]
			break
		}
	}
	last := len(lines) - 1
	for last >= 0 && (strings.TrimSpace(lines[last]) == "" || strings.HasPrefix(strings.TrimLeft(lines[last], " \t"), ">")) {
		last--
	}
	if last >= 0 && mobileSignature.MatchString(validate.StripBidi(lines[last])) {
		return append(lines[:last:last], lines[last+1:]...)
	}
	return lines
}

// unquote drops lines quoted with ">" and collapses the blank lines left behind.
func unquote(lines []string) string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " \t"), ">") {
			continue
		}
		out = append(out, strings.TrimRight(l, " \t"))
	}
	return collapseBlankLines(strings.Join(out, "\n"))
}
