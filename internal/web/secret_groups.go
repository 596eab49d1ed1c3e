package web

import "strings"

// SecretGroups writes a two-factor key in groups of four characters ("U2HJ BVVK …"),
// as authenticator apps print and accept it: easier to copy by eye, and a narrow
// screen wraps it between groups instead of in the middle of one.
func SecretGroups(secret string) string {
	var b strings.Builder
	for i, r := range secret {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
