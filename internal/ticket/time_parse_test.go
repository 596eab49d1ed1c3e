package ticket_test

import (
	"errors"
	"testing"

	"pforte/internal/ticket"
)

// TestParseDuration: what staff type into the "time spent" field, and what is refused
// with which reason.
func TestParseDuration(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		err  error
	}{
		{"45", 45, nil},
		{" 45 ", 45, nil},
		{"1:30", 90, nil},
		{"0:05", 5, nil},
		{"1.5h", 90, nil},
		{"1,5h", 90, nil},
		{"1,5 h", 90, nil},
		{"1.25H", 75, nil},
		{"2h", 120, nil},
		{"1h30", 90, nil},
		{"1h 30m", 90, nil},
		{"1h30min", 90, nil},
		{"90m", 90, nil},
		{"90 min", 90, nil},
		{"1,5", 90, nil},
		{"0.1h", 6, nil},
		{"24h", 1440, nil},
		{"1440", 1440, nil},
		{"0", 0, ticket.ErrDurationZero},
		{"0:00", 0, ticket.ErrDurationZero},
		{"0h", 0, ticket.ErrDurationZero},
		{"-30", 0, ticket.ErrDurationZero},
		{"-1:30", 0, ticket.ErrDurationZero},
		{"24:01", 0, ticket.ErrDurationLong},
		{"25h", 0, ticket.ErrDurationLong},
		{"1441", 0, ticket.ErrDurationLong},
		{"99999999999999999999", 0, ticket.ErrDurationFormat},
		{"", 0, ticket.ErrDurationFormat},
		{"abc", 0, ticket.ErrDurationFormat},
		{"1:3", 0, ticket.ErrDurationFormat},
		{"1:75", 0, ticket.ErrDurationFormat},
		{"1:30:00", 0, ticket.ErrDurationFormat},
		{"1.5h30", 0, ticket.ErrDurationFormat},
		{"h", 0, ticket.ErrDurationFormat},
		{"1e2", 0, ticket.ErrDurationFormat},
		{"NaN", 0, ticket.ErrDurationFormat},
		{"1h90", 0, ticket.ErrDurationFormat},
		{"ninety", 0, ticket.ErrDurationFormat},
		{"1.5m", 0, ticket.ErrDurationFormat},
	} {
		got, err := ticket.ParseDuration(c.in)
		if got != c.want || !errors.Is(err, c.err) || (c.err == nil) != (err == nil) {
			t.Errorf("ParseDuration(%q) = %d, %v; want %d, %v", c.in, got, err, c.want, c.err)
		}
	}
}
