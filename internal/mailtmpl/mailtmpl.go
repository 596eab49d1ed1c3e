// Package mailtmpl lists the mails a tenant can reword and keeps their wording: the
// registry says which mails exist and which named placeholders each one offers; the
// store keeps a tenant's own text per mail and language; the syntax is a plain
// {{placeholder}} that cannot call functions or reach anything but the offered values.
//
// A mail is rendered by outbox.Letter: with the tenant's text when one is stored, with
// the built-in translation (i18n keys <key>.subject/.greeting/.body/.button) otherwise.
package mailtmpl

import (
	"slices"
	"strings"
)

// Placeholder is a named value a mail offers to its text, such as {{first_name}}.
type Placeholder struct {
	Name   string // what the tenant types between the braces: first_name
	Data   string // the key in outbox.Letter.Data that holds the value: FirstName
	Sample string // shown in the preview
	// SampleKey is an i18n key for a sample that is worded text (a reason, a ticket's
	// title, a status), used instead of Sample so the preview reads in the mail's
	// language: an English mail's preview with a German title looks like a mistake.
	SampleKey string
}

// Label is the i18n key describing the placeholder beside the editor.
func (p Placeholder) Label() string { return "templates.ph." + p.Name }

// Mail is one editable mail.
type Mail struct {
	Key          string // i18n prefix, "mail.invitation"
	Staff        bool   // sent to staff rather than to contacts
	Placeholders []Placeholder
	// NoPortalOf is set on a mail's wording for contacts without portal access: the
	// key of the mail it replaces for them ("mail.ticket_received"). Such a wording
	// has no button and offers no {{link}}, so a tenant cannot send them to a portal
	// they cannot sign in to.
	NoPortalOf string
	// Quoted names what the sender adds below the mail's text as a quote (QuoteReply,
	// QuoteMessage…), or is empty when nothing is: the text needs no placeholder for
	// it, which the editor says.
	Quoted string
	// NoButton: the mail has no button and offers no {{link}}, since its reader cannot
	// sign in (a registration still pending or rejected).
	NoButton bool
	// Withdrawn names placeholders the mail offered once and no longer does ({{link}}
	// of a registration that cannot sign in). A tenant's text saved before may still
	// hold one: it stays saveable, and the mail treats the value as empty (its line is
	// left out when only a label remains, outbox.Letter) rather than sending "{{link}}".
	Withdrawn []string
}

// What a mail quotes below its text (Mail.Quoted).
const (
	QuoteMessage = "message" // the ticket's first message
	QuoteReply   = "reply"   // the reply just written
	QuoteAnswer  = "answer"  // staff's last public answer (the reminder)
	QuoteNote    = "note"    // the follow-up's note, when one was written
	// QuotePlaced: the reply just written, where the text puts {{reply}}, else quoted
	// below it (a tenant's text from before the placeholder).
	QuotePlaced = "placed"
)

// HasButton reports whether the mail ends with a button (every mail but a wording for
// contacts without portal access and a NoButton one).
func (m Mail) HasButton() bool { return m.NoPortalOf == "" && !m.NoButton }

// PlacesReply reports whether the mail places a person's text ({{reply}}): it is laid
// out as that person's mail, who greets in their text, so its own greeting is
// optional. (Not to be confused with mail.Message.Personal, which is about the
// Auto-Submitted header: a contact's reply re-mailed to other contacts is laid out
// this way, yet generated.)
func (m Mail) PlacesReply() bool {
	_, ok := m.Placeholder(Reply.Name)
	return ok
}

// Name is the key without "mail.", as it appears in URLs: "invitation".
func (m Mail) Name() string { return strings.TrimPrefix(m.Key, "mail.") }

// Label is the i18n key of the mail's title in the back office.
func (m Mail) Label() string { return "templates.mail." + m.Name() }

// Purpose is the i18n key of the sentence saying when the mail is sent.
func (m Mail) Purpose() string { return "templates.mail." + m.Name() + "_purpose" }

// Placeholder finds one of the mail's placeholders by name.
func (m Mail) Placeholder(name string) (Placeholder, bool) {
	i := slices.IndexFunc(m.Placeholders, func(p Placeholder) bool { return p.Name == name })
	if i < 0 {
		return Placeholder{}, false
	}
	return m.Placeholders[i], true
}

// IsWithdrawn reports whether name is one of m's Withdrawn placeholders.
func (m Mail) IsWithdrawn(name string) bool { return slices.Contains(m.Withdrawn, name) }

// registry holds every editable mail, filled by the area files' register calls.
var registry = map[string]Mail{}

// register adds mails to the registry; a key registered twice is a programming error.
func register(ms ...Mail) {
	for _, m := range ms {
		if _, dup := registry[m.Key]; dup {
			panic("mailtmpl: " + m.Key + " registered twice")
		}
		if !strings.HasPrefix(m.Key, "mail.") {
			panic("mailtmpl: " + m.Key + " does not start with mail.")
		}
		registry[m.Key] = m
	}
}

// All lists the registered mails sorted by key.
func All() []Mail {
	out := make([]Mail, 0, len(registry))
	for _, m := range registry {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Mail) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// Lookup finds a registered mail by its key ("mail.invitation").
func Lookup(key string) (Mail, bool) {
	m, ok := registry[key]
	return m, ok
}

// ByName finds a registered mail by its name in URLs ("invitation").
func ByName(name string) (Mail, bool) { return Lookup("mail." + name) }
