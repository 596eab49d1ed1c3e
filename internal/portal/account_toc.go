package portal

// accountSection is an entry of My account's jump list: the id of a section of the
// page and the message id of its heading, so the entry reads as the section is titled.
type accountSection struct{ ID, Title string }

// accountSections are My account's sections in page order (account.templ and the cards
// it includes, which carry these ids). On a phone the page runs to many screens; the
// list at its top jumps to each without scrolling through the others.
var accountSections = []accountSection{
	{"details", "account.details"},
	{"export", "account.export"},
	{"password", "settings.password"},
	{"passkeys", "passkey.heading"},
	{"twofactor", "security.heading"},
	{"sessions", "active_sessions.title"},
	{"events", "account.events"},
	{"delete", "account.delete"},
}
