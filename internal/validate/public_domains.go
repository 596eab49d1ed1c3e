package validate

// publicDomains are mail providers anyone can get an address at. Such a domain never
// identifies a company: given to one, every stranger with a free address would become
// that company's contact and open tickets in its name.
var publicDomains = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "outlook.com": true, "outlook.de": true, "hotmail.com": true,
	"hotmail.de": true, "hotmail.fr": true, "live.com": true, "live.de": true, "live.fr": true, "msn.com": true,
	"yahoo.com": true, "yahoo.de": true, "yahoo.fr": true, "yahoo.es": true, "icloud.com": true, "me.com": true,
	"mac.com": true, "aol.com": true, "aol.de": true, "gmx.de": true, "gmx.net": true, "gmx.at": true, "gmx.ch": true,
	"web.de": true, "t-online.de": true, "freenet.de": true, "mail.de": true, "posteo.de": true, "mailbox.org": true,
	"proton.me": true, "protonmail.com": true, "tutanota.com": true, "tuta.io": true, "yandex.com": true,
	"yandex.ru": true, "mail.ru": true, "orange.fr": true, "free.fr": true, "laposte.net": true, "wanadoo.fr": true,
	"sfr.fr": true, "libero.it": true, "bluewin.ch": true, "hispeed.ch": true, "ziggo.nl": true, "kpnmail.nl": true,
	"home.nl": true, "telenet.be": true, "skynet.be": true, "jubii.dk": true, "sol.dk": true, "hotmail.dk": true,
	"sapo.pt": true, "terra.com.br": true, "uol.com.br": true, "bol.com.br": true, "hotmail.es": true,
	"walla.co.il": true, "hotmail.co.th": true, "zoho.com": true, "fastmail.com": true, "qq.com": true, "163.com": true,
}

// PublicMailDomain reports whether domain belongs to a public mail provider (gmail.com,
// web.de, …), which must not become a company's email domain.
func PublicMailDomain(domain string) bool { return publicDomains[domain] }
