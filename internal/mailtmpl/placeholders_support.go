package mailtmpl

// How to reach the provider's support (Settings → Branding, as the portal's home page
// shows it): a security notice matters most when the account may be taken over, and
// then its owner cannot sign in to look it up. Only a body may use them (Text.Check).
// When the tenant has not set one, a line holding nothing else but a short label
// ("Phone:") is left out of the mail, and in a sentence it is empty text
// (outbox.Letter), so a text can offer both without losing what else it says.
var (
	SupportPhone = Placeholder{Name: "support_phone", Data: "SupportPhone", Sample: "+49 30 1234567"}
	SupportEmail = Placeholder{Name: "support_email", Data: "SupportEmail", Sample: "support@portal.example.com"}
)

// Support is the pair, for the mails that offer them.
func Support() []Placeholder { return []Placeholder{SupportPhone, SupportEmail} }

// Reply is the text a person wrote (a staff member's reply to a ticket). A wording
// that places it is laid out as that person's mail: the text first, the wording after
// it as a thin footer, with no greeting or closing of the portal's own (outbox.Letter);
// a wording without it (a tenant's text from before) gets the text quoted below.
var Reply = Placeholder{Name: "reply", Data: "Reply", SampleKey: "mailout.sample_reply"}

// OmitEmpty reports whether placeholder name may be unset, so a label line using it is
// left out when it is (see above): the support contacts, which a tenant may not have set.
func OmitEmpty(name string) bool { return name == SupportPhone.Name || name == SupportEmail.Name }
