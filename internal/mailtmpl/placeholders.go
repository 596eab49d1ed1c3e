package mailtmpl

// The placeholders mails share. A mail lists the ones its text can use; Data names the
// outbox.Letter.Data key the sender fills, so the same values serve the built-in
// translation ({{.FirstName}}) and the tenant's text ({{first_name}}).
var (
	FirstName = Placeholder{Name: "first_name", Data: "FirstName", Sample: "Anna"}
	FullName  = Placeholder{Name: "name", Data: "Name", Sample: "Anna Schmidt"}
	Company   = Placeholder{Name: "company", Data: "Company", Sample: "Muster GmbH"}
	Portal    = Placeholder{Name: "portal", Data: "Portal", Sample: "Demo Service GmbH"}
	PortalURL = Placeholder{Name: "portal_url", Data: "PortalURL", Sample: "https://portal.example.com"}
	Username  = Placeholder{Name: "username", Data: "Username", Sample: "anna.schmidt@muster.example"}
	// Link is the mail's button target (outbox.Letter.ActionURL), also usable in the text.
	Link    = Placeholder{Name: "link", Data: "Link", Sample: "https://portal.example.com/invitation/Xb3…"}
	Days    = Placeholder{Name: "days", Data: "Days", Sample: "7"}
	Minutes = Placeholder{Name: "minutes", Data: "Minutes", Sample: "60"}
	Hours   = Placeholder{Name: "hours", Data: "Hours", Sample: "24"}
	// Left is how many recovery codes remain.
	Left    = Placeholder{Name: "codes_left", Data: "Left", Sample: "9"}
	Reason  = Placeholder{Name: "reason", Data: "Reason", SampleKey: "templates.sample.reason"}
	Passkey = Placeholder{Name: "passkey", Data: "Passkey", Sample: "YubiKey 5"}
)

// person is the set every mail to a contact offers.
var person = []Placeholder{FirstName, FullName, Portal, Link}

// with returns person followed by extra placeholders.
func with(extra ...Placeholder) []Placeholder {
	return append(append([]Placeholder{}, person...), extra...)
}
