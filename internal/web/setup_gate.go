package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
)

// SetupGate holds a signed-in person who must set up a second factor before anything
// else: a company requires it of its contacts (portal), the tenant of its staff (back
// office). Every page but the ones the setup needs sends them to the setup with a note.
// The portal and the back office each have one; logout is not behind either.
type SetupGate struct {
	To     string   // the setup's page
	Flash  string   // message id shown there
	Paths  []string // paths that stay open, exactly
	Prefix []string // path prefixes that stay open (the setup's own forms)
}

// Open reports whether path stays reachable while the setup is owed.
func (g SetupGate) Open(path string) bool {
	if slices.Contains(g.Paths, path) {
		return true
	}
	for _, p := range g.Prefix {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// Hold answers the request with a redirect to the setup when the path is not open and
// need (asked only then) says the setup is owed. It reports whether it answered.
func (g SetupGate) Hold(env *Env, w http.ResponseWriter, r *http.Request, need func(context.Context) (bool, error)) bool {
	if g.Open(r.URL.Path) {
		return false
	}
	owed, err := need(r.Context())
	if err != nil {
		env.Fail(w, r, err)
		return true
	}
	if !owed {
		return false
	}
	env.Flash(w, r, g.Flash, g.To)
	return true
}
