package mailin

import (
	"slices"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// maxAuthFields bounds how many Authentication-Results fields of a message are kept.
const maxAuthFields = 50

// NoAuthResults starts an AuthVerdict's Summary when the trusted server left no
// Authentication-Results field at all; the server's id follows.
const NoAuthResults = "no Authentication-Results from "

// AuthField is an Authentication-Results field of a message with the number of
// Received fields above it. Each server a mail passes adds a Received field and puts
// its own Authentication-Results above it, so the count tells which hop wrote a field:
// anything the sender wrote lies below the receiving server's Received field.
type AuthField struct {
	Value string
	Hop   int
}

// AuthVerdict is what a trusted server's Authentication-Results say about a mail's
// From address.
type AuthVerdict struct {
	// Server is the authserv-id the mail was checked against; "" when the tenant trusts
	// no server, and so the From address as it is.
	Server string
	Pass   bool
	// By is the result that authenticated the sender ("dkim=pass header.d=example.com").
	By string
	// Summary is what the trusted server reported ("dkim=fail, spf=softfail"), or that
	// it reported nothing.
	Summary string
}

// Checked reports whether the mail was checked at all.
func (v AuthVerdict) Checked() bool { return v.Server != "" }

// Failed reports whether the mail was checked and its sender is not authenticated.
func (v AuthVerdict) Failed() bool { return v.Checked() && !v.Pass }

// String is the verdict for logs and the inbound mail record: "" when not checked.
func (v AuthVerdict) String() string {
	switch {
	case !v.Checked():
		return ""
	case v.Pass:
		return "pass: " + v.By
	}
	return "fail: " + v.Summary
}

// Authenticate evaluates the Authentication-Results of the server named servID for the
// From address from. Only the topmost fields with exactly that authserv-id count (the
// first one and others at its hop: a server may write one per check); fields of other
// servers and lower ones with the same id are ignored. That a sender-written field with
// the id cannot be topmost rests on the server: it must strip such fields (RFC 8601
// section 5) and add its own to every mail it passes on. The sender is authenticated by dmarc=pass, by dkim=pass whose header.d (or
// header.i) is the From domain or a subdomain or parent of it, or by spf=pass whose
// smtp.mailfrom is. A dmarc=fail outweighs the rest: the domain's owner said no.
func Authenticate(fields []AuthField, servID, from string) AuthVerdict {
	servID = strings.ToLower(strings.TrimSpace(servID))
	if servID == "" {
		return AuthVerdict{}
	}
	v := AuthVerdict{Server: servID}
	results, found := trustedResults(fields, servID)
	if !found {
		v.Summary = NoAuthResults + servID
		return v
	}
	fromDomain := domainOf(from)
	var said []string
	dmarcFail := false
	for _, r := range results {
		item := r.Method + "=" + r.Result
		if r.Result == "pass" && v.By == "" {
			switch by, dom, ok := passes(r, fromDomain); {
			case ok:
				v.By = by
			case dom != "":
				item += " (" + dom + ", not aligned)"
			}
		}
		if r.Method == "dmarc" && r.Result == "fail" {
			dmarcFail = true
		}
		if !slices.Contains(said, item) {
			said = append(said, item)
		}
	}
	v.Summary = strings.Join(said, ", ")
	if v.Summary == "" {
		v.Summary = "none"
	}
	v.Pass = v.By != "" && !dmarcFail
	if !v.Pass {
		v.By = ""
	}
	return v
}

// trustedResults collects the results of the topmost fields of servID: those of the
// same hop as the first one.
func trustedResults(fields []AuthField, servID string) ([]AuthResult, bool) {
	var out []AuthResult
	hop, found := 0, false
	for _, f := range fields {
		if found && f.Hop != hop {
			break
		}
		ar, ok := ParseAuthResults(f.Value)
		if !ok || ar.ServID != servID {
			continue
		}
		hop, found = f.Hop, true
		out = append(out, ar.Results...)
	}
	return out, found
}

// passes reports whether a passing result authenticates fromDomain, saying by what;
// dom names the domain that was checked when it does not align.
func passes(r AuthResult, fromDomain string) (by, dom string, ok bool) {
	var keys []string
	switch r.Method {
	case "dmarc":
		// DMARC judged the From domain the server saw (header.from); should that differ
		// from the address Pforte read (two From fields, parsed differently), it says
		// nothing about this sender.
		if hf := domainOf(r.Props["header.from"]); hf != "" && hf != fromDomain {
			return "", "header.from=" + hf, false
		}
		return "dmarc=pass", "", true
	case "dkim":
		keys = []string{"header.d", "header.i"}
	case "spf":
		keys = []string{"smtp.mailfrom"}
	}
	for _, k := range keys {
		d := domainOf(r.Props[k])
		if d == "" {
			continue
		}
		if aligned(d, fromDomain) {
			return r.Method + "=pass " + k + "=" + d, "", true
		}
		if dom == "" {
			dom = k + "=" + d
		}
	}
	return "", dom, false
}

// aligned reports whether a checked domain vouches for the From domain: the same
// domain, or one a subdomain of the other, unless the parent is a public suffix
// ("co.uk", "github.io"), which vouches for no one. "evil-example.com" is not
// example.com: only whole labels count.
func aligned(checked, from string) bool {
	if checked == "" || from == "" {
		return false
	}
	if checked == from {
		return true
	}
	var parent string
	switch {
	case strings.HasSuffix(from, "."+checked):
		parent = checked
	case strings.HasSuffix(checked, "."+from):
		parent = from
	default:
		return false
	}
	suffix, _ := publicsuffix.PublicSuffix(parent)
	return suffix != parent
}

// domainOf is the domain of an address ("user@Example.COM." → "example.com"), or of a
// bare domain, in ASCII form; "" when there is none.
func domainOf(s string) string {
	s = strings.TrimSpace(s)
	if at := strings.LastIndexByte(s, '@'); at >= 0 {
		s = s[at+1:]
	}
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	if s == "" || strings.ContainsAny(s, " \t<>[]") {
		return ""
	}
	if ascii, err := idna.Lookup.ToASCII(s); err == nil {
		s = ascii
	}
	return s
}
