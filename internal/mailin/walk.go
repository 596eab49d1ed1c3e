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
	ctype, params := partType(e.Header)
	if ctype == "" {
		ctype = "text/plain" // RFC 2045 5.2: the default when the header is missing or broken
	}
	ctype = strings.ToLower(ctype)
	disp, dparams := partDisposition(e.Header)
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
	if len(data) == 0 || signatureTypes[ctype] {
		return nil // an empty attachment is nothing to keep, nor is a signature (see signatureTypes)
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

// signatureTypes are the detached signatures of multipart/signed (S/MIME's smime.p7s,
// OpenPGP's signature.asc). Each mail from someone who signs their mail carries one; as
// a file on the ticket it means nothing to anyone (it checks only against the exact
// bytes of the raw message, which is kept), so it is no attachment.
var signatureTypes = map[string]bool{
	"application/pkcs7-signature": true, "application/x-pkcs7-signature": true, "application/pgp-signature": true,
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
// C1 controls, what ISO-8859-1 makes of Windows-1252's quotes and euro sign, are read
// as those (c1Windows1252).
func bodyText(data []byte, charset string) string {
	if strings.EqualFold(strings.TrimSpace(charset), "utf-8") {
		return c1Windows1252(strings.ToValidUTF8(string(data), "\uFFFD"))
	}
	return c1Windows1252(fromWindows1252(string(data)))
}

// text joins the plain text parts (mail programs split the body around inline
// images into several).
func (w *walker) text() string {
	return strings.Join(w.plain, "\n")
}

// commonExt is the extension a nameless part of a common type gets. The system's MIME
// table lists several per type, sorted, so its first is often a rare one: a photo
// became attachment-2.jfif, a text file attachment-3.asc (which reads as a PGP key).
var commonExt = map[string]string{
	"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/tiff": ".tif",
	"text/plain": ".txt", "text/html": ".html", "text/calendar": ".ics", "text/csv": ".csv",
	"application/pdf": ".pdf", "application/octet-stream": ".bin", "application/zip": ".zip",
	"message/rfc822": ".eml", "message/delivery-status": ".txt", "application/ms-tnef": ".dat",
}

// cleanFilename keeps only the base name of what the sender called the file, without
// control characters, and invents "attachment-N.ext" when there is no name.
func cleanFilename(name, ctype string, n int) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = validate.StripBidi(path.Base(oneLine(name))) // no name that reads backwards
	name = strings.Trim(name, " .")
	if name == "" || name == "/" {
		ext := commonExt[ctype]
		if exts, _ := mime.ExtensionsByType(ctype); ext == "" && len(exts) > 0 {
			ext = exts[0]
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
