package passkey

import (
	"errors"
	"testing"
)

func TestRelyingPartyFor(t *testing.T) {
	for _, c := range []struct {
		host    string
		secure  bool
		base    string
		id, org string
		err     error
	}{
		{host: "Portal.Example.com", secure: true, id: "portal.example.com", org: "https://portal.example.com"},
		{host: "localhost:8080", id: "localhost", org: "http://localhost:8080"},
		{host: "portal.example.com.", secure: true, id: "portal.example.com", org: "https://portal.example.com"},
		// Behind a proxy that rewrites Host, the configured public URL wins.
		{host: "10.0.0.5:8080", base: "https://kunden.example.com", id: "kunden.example.com", org: "https://kunden.example.com"},
		{host: "127.0.0.1:8080", err: ErrNoHostName},
		{host: "[::1]:8080", err: ErrNoHostName},
		{host: "", err: ErrNoHostName},
	} {
		rp, err := For(c.host, c.secure, c.base, "Portal")
		if !errors.Is(err, c.err) || rp.ID != c.id || rp.Origin != c.org {
			t.Errorf("For(%q, %v, %q) = %+v, %v; want %s %s %v", c.host, c.secure, c.base, rp, err, c.id, c.org, c.err)
		}
	}
}
