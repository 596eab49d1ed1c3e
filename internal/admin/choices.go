package admin

import (
	"pforte/internal/contact"
)

// orAll names the empty filter value "all" for its message id.
func orAll(v string) string {
	if v == "" {
		return "all"
	}
	return v
}

func displayName(c contact.Contact) string {
	if n := c.Name(); n != "" {
		return n
	}
	return c.Email
}
