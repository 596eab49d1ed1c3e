package admin

import "testing"

// TestBulkAllSame: a bulk change in which every ticket had the value already is the one
// shown as information; a change, a refusal or a stop keeps its own colour.
func TestBulkAllSame(t *testing.T) {
	for _, c := range []struct {
		tally bulkTally
		want  bool
	}{
		{bulkTally{same: 3}, true},
		{bulkTally{same: 3, changed: 1}, false},
		{bulkTally{same: 3, skipped: map[string]int{"bulk.skipped_billed": 1}}, false},
		{bulkTally{same: 3, stopped: true}, false},
		{bulkTally{}, false},
	} {
		if got := c.tally.allSame(); got != c.want {
			t.Errorf("%+v: allSame %v, want %v", c.tally, got, c.want)
		}
	}
}
