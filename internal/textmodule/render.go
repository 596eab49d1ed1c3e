package textmodule

import (
	"strconv"
	"strings"

	"pforte/internal/mailtmpl"
)

// Context is what a module is filled in with: the ticket being answered and who
// answers it.
type Context struct {
	ContactFirstName string
	ContactName      string
	Company          string
	TicketID         int64
	TicketTitle      string
	StaffName        string
	Portal           string // the tenant's name
	PortalURL        string // the portal's base URL, without a trailing slash
}

// Values are the placeholders' values for c, keyed by placeholder name.
func (c Context) Values() map[string]string {
	return map[string]string{
		mailtmpl.FirstName.Name:   c.ContactFirstName,
		mailtmpl.FullName.Name:    c.ContactName,
		mailtmpl.Company.Name:     c.Company,
		mailtmpl.TicketNo.Name:    "#" + strconv.FormatInt(c.TicketID, 10),
		mailtmpl.TicketTitle.Name: c.TicketTitle,
		StaffName.Name:            c.StaffName,
		mailtmpl.Portal.Name:      c.Portal,
		mailtmpl.PortalURL.Name:   c.PortalURL,
		TicketLink.Name:           c.PortalURL + "/tickets/" + strconv.FormatInt(c.TicketID, 10),
	}
}

// Render is the module's body with its placeholders filled in for c.
func (m Module) Render(c Context) string { return mailtmpl.Expand(m.Body, c.Values()) }

// Append adds text to what was typed so far, after a blank line: the no-script way of
// inserting a module, and what the script does when the cursor was never in the field.
func Append(typed, text string) string {
	switch {
	case typed == "":
		return text
	case strings.HasSuffix(typed, "\n\n"):
		return typed + text
	case strings.HasSuffix(typed, "\n"):
		return typed + "\n" + text
	}
	return typed + "\n\n" + text
}
