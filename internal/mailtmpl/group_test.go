package mailtmpl

import (
	"slices"
	"testing"
)

// TestGroups: every mail is listed under one of the page's groups, and the groups hold
// what their headings promise.
func TestGroups(t *testing.T) {
	for _, m := range All() {
		if !slices.Contains(Groups, m.Group()) {
			t.Errorf("%s: group %q is not shown", m.Key, m.Group())
		}
	}
	for key, want := range map[string]Group{
		"mail.ticket_reply": GroupTickets, "mail.ticket_received_noportal": GroupTickets,
		"mail.download_notice": GroupTickets, "mail.invitation": GroupAccess, "mail.reset": GroupAccess,
		"mail.registration_confirm": GroupAccess, "mail.passkey_added": GroupSecurity,
		"mail.password_changed": GroupSecurity, "mail.staff_reset": GroupStaff,
		"mail.ticket_new_staff": GroupStaff, "mail.staff_invitation": GroupStaff,
	} {
		m, ok := Lookup(key)
		if !ok {
			t.Fatalf("%s not registered", key)
		}
		if m.Group() != want {
			t.Errorf("%s: group %q, want %q", key, m.Group(), want)
		}
	}
	// A wording for contacts without portal access quotes what the usual mail quotes.
	if m, _ := Lookup("mail.ticket_received_noportal"); m.Quoted != QuoteMessage {
		t.Errorf("no-portal wording quotes %q", m.Quoted)
	}
}
