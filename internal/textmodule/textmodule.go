// Package textmodule keeps a tenant's text modules ("Textbausteine", canned responses):
// prepared answers staff insert into a ticket reply. A module's body is plain text with
// the mail templates' {{placeholder}} syntax (package mailtmpl), filled in for the
// ticket being answered: the contact's name, the company, the ticket's number and
// title, the staff member's name and the portal's links.
package textmodule

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"pforte/internal/mailtmpl"
	"pforte/internal/validate"
)

// Length limits, in characters.
const (
	MaxName     = 100
	MaxShortcut = 30
	MaxBody     = 5000
)

// Module is one text module of a tenant. Language is one of the portal's languages or
// "" for any language.
type Module struct {
	ID        int64
	TenantID  int64
	Name      string
	Shortcut  string
	Body      string
	Language  string
	Active    bool
	UpdatedAt time.Time
}

// StaffName is the placeholder of the staff member who inserts the module.
var StaffName = mailtmpl.Placeholder{Name: "staff_name", Data: "StaffName", Sample: "Erika Agentin"}

// TicketLink is the ticket's page in the portal (the mails' {{link}} of a ticket).
var TicketLink = mailtmpl.Placeholder{Name: "link", Data: "Link", Sample: "https://portal.example.com/tickets/1042"}

// Placeholders are the values a module's body may use, in the order the editor lists
// them. Their names are the mail templates' names, so a tenant writes {{first_name}}
// in both places.
var Placeholders = []mailtmpl.Placeholder{mailtmpl.FirstName, mailtmpl.FullName, mailtmpl.Company,
	mailtmpl.TicketNo, mailtmpl.TicketTitle, StaffName, mailtmpl.Portal, mailtmpl.PortalURL, TicketLink}

// syntax is the set of placeholders in the form mailtmpl.Check reads: a module is
// checked by exactly the rules of an editable mail. It has no key: it is no mail, and
// is not in mailtmpl's registry.
var syntax = mailtmpl.Mail{Placeholders: Placeholders}

// Label is the i18n key describing placeholder p beside the editor.
func Label(p mailtmpl.Placeholder) string { return "text_modules.ph." + p.Name }

// Normal tidies a module as typed: the name on one line, the shortcut in lower case
// without spaces around it, the body's line ends unified and trimmed.
func (m Module) Normal() Module {
	m.Name = validate.OneLine(m.Name)
	m.Shortcut = strings.ToLower(strings.TrimSpace(m.Shortcut))
	m.Body = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\r", "\n"))
	m.Language = strings.TrimSpace(m.Language)
	return m
}

// Check validates a (normalised) module; languages are the portal's languages. The
// errors are keyed by the form's fields: name, shortcut, body and language. Whether a
// name or shortcut is taken is the store's question (Save).
func (m Module) Check(languages []string) validate.Errors {
	e := validate.Errors{}
	e.Text("name", m.Name, true, MaxName)
	e.MaxLen("shortcut", m.Shortcut, MaxShortcut)
	if m.Shortcut != "" && !isShortcut(m.Shortcut) {
		e.Add("shortcut", "text_modules.error.shortcut", nil)
	}
	e.Text("body", m.Body, true, MaxBody)
	if p := mailtmpl.Check(syntax, m.Body); p != nil {
		e.Add("body", "text_modules.error."+p.Kind, map[string]any{"Text": p.Text, "Example": "{{first_name}}"})
	}
	if m.Language != "" && !slices.Contains(languages, m.Language) {
		e.Add("language", "text_modules.error.language", nil)
	}
	return e
}

// isShortcut reports a keyword of letters, digits, "-" and "_": something typed in one
// go, as in "gruss" or "drucker-neu" (umlauts and other scripts count as letters).
func isShortcut(s string) bool {
	for _, r := range s {
		if !(r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// nameKey is what makes two names the same: case does not count ("Gruß" and "gruß").
func nameKey(name string) string { return strings.ToLower(name) }
