package mailtmpl

// The placeholders mails share. A mail lists the ones its text can use; Data names the
// outbox.Letter.Data key the sender fills, so the same values serve the built-in
// translation ({{.FirstName}}) and the tenant's text ({{first_name}}).
var (
	FirstName = Placeholder{Name: "first_name", Data: "FirstName", Sample: "Anna"}
	FullName  = Placeholder{Name: "name", Data: "Name", Sample: "Anna Schmidt"}
	Company   = Placeholder{Name: "company", Data: "Company", Sample: "Muster GmbH"}
	Portal    = Placeholder{Name: "portal", Data: "Portal", Sample: "Demo Service GmbH"}
	PortalURL = Placeholder{Name: "portal_url", Data: "PortalURL", Sample: ExamplePortal}
	Username  = Placeholder{Name: "username", Data: "Username", Sample: "anna.schmidt@muster.example"}
	// Link is the mail's button target (outbox.Letter.ActionURL), also usable in the text.
	// Each mail offers it through LinkTo, with a sample that leads where its button does.
	Link    = Placeholder{Name: "link", Data: "Link"}
	Days    = Placeholder{Name: "days", Data: "Days", Sample: "7"}
	Minutes = Placeholder{Name: "minutes", Data: "Minutes", Sample: "60"}
	Hours   = Placeholder{Name: "hours", Data: "Hours", Sample: "24"}
	// Left is how many recovery codes remain.
	Left    = Placeholder{Name: "codes_left", Data: "Left", Sample: "9"}
	Reason  = Placeholder{Name: "reason", Data: "Reason", SampleKey: "templates.sample.reason"}
	Passkey = Placeholder{Name: "passkey", Data: "Passkey", Sample: "YubiKey 5"}
)

// ExamplePortal is the portal address of the samples; the back office's preview shows
// the tenant's own address in its place.
const ExamplePortal = "https://portal.example.com"

// Sample link paths of the mails whose button carries a single-use token.
const (
	invitationPath = "/invitation/Xb3…"
	resetPath      = "/password/reset/Xb3…"
)

// LinkTo is Link for a mail whose button leads to path, so the editor's sample and the
// preview show the kind of address the real mail holds (a ticket, not an invitation).
func LinkTo(path string) Placeholder {
	l := Link
	l.Sample = ExamplePortal + path
	return l
}

// person is the set every mail to a contact offers, with its link.
func person(link string) []Placeholder {
	return []Placeholder{FirstName, FullName, Portal, LinkTo(link)}
}

// with returns person (the mail's button leading to link) followed by extra placeholders.
func with(link string, extra ...Placeholder) []Placeholder {
	return append(person(link), extra...)
}
