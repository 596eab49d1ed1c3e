package mailin

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"path"
	"strings"

	"github.com/emersion/go-message"

	"pforte/internal/validate"
)

// walker visits the MIME tree depth first, collecting body text, HTML and attachments
// and counting parts, depth and decoded bytes against the limits.
type walker struct {
	lim         Limits
	parts       int
	budget      int64 // decoded bytes still allowed (charset conversion can grow text)
	plain       []string
	html        strings.Builder
	attachments []Attachment
	// cut is set when a multipart body ended before its closing delimiter (see
	// multipart.go): what was read so far is kept, and the message is marked cut.
	cut bool
}

// walk visits e; raw is e's raw body when e is a part of a multipart (nil for the
// message itself).
func (w *walker) walk(e *message.Entity, raw *rawPart, depth int) error {
	w.parts++
	if w.parts > w.lim.MaxParts {
		return fmt.Errorf("%w: more than %d parts", ErrTooLarge, w.lim.MaxParts)
	}
	if depth > w.lim.MaxDepth {
		return fmt.Errorf("%w: parts nested deeper than %d", ErrTooLarge, w.lim.MaxDepth)
	}
	if mr := e.MultipartReader(); mr != nil {
		_, params, _ := e.Header.ContentType()
		if params["boundary"] == "" {
			return fmt.Errorf("%w: multipart without boundary", ErrMalformed)
		}
		return w.multipart(e, params["boundary"], depth)
	}
	return w.leaf(e, raw)
}

// leaf reads one non-multipart part: inline text/plain and text/html make the body,
// everything else is an attachment. A part whose raw body ran into the end of the
// message before its boundary keeps what it has (walker.cut), also when its decoder
// stumbles over the incomplete last group; a decoding error in a part that came whole
// (bad or incomplete base64) makes the message malformed.
func (w *walker) leaf(e *message.Entity, raw *rawPart) error {
	data, err := w.read(e.Body)
	switch {
	case errors.Is(err, ErrTooLarge):
		return err
	case err != nil && raw != nil && raw.cut:
		w.cut = true
	case err != nil:
		return fmt.Errorf("%w: body: %v", ErrMalformed, err)
	}
	ctype, params, cerr := e.Header.ContentType()
	if cerr != nil || ctype == "" {
		ctype = "text/plain" // RFC 2045 5.2: the default when the header is missing or broken
	}
	ctype = strings.ToLower(ctype)
	disp, dparams, _ := e.Header.ContentDisposition()
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	isAttachment := strings.EqualFold(disp, "attachment") || name != ""
	if !isAttachment {
		switch ctype {
		case "text/plain":
			w.plain = append(w.plain, bodyText(data, params["charset"]))
			return nil
		case "text/html":
			w.html.WriteString(bodyText(data, params["charset"]))
			return nil
		}
	}
	if len(data) == 0 {
		return nil // an empty attachment is nothing to keep
	}
	w.attachments = append(w.attachments, Attachment{
		Filename:    cleanFilename(name, ctype, len(w.attachments)+1),
		ContentType: ctype,
		ContentID:   strings.Trim(oneLine(e.Header.Get("Content-Id")), "<>"),
		Inline:      !strings.EqualFold(disp, "attachment"),
		Data:        data,
	})
	return nil
}

// read decodes a part's body within the remaining budget. It returns what it read
// with any decoding error, for leaf to judge.
func (w *walker) read(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, w.budget+1))
	if int64(len(data)) > w.budget {
		return nil, fmt.Errorf("%w: decoded body over the limit", ErrTooLarge)
	}
	w.budget -= int64(len(data))
	return data, err
}

// bodyText is a text part as UTF-8. go-message has decoded any declared charset (an
// unknown one as Windows-1252); bytes still invalid came without a label, or as
// "us-ascii", and are read as Windows-1252 too. A part labelled UTF-8 keeps its text
// with the odd bad byte replaced, rather than turning every umlaut into two letters.
func bodyText(data []byte, charset string) string {
	if strings.EqualFold(strings.TrimSpace(charset), "utf-8") {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return fromWindows1252(string(data))
}

// text joins the plain text parts (mail programs split the body around inline
// images into several).
func (w *walker) text() string {
	return strings.Join(w.plain, "\n")
}

// cleanFilename keeps only the base name of what the sender called the file, without
// control characters, and invents "attachment-N.ext" when there is no name.
func cleanFilename(name, ctype string, n int) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = validate.StripBidi(path.Base(oneLine(name))) // no name that reads backwards
	name = strings.Trim(name, " .")
	if name == "" || name == "/" {
		ext := ""
		if exts, _ := mime.ExtensionsByType(ctype); len(exts) > 0 {
			ext = exts[0]
		}
		if ctype == "message/rfc822" {
			ext = ".eml"
		}
		name = fmt.Sprintf("attachment-%d%s", n, ext)
	}
	if r := []rune(name); len(r) > 200 {
		ext := path.Ext(name)
		if len([]rune(ext)) > 20 {
			ext = ""
		}
		name = string(r[:200-len([]rune(ext))]) + ext
	}
	return name
}
