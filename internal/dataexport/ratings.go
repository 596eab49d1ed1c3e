package dataexport

import (
	"time"

	"pforte/internal/ticket"
)

// exportRating is one of the contact's ratings of a ticket: the resolution it rates
// (the first, second… time the ticket was resolved), good or bad, the comment.
type exportRating struct {
	Resolution int       `json:"resolution"`
	Rating     string    `json:"rating"`
	Comment    string    `json:"comment,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
	RatedAt    time.Time `json:"rated_at"`
}

func exportedRatings(list []ticket.Rating) []exportRating {
	var out []exportRating
	for _, r := range list {
		out = append(out, exportRating{Resolution: r.Resolution, Rating: r.Value, Comment: r.Comment,
			CreatedAt: r.CreatedAt.UTC(), RatedAt: r.RatedAt.UTC()})
	}
	return out
}
