package portal

import "testing"

// TestSwitchNext: the switch leads only to record 5's own pages; anything else, also
// a path that climbs out of them, leads to the record.
func TestSwitchNext(t *testing.T) {
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
		"/downloads/files/5":             "/tickets/5",
		"":                               "/tickets/5",
	} {
		if got := switchNext("/tickets", 5, next); got != want {
			t.Errorf("switchNext(/tickets, 5, %q) = %q, want %q", next, got, want)
		}
	}
	if got := switchNext("/downloads/files", 5, "/downloads/files/5/download"); got != "/downloads/files/5/download" {
		t.Errorf("file download next = %q", got)
	}
}
