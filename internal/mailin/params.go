package mailin

import (
	"bytes"
	"io"
	"mime"
	"net/url"
	"strconv"
	"strings"

	"github.com/emersion/go-message"
)

// Go's mime.ParseMediaType is strict where mail is not, and go-message then gives up
// on the whole field: a scanner's "name=Rechnung März.pdf" (unquoted, with a space), a
// parameter sent twice, or an RFC 2231 name in a charset other than UTF-8
// ("filename*=iso-8859-1''Pr%FCfung.pdf", which ParseMediaType silently drops) left a
// part without its type or name: a PDF read as the mail's text, a file called
// attachment-2.pdf. partType and partDisposition fall back to a lenient reading.

// partType is a part's media type (lower-case, "" when there is none) and parameters.
func partType(h message.Header) (string, map[string]string) {
	t, params, err := h.ContentType()
	return lenientWhereNeeded(t, params, err, h.Get("Content-Type"), "name")
}

// partDisposition is a part's disposition (lower-case, "" when there is none) and its
// parameters.
func partDisposition(h message.Header) (string, map[string]string) {
	d, params, err := h.ContentDisposition()
	return lenientWhereNeeded(d, params, err, h.Get("Content-Disposition"), "filename")
}

// lenientWhereNeeded takes go-message's reading of the field value raw unless it
// failed, and the name parameter key from lenientParams when raw has it in RFC 2231
// form: ParseMediaType drops every piece in another charset than UTF-8 and keeps the
// rest ("name*0*=windows-1252'de'%93A%94; name*1=…" became only its second half).
func lenientWhereNeeded(v string, params map[string]string, err error, raw, key string) (string, map[string]string) {
	if err != nil {
		return lenientParams(raw)
	}
	if hasExtended(raw, key) {
		if _, lp := lenientParams(raw); lp[key] != "" {
			params[key] = lp[key]
		}
	}
	return v, params
}

// hasExtended reports whether v carries key as an RFC 2231 parameter (key*=, key*0=).
func hasExtended(v, key string) bool {
	return strings.Contains(strings.ToLower(v), key+"*")
}

// lenientParams splits a field value at semicolons outside quotes: the first piece is
// the type when it looks like one, the others key=value parameters, quoted or not,
// RFC 2231 extended and continued ones decoded in whatever charset they name.
func lenientParams(v string) (string, map[string]string) {
	pieces := splitParams(v)
	if len(pieces) == 0 {
		return "", map[string]string{}
	}
	typ := strings.ToLower(strings.TrimSpace(pieces[0]))
	if strings.ContainsAny(typ, "=\" ") {
		typ = ""
	}
	raw := map[string]string{}
	for _, p := range pieces[1:] {
		k, val, ok := strings.Cut(p, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || k == "" {
			continue
		}
		if _, dup := raw[k]; !dup { // the first of a doubled parameter
			raw[k] = unquoteParam(strings.TrimSpace(val))
		}
	}
	params := map[string]string{}
	for k, val := range raw {
		base, _, ext := strings.Cut(k, "*")
		switch {
		case !ext:
			if _, done := params[base]; !done {
				params[base] = decodeWords(val)
			}
		case k == base+"*":
			params[base] = decode2231(val)
		case k == base+"*0" || k == base+"*0*":
			params[base] = continued(raw, base)
		}
	}
	return typ, params
}

// continued joins the RFC 2231 continuations key*0, key*1 … (each "*" one
// percent-encoded), and decodes them in the charset the first names.
func continued(raw map[string]string, key string) string {
	var b strings.Builder
	charset := ""
	for i := 0; ; i++ {
		n := key + "*" + strconv.Itoa(i)
		if v, ok := raw[n+"*"]; ok {
			if i == 0 {
				if parts := strings.SplitN(v, "'", 3); len(parts) == 3 {
					charset, v = parts[0], parts[2]
				}
			}
			if u, err := url.PathUnescape(v); err == nil {
				v = u
			}
			b.WriteString(v)
		} else if v, ok := raw[n]; ok {
			b.WriteString(v)
		} else {
			break
		}
	}
	return inCharset(b.String(), charset)
}

// decode2231 decodes an extended value charset'language'percent-encoded.
func decode2231(v string) string {
	parts := strings.SplitN(v, "'", 3)
	if len(parts) != 3 {
		return v
	}
	s, err := url.PathUnescape(parts[2])
	if err != nil {
		s = parts[2]
	}
	return inCharset(s, parts[0])
}

// inCharset converts s from charset to UTF-8; an unknown charset reads as
// Windows-1252 (charset.go), bytes still invalid are left for oneLine.
func inCharset(s, charset string) string {
	cs := strings.ToLower(strings.TrimSpace(charset))
	if cs == "" || cs == "utf-8" || cs == "us-ascii" || message.CharsetReader == nil {
		return s
	}
	r, err := message.CharsetReader(cs, strings.NewReader(s))
	if err != nil {
		return s
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return s
	}
	return string(out)
}

// decodeWords decodes RFC 2047 encoded words, which many mail programs put into
// parameters although the RFC does not allow it there.
func decodeWords(v string) string {
	if !strings.Contains(v, "=?") {
		return v
	}
	d := mime.WordDecoder{CharsetReader: message.CharsetReader}
	if s, err := d.DecodeHeader(v); err == nil {
		return s
	}
	return v
}

// splitParams splits v at the semicolons outside double quotes.
func splitParams(v string) []string {
	var out []string
	var cur bytes.Buffer
	quoted, escaped := false, false
	for _, c := range []byte(v) {
		switch {
		case escaped:
			escaped = false
		case c == '\\' && quoted:
			escaped = true
		case c == '"':
			quoted = !quoted
		case c == ';' && !quoted:
			out = append(out, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteByte(c)
	}
	return append(out, cur.String())
}

// unquoteParam removes the quotes around a value and their backslash escapes; an
// unquoted value stays as it is.
func unquoteParam(v string) string {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return strings.Trim(v, "\"")
	}
	var b strings.Builder
	escaped := false
	for _, c := range []byte(v[1 : len(v)-1]) {
		if c == '\\' && !escaped {
			escaped = true
			continue
		}
		escaped = false
		b.WriteByte(c)
	}
	return b.String()
}
