package mail

// ValidMessageID reports whether id (without angle brackets) may be sent as a
// Message-ID or In-Reply-To: code that threads a mail under a Message-ID someone else
// wrote checks it first, since a mail whose header would be refused never goes out.
func ValidMessageID(id string) bool { return checkMessageID(id) == nil }
