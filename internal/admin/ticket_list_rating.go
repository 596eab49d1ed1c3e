package admin

import "pforte/internal/ticket"

// ratingFilters are the queue's choices of the rating filter besides "any".
var ratingFilters = []string{ticket.RatingGood, ticket.RatingBad, "none"}

// ratingFilter reads the queue's rating filter: good, bad or none (not rated); anything
// else means any rating. Ratings are given to resolved and closed tickets, so a rating
// filter without a chosen state looks at every ticket rather than the open ones.
func ratingFilter(v string, state *string) string {
	switch v {
	case ticket.RatingGood, ticket.RatingBad, "none":
		if *state == "" {
			*state = "all"
		}
		return v
	}
	return ""
}
