package mailin

import "strings"

// AuthResults is one Authentication-Results header field (RFC 8601): the server that
// wrote it (its authserv-id) and the results of the checks it ran.
type AuthResults struct {
	ServID  string // authserv-id, lower-case
	Results []AuthResult
}

// AuthResult is one check in an Authentication-Results field: the method ("dkim",
// "spf", "dmarc"…), its result ("pass", "fail", "softfail"…), both lower-case, and the
// properties the server named, keyed "ptype.property" in lower case ("header.d",
// "smtp.mailfrom"), values as written.
type AuthResult struct {
	Method string
	Result string
	Reason string
	Props  map[string]string
}

// ParseAuthResults reads the value of one Authentication-Results field. Comments are
// dropped, keywords compared without regard to case; a result this parser cannot read
// is skipped rather than guessed at. ok is false when the field names no server.
func ParseAuthResults(v string) (ar AuthResults, ok bool) {
	segs := splitTokens(lexAuthResults(v))
	if len(segs[0]) == 0 || (segs[0][0].kind != 'w' && segs[0][0].kind != 'q') || segs[0][0].text == "" {
		return ar, false
	}
	ar.ServID = strings.ToLower(segs[0][0].text)
	for _, seg := range segs[1:] {
		if r, ok := parseResinfo(seg); ok {
			ar.Results = append(ar.Results, r)
		}
	}
	return ar, true
}

// parseResinfo reads "method[/version]=result [reason=…] [ptype.property=value…]".
func parseResinfo(seg []arToken) (AuthResult, bool) {
	if len(seg) < 3 || seg[0].kind != 'w' || seg[1].kind != '=' || seg[2].kind != 'w' {
		return AuthResult{}, false // "none", or nothing this parser understands
	}
	method, _, _ := strings.Cut(seg[0].text, "/")
	r := AuthResult{Method: strings.ToLower(method), Result: strings.ToLower(seg[2].text), Props: map[string]string{}}
	for i := 3; i < len(seg); {
		if i+2 >= len(seg) || seg[i].kind != 'w' || seg[i+1].kind != '=' || (seg[i+2].kind != 'w' && seg[i+2].kind != 'q') {
			i++ // something out of place (an unquoted "=" in a signature, say): skip it
			continue
		}
		key, val := strings.ToLower(seg[i].text), seg[i+2].text
		i += 3
		// A quoted local part followed by "@domain" is one value.
		for i < len(seg) && !seg[i].space && seg[i].kind == 'w' {
			val += seg[i].text
			i++
		}
		switch {
		case key == "reason":
			r.Reason = val
		case strings.Contains(key, "."):
			if _, seen := r.Props[key]; !seen { // the first of a repeated property counts
				r.Props[key] = val
			}
		}
	}
	return r, true
}

// arToken is a lexical element of an Authentication-Results value: a word ('w'), a
// quoted string ('q', unquoted), "=" or ";". space tells whether white space or a
// comment came before it.
type arToken struct {
	kind  byte
	text  string
	space bool
}

// lexAuthResults splits v into tokens, dropping comments (which may nest) and white
// space.
func lexAuthResults(v string) []arToken {
	var out []arToken
	space := false
	for i := 0; i < len(v); {
		switch c := v[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ')': // a stray ")" ends no comment
			space = true
			i++
		case c == '(':
			i = skipComment(v, i)
			space = true
		case c == '"':
			text, j := readQuoted(v, i)
			out = append(out, arToken{kind: 'q', text: text, space: space})
			space, i = false, j
		case c == '=' || c == ';':
			out = append(out, arToken{kind: c, space: space})
			space = false
			i++
		default:
			j := i
			for j < len(v) && !strings.ContainsRune(" \t\r\n()\"=;", rune(v[j])) {
				j++
			}
			out = append(out, arToken{kind: 'w', text: v[i:j], space: space})
			space, i = false, j
		}
	}
	return out
}

// skipComment returns the index after the comment starting at v[i] == '('; an
// unterminated comment runs to the end.
func skipComment(v string, i int) int {
	depth := 0
	for ; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(v)
}

// readQuoted returns the text of the quoted string starting at v[i] == '"' and the
// index after it.
func readQuoted(v string, i int) (string, int) {
	var b strings.Builder
	for i++; i < len(v); i++ {
		switch v[i] {
		case '\\':
			if i+1 < len(v) {
				i++
				b.WriteByte(v[i])
			}
		case '"':
			return b.String(), i + 1
		default:
			b.WriteByte(v[i])
		}
	}
	return b.String(), len(v)
}

// splitTokens cuts the tokens at each ";"; the result has at least one segment.
func splitTokens(toks []arToken) [][]arToken {
	segs := [][]arToken{nil}
	for _, t := range toks {
		if t.kind == ';' {
			segs = append(segs, nil)
			continue
		}
		segs[len(segs)-1] = append(segs[len(segs)-1], t)
	}
	return segs
}
