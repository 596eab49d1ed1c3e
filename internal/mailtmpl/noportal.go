package mailtmpl

import "slices"

// NoPortalBody is the suffix of the built-in body a mail has for a recipient who cannot
// sign in to the portal (a contact made from an inbound mail, or one whose access was
// never granted): "mail.ticket_received.body_noportal". Only mails whose usual body
// sends the reader to the portal have one.
const NoPortalBody = ".body_noportal"

// NoPortalSuffix ends the key of a mail's wording for contacts without portal access:
// "mail.ticket_received_noportal".
const NoPortalSuffix = "_noportal"

// The mails whose whole point sends the reader to the portal ("follow your ticket in the
// customer portal") have a wording of their own for contacts without access, editable
// like any mail: a tenant who rewords the usual mail around the portal would otherwise
// send that to people who cannot sign in. Registered after the mails they stand in for
// (file order), with the same placeholders but the link.
func init() {
	register(noPortalOf("mail.ticket_received"), noPortalOf("mail.ticket_reminder"))
}

// noPortalOf is the wording of mail key for contacts without portal access.
func noPortalOf(key string) Mail {
	m, ok := Lookup(key)
	if !ok {
		panic("mailtmpl: no-portal wording of unregistered " + key)
	}
	ps := slices.DeleteFunc(slices.Clone(m.Placeholders), func(p Placeholder) bool { return isPortalLink(p.Name) })
	return Mail{Key: key + NoPortalSuffix, Staff: m.Staff, Placeholders: ps, NoPortalOf: key, Quoted: m.Quoted}
}

// NoPortal is the wording that replaces mail key for a contact without portal access;
// ok is false when the mail has none and its usual text fits everyone.
func NoPortal(key string) (Mail, bool) {
	m, ok := Lookup(key + NoPortalSuffix)
	return m, ok && m.NoPortalOf == key
}

// isPortalLink reports whether placeholder name stands for an address in the portal.
func isPortalLink(name string) bool { return name == Link.Name || name == PortalURL.Name }

// WithoutPortalLinks is text t for a recipient without portal access: every paragraph
// that uses a portal address ({{link}}, {{portal_url}}) is left out, since the address
// leads to a sign-in they cannot pass and the sentence around it ("open the ticket
// here:") makes no sense without it. ok is false when nothing of the body is left.
func WithoutPortalLinks(t Text) (out Text, ok bool) {
	var keep []string
	for _, p := range t.Paragraphs() {
		parts, problem := parse(p)
		if problem == nil && slices.ContainsFunc(parts, func(x part) bool { return isPortalLink(x.name) }) {
			continue
		}
		keep = append(keep, p)
	}
	t.Body = ""
	for i, p := range keep {
		if i > 0 {
			t.Body += "\n\n"
		}
		t.Body += p
	}
	return t, len(keep) > 0
}
