package mailin

import "strings"

// MaxCopied bounds how many of a mail's other recipients Copied lists: a mail to a
// whole distribution list is no list of people to keep informed.
const MaxCopied = 20

// Copied lists the addresses the mail went to besides its sender (To, then Cc;
// lower-case, each once, at most MaxCopied): the people the sender wanted to keep
// informed. The address that received it is among them.
func (m *Message) Copied() []string {
	seen := map[string]bool{strings.ToLower(m.From.Address): true, "": true}
	var out []string
	for _, list := range [][]Address{m.To, m.Cc} {
		for _, a := range list {
			addr := strings.ToLower(strings.TrimSpace(a.Address))
			if seen[addr] || len(out) == MaxCopied {
				continue
			}
			seen[addr] = true
			out = append(out, addr)
		}
	}
	return out
}
