package portal

import "testing"

// TestTicketNext: the switch leads only to ticket 5's own pages; anything else, also
// a path that climbs out of them, leads to the ticket.
func TestTicketNext(t *testing.T) {
	for next, want := range map[string]string{
		"/tickets/5":                     "/tickets/5",
		"/tickets/5/rating":              "/tickets/5/rating",
		"/tickets/5/files/7":             "/tickets/5/files/7",
		"/tickets/5/../../settings":      "/tickets/5",
		"/tickets/5/./../6":              "/tickets/5",
		"/tickets/50":                    "/tickets/5",
		"/tickets/5//evil.test":          "/tickets/5",
		"/tickets/5/x?next=https://evil": "/tickets/5",
		"https://evil.test/tickets/5/":   "/tickets/5",
		"":                               "/tickets/5",
	} {
		if got := ticketNext(5, next); got != want {
			t.Errorf("ticketNext(5, %q) = %q, want %q", next, got, want)
		}
	}
}
