package ticket

// MaxMatches is how many messages a list search reads at most (maxMatches,
// search_messages.go): the number the list's note names when a search was capped
// (web.SearchNote), so the note cannot drift from the bound.
func MaxMatches() int { return maxMatches }
