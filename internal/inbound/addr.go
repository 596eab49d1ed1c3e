package inbound

import (
	"fmt"
	"strings"
)

// Endpoint is where the listener listens and which protocol it speaks.
type Endpoint struct {
	Network string // "tcp" or "unix"
	Address string // host:port or socket path
	LMTP    bool
}

// ParseEndpoint reads PFORTE_INBOUND_ADDR: "host:port" (or "smtp://host:port") is SMTP,
// "lmtp://host:port" is LMTP over TCP and "lmtp:/path/to/socket" LMTP on a unix socket,
// which is how Postfix or another mail server hands mail over locally.
func ParseEndpoint(s string) (Endpoint, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return Endpoint{}, fmt.Errorf("inbound: empty address")
	case strings.HasPrefix(s, "lmtp://"):
		return tcpEndpoint(strings.TrimPrefix(s, "lmtp://"), true)
	case strings.HasPrefix(s, "lmtp:"):
		path := strings.TrimPrefix(s, "lmtp:")
		if !strings.HasPrefix(path, "/") {
			return Endpoint{}, fmt.Errorf("inbound: %q: a unix socket needs an absolute path (lmtp:/run/pforte/lmtp.sock)", s)
		}
		return Endpoint{Network: "unix", Address: path, LMTP: true}, nil
	case strings.HasPrefix(s, "smtp://"):
		return tcpEndpoint(strings.TrimPrefix(s, "smtp://"), false)
	case strings.Contains(s, "://"):
		return Endpoint{}, fmt.Errorf("inbound: %q: use host:port, smtp://host:port, lmtp://host:port or lmtp:/socket", s)
	}
	return tcpEndpoint(s, false)
}

func tcpEndpoint(hostport string, lmtp bool) (Endpoint, error) {
	hostport = strings.TrimSuffix(hostport, "/")
	if !strings.Contains(hostport, ":") {
		return Endpoint{}, fmt.Errorf("inbound: %q: want host:port", hostport)
	}
	return Endpoint{Network: "tcp", Address: hostport, LMTP: lmtp}, nil
}

// SplitPlus splits a recipient into the address without its "+token" part, lower-case,
// and the token as it was written: "Support+Ab12@X.de" is ("support@x.de", "Ab12").
// Support addresses never contain "+" (the back office refuses them), so the first "+"
// starts the token.
func SplitPlus(rcpt string) (base, token string) {
	rcpt = strings.TrimSpace(rcpt)
	at := strings.LastIndexByte(rcpt, '@')
	if at < 0 {
		return strings.ToLower(rcpt), ""
	}
	local, domain := rcpt[:at], rcpt[at:]
	plus := strings.IndexByte(local, '+')
	if plus < 0 {
		return strings.ToLower(rcpt), ""
	}
	return strings.ToLower(local[:plus] + domain), local[plus+1:]
}

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
