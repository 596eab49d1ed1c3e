package mailin

import (
	"fmt"
	"strings"
	"testing"
)

// TestReferencesBounded: a References header of thousands of ids keeps only its newest
// maxReferences, the ones a thread's own mails are, so routing a crafted mail costs a
// bounded number of lookups.
func TestReferencesBounded(t *testing.T) {
	var ids []string
	for i := range 3000 {
		ids = append(ids, fmt.Sprintf("<m%d@example.de>", i))
	}
	raw := strings.Replace(simple, "References: <t42.x0@portal.test> <t42.x1@portal.test>",
		"References: "+strings.Join(ids, "\n "), 1)
	m, err := Parse(crlf(raw), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.References) != maxReferences {
		t.Fatalf("kept %d references, want %d", len(m.References), maxReferences)
	}
	if last := m.References[len(m.References)-1]; last != "m2999@example.de" {
		t.Errorf("newest reference = %q, want m2999@example.de", last)
	}
}
