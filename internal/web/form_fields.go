package web

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"

	"pforte/internal/validate"
)

// sentField is one text field of a submitted form, in the order the browser sent it.
type sentField struct {
	Name, Value string
}

// multipartFields reads the text fields of a multipart body in their order, skipping
// files; it stops at the first part that is cut off or unreadable and returns what came
// before. Browsers send fields in the form's order, so the text typed above a file
// input arrives before the file. At most max bytes of text are kept.
func multipartFields(body io.Reader, contentType string, max int) []sentField {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["boundary"] == "" {
		return nil
	}
	mr := multipart.NewReader(body, params["boundary"])
	var out []sentField
	for total := 0; ; {
		part, err := mr.NextPart()
		if err != nil {
			return out
		}
		if part.FileName() != "" {
			if _, err := io.Copy(io.Discard, part); err != nil {
				return out
			}
			continue
		}
		b, err := io.ReadAll(io.LimitReader(part, int64(max-total)+1))
		if err != nil || total+len(b) > max {
			return out // cut off: a half field would mislead
		}
		total += len(b)
		if v := string(b); validate.Usable(v) {
			out = append(out, sentField{Name: part.FormName(), Value: v})
		}
	}
}

// urlencodedFields reads an application/x-www-form-urlencoded body in its order.
func urlencodedFields(body []byte) []sentField {
	var out []sentField
	for _, kv := range strings.Split(string(body), "&") {
		k, v, _ := strings.Cut(kv, "=")
		k, err1 := url.QueryUnescape(k)
		v, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil || k == "" || !validate.Usable(v) {
			continue
		}
		out = append(out, sentField{Name: k, Value: v})
	}
	return out
}

// fieldValues turns fields into the values of a Form.
func fieldValues(fs []sentField) url.Values {
	vs := url.Values{}
	for _, f := range fs {
		vs.Add(f.Name, f.Value)
	}
	return vs
}

// prefix records the first bytes read through it, so that the text fields of a
// multipart body refused as too large can still be read from its start.
type prefix struct {
	io.ReadCloser
	buf bytes.Buffer
	max int
}

func (p *prefix) Read(b []byte) (int, error) {
	n, err := p.ReadCloser.Read(b)
	if room := p.max - p.buf.Len(); room > 0 {
		p.buf.Write(b[:min(n, room)])
	}
	return n, err
}

// isTooLarge reports whether err is a body over its http.MaxBytesReader limit.
func isTooLarge(err error) bool {
	var tooBig *http.MaxBytesError
	return errors.As(err, &tooBig)
}
