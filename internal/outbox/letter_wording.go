package outbox

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"pforte/internal/i18n"
	"pforte/internal/mailtmpl"
)

// Markers stand in for an empty value while a text is expanded, and are resolved line
// by line afterwards (settle). Both start with a NUL, which no typed text holds
// (validate.Clean) and which values are cleaned of (scrub), so nothing else reads as one.
const (
	// omitted: the line holding it is left out (the ticket link of a person's mail to
	// someone who cannot sign in: "open the ticket in the portal:" makes no sense then).
	omitted = "\x00-"
	// vacant: an unset value (a support contact, a withdrawn placeholder). Its line is
	// left out when nothing but a short label remains ("Phone:"), else it is empty
	// text, so a sentence that also says something else keeps it.
	vacant = "\x00~"
)

// maxLabel is the longest rest of a line, in characters, that counts as a label
// ("Correo electrónico:") when its value is unset.
const maxLabel = 30

// wording fills v's subject, greeting, paragraphs and button: from the tenant's text
// (Override) or the built-in translation. A mail that offers {{reply}} is always
// worded through its text form (the built-in one when the tenant has none), so the
// layout knows where the written text goes. Without a reply marker no answer by mail
// can come back (no Reply-To), so the mail does not ask for one: the built-in text is
// its no-reply wording, and a tenant's text that kept the built-in sentence asking
// gets that wording's sentence instead (mailtmpl.WithoutReplyInvite).
func (l Letter) wording(t *i18n.Localizer, v *view) {
	m, registered := mailtmpl.Lookup(l.Key)
	placesReply := m.PlacesReply()
	canReply := l.Marker != ""
	if l.Override == nil && registered && placesReply && m.HasButton() {
		d := mailtmpl.DefaultFor(m, t.Lang, canReply)
		l.Override = &d
	}
	if l.Override == nil {
		data := l.withOmitted(m)
		body := l.Key + ".body"
		if !canReply && registered && mailtmpl.HasNoReply(m, t.Lang) {
			body = l.Key + mailtmpl.NoReplyBody
		}
		v.Subject = oneLine(t.T(l.Key+".subject", data))
		v.Greeting = oneLine(t.T(l.Key+".greeting", data))
		v.Body = paragraphs(strings.Split(t.T(body, data), "\n\n"))
		v.Button = oneLine(t.T(l.Key+".button", data))
		return
	}
	if !canReply && registered {
		o := mailtmpl.WithoutReplyInvite(m, t.Lang, *l.Override)
		l.Override = &o
	}
	// Values go in as plain text; the HTML template escapes them like any text.
	values := l.values()
	o := l.Override
	v.Subject, v.Greeting, v.Button = oneLine(mailtmpl.Expand(o.Subject, values)),
		oneLine(mailtmpl.Expand(o.Greeting, values)), oneLine(mailtmpl.Expand(o.Button, values))
	if v.Subject == "" { // a subject made of an unset value alone: the built-in one
		v.Subject = oneLine(t.T(l.Key+".subject", l.withOmitted(m)))
	}
	for _, p := range o.Paragraphs() {
		// before: the paragraph, or what of it precedes {{reply}}; after: what follows.
		before, after, cut := p, p, false
		if placesReply && !v.Letterlike {
			if before, after, cut = mailtmpl.Cut(p, mailtmpl.Reply.Name); !cut {
				before = p
			}
		}
		switch {
		case cut:
			v.Letterlike = true
			v.Body = append(v.Body, paragraphs([]string{mailtmpl.Expand(before, values)})...)
			v.Own = ownParagraphs(l.reply())
			v.Tail = append(v.Tail, paragraphs([]string{mailtmpl.Expand(after, values)})...)
		case v.Letterlike:
			v.Tail = append(v.Tail, paragraphs([]string{mailtmpl.Expand(after, values)})...)
		default:
			v.Body = append(v.Body, paragraphs([]string{mailtmpl.Expand(before, values)})...)
		}
	}
}

