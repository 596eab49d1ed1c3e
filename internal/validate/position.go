package validate

import (
	"strconv"
	"strings"
)

// MaxPosition bounds a list position (knowledge-base categories, download folders,
// ticket statuses and categories). A position only orders a list, so one range and
// one message serve every list staff order by hand.
const MaxPosition = 9999

// Position reads a list position typed as s: a whole number from 0 to MaxPosition,
// else error.position on field (the number read is returned all the same, so the form
// can be shown again). An empty s is def.
func (e Errors) Position(field, s string, def int) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || !ValidPosition(n) {
		e.Add(field, "error.position", nil)
	}
	return n
}

// ValidPosition reports whether n is within 0 to MaxPosition.
func ValidPosition(n int) bool { return n >= 0 && n <= MaxPosition }
