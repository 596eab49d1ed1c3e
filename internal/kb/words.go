package kb

import "pforte/internal/words"

// terms are the distinct words of a knowledge-base query, folded, at most
// words.MaxTerms, taken from its first MaxSearch characters (words.Terms).
func terms(q string) []string { return words.Terms(q, MaxSearch) }