// values are the placeholder values of the letter's mail, by placeholder name: Data
// under the placeholders' keys, the action URL as {{link}}, a marker for what is
// unset (see omitted, vacant). {{reply}} is empty: the written text is placed where
// the body's first {{reply}} stands (Cut), never expanded (a second one, or one in a
// text saved before it was body-only, is left out).
func (l Letter) values() map[string]string {
	m, _ := mailtmpl.Lookup(l.Key)
	out := map[string]string{}
	for _, p := range m.Placeholders {
		if v, ok := l.Data[p.Data]; ok && v != nil {
			out[p.Name] = scrub(fmt.Sprint(v))
		} else {
			out[p.Name] = ""
		}
	}
	for _, name := range m.Withdrawn {
		out[name] = ""
	}
	if _, ok := m.Placeholder(mailtmpl.Link.Name); ok && l.ActionURL != "" {
		out[mailtmpl.Link.Name] = l.ActionURL
	}
	out[mailtmpl.Reply.Name] = ""
	for name, val := range out {
		switch {
		case val != "" || name == mailtmpl.Reply.Name:
		case name == mailtmpl.Link.Name && m.PlacesReply():
			out[name] = omitted
		case mailtmpl.OmitEmpty(name) || m.IsWithdrawn(name):
			out[name] = vacant
		}
	}
	return out
}

// reply is the written text a {{reply}} stands for: the letter's quote, or in the
// editor's preview the sample.
func (l Letter) reply() string {
	if l.Quote != "" {
		return l.Quote
	}
	if s, ok := l.Data[mailtmpl.Reply.Data]; ok && s != nil {
		return fmt.Sprint(s)
	}
	return ""
}

// withOmitted is Data for the built-in translation, its text cleaned of markers, with
// the vacant marker for the support contacts the sender left empty.
func (l Letter) withOmitted(m mailtmpl.Mail) map[string]any {
	data := make(map[string]any, len(l.Data)+2)
	for k, v := range l.Data {
		if s, ok := v.(string); ok {
			v = scrub(s)
		}
		data[k] = v
	}
	for _, p := range m.Placeholders {
		if s, _ := data[p.Data].(string); s == "" && mailtmpl.OmitEmpty(p.Name) {
			data[p.Data] = vacant
		}
	}
	return data
}

// paragraphs settles each paragraph's markers, trims it, and leaves out paragraphs
// that end up empty.
func paragraphs(ps []string) []string {
	var out []string
	for _, p := range ps {
		if p = strings.TrimSpace(settle(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ownParagraphs splits the written text at blank lines as its writer typed it: only
// the blank lines around each paragraph go, so an indented first line (a config
// snippet, aligned output) keeps its spaces.
func ownParagraphs(s string) []string {
	s = scrub(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.Trim(p, "\n"))
		}
	}
	return out
}

// settle resolves the markers in s line by line: a line holding an omitted value is
// left out; one holding a vacant value is left out when what else it says is at most
// a short label ("Phone:", "Email :"), else the value is empty text.
func settle(s string) string {
	if !strings.Contains(s, "\x00") {
		return s
	}
	lines := strings.Split(s, "\n")
	keep := lines[:0]
	for _, ln := range lines {
		switch {
		case strings.Contains(ln, omitted):
			continue
		case strings.Contains(ln, vacant) && isLabel(strings.ReplaceAll(ln, vacant, "")):
			continue
		}
		keep = append(keep, unmark(ln))
	}
	return strings.Join(keep, "\n")
}

// isLabel reports whether rest, a line without its unset values, is nothing but a
// short label: empty, or a few words ending in a colon (a full stop or comma after
// the value does not count).
func isLabel(rest string) bool {
	r := strings.TrimRight(strings.TrimSpace(rest), " .,;")
	return r == "" || utf8.RuneCountInString(r) <= maxLabel && (strings.HasSuffix(r, ":") || strings.HasSuffix(r, "："))
}

// unmark removes the markers left in s as empty text, with one of the spaces around
// each ("call {{support_phone}} or write" reads "call or write").
func unmark(s string) string {
	for _, m := range []string{omitted, vacant} {
		s = strings.ReplaceAll(s, " "+m+" ", " ")
	}
	return scrub(s)
}

// oneLine is a subject, greeting or button line with unset values left empty.
func oneLine(s string) string { return strings.TrimSpace(unmark(s)) }

// scrub removes every NUL from s: a marker left somewhere, or one in a value that came
// from outside (a mail's subject as a ticket title), which must neither pose as a
// marker nor reach a mail.
func scrub(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, omitted, ""), vacant, ""), "\x00", "")
}
