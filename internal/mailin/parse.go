package mailin

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // decodes ISO-8859-*, Windows-125*, Shift-JIS … to UTF-8
	"github.com/emersion/go-message/mail"
	"github.com/microcosm-cc/bluemonday"
)

// htmlPolicy keeps what a person writes in a mail (paragraphs, lists, links, tables,
// emphasis) and drops scripts, styles, event handlers and remote tricks.
var htmlPolicy = bluemonday.UGCPolicy()

// maxHeaderBytes bounds the header block of the message and of each part.
const maxHeaderBytes = 256 << 10

// Parse reads a raw message. It fails with ErrTooLarge when raw or its structure
// exceeds lim, and with ErrMalformed when the message has no usable sender or its MIME
// structure or transfer encoding is broken. An unknown charset is not an error: the
// text is read as Windows-1252 (see charset.go). A multipart message that ends
// without its closing boundary is read up to its end, as most mail programs do, and
// marked Cut; a part that fails to decode in a message that came whole is malformed.
func Parse(raw []byte, lim Limits) (*Message, error) {
	lim = lim.withDefaults()
	if int64(len(raw)) > lim.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(raw), lim.MaxBytes)
	}
	e, err := message.ReadWithOptions(bytes.NewReader(raw), &message.ReadOptions{MaxHeaderBytes: maxHeaderBytes})
	if err != nil && !tolerable(err) {
		return nil, fmt.Errorf("%w: header: %v", ErrMalformed, err)
	}
	h := mail.Header{Header: e.Header}
	m := &Message{Size: int64(len(raw))}
	if err := m.readHeader(h); err != nil {
		return nil, err
	}
	w := walker{lim: lim, budget: 2 * lim.MaxBytes}
	if err := w.walk(e, nil, 0); err != nil {
		return nil, err
	}
	m.Cut = w.cut
	m.Text = w.text()
	if html := strings.ToValidUTF8(w.html.String(), "\uFFFD"); strings.TrimSpace(html) != "" {
		m.HTML = htmlPolicy.Sanitize(html)
		if strings.TrimSpace(m.Text) == "" {
			m.Text = HTMLToText(html)
		}
	}
	m.Text = cleanText(m.Text)
	m.Reply = Trim(m.Text)
	if keepsForwarded(m.Subject, m.Text) {
		m.Reply = m.Text // the forwarded mail is the message (forward.go)
	}
	m.Attachments = dropDecoration(w.attachments, w.html.String())
	m.Auto, m.AutoReason = automatic(e.Header, m.From, m.Subject)
	m.AuthResults = authFields(e.Header)
	return m, nil
}

// authFields lists the Authentication-Results fields top down, each with the number of
// Received fields above it.
func authFields(h message.Header) []AuthField {
	var out []AuthField
	hop := 0
	for f := h.Fields(); f.Next() && len(out) < maxAuthFields; {
		switch f.Key() {
		case "Received":
			hop++
		case "Authentication-Results":
			out = append(out, AuthField{Value: f.Value(), Hop: hop})
		}
	}
	return out
}

// tolerable reports whether err from go-message still left a readable entity: an
// unknown charset or transfer encoding is read as it is rather than refused.
func tolerable(err error) bool {
	return message.IsUnknownCharset(err) || message.IsUnknownEncoding(err)
}

// readHeader fills the addresses, subject, thread headers and date.
func (m *Message) readHeader(h mail.Header) error {
	from, err := h.AddressList("From")
	if err != nil || len(from) == 0 {
		// A display name in a charset we cannot decode still leaves a usable address.
		from, err = senderFallback(h)
		if err != nil {
			return fmt.Errorf("%w: no usable From address", ErrMalformed)
		}
	}
	m.From = address(from[0])
	if at := strings.LastIndexByte(m.From.Address, '@'); at < 1 || at == len(m.From.Address)-1 {
		return fmt.Errorf("%w: no usable From address", ErrMalformed)
	}
	m.ReplyTo = addresses(h, "Reply-To")
	m.To = addresses(h, "To")
	m.Cc = addresses(h, "Cc")
	m.Subject, _ = h.Subject() // an undecodable subject stays as it was sent
	m.Subject = oneLine(m.Subject)
	m.MessageID, _ = h.MessageID()
	m.InReplyTo, _ = h.MsgIDList("In-Reply-To")
	m.References, _ = h.MsgIDList("References")
	// Each id costs the routers a lookup; a thread's own mails are its newest (last)
	// ids, so a header of thousands (a long or crafted thread) is cut to those.
	if n := len(m.References); n > maxReferences {
		m.References = m.References[n-maxReferences:]
	}
	if len(m.InReplyTo) > maxReferences {
		m.InReplyTo = m.InReplyTo[:maxReferences]
	}
	m.Date, _ = h.Date()
	// A language list is a few tags; anything longer is no language field worth reading.
	if lang := oneLine(h.Get("Content-Language")); len(lang) <= 100 {
		m.Language = lang
	}
	return nil
}

// maxReferences bounds the message ids of In-Reply-To and References a mail is looked
// up by.
const maxReferences = 20

// senderFallback reads the From header without decoding encoded words, for senders
// whose display name is in an unknown charset.
func senderFallback(h mail.Header) ([]*mail.Address, error) {
	raw := h.Get("From")
	if raw == "" {
		return nil, errors.New("no From")
	}
	if i, j := strings.LastIndexByte(raw, '<'), strings.LastIndexByte(raw, '>'); i >= 0 && j > i {
		return []*mail.Address{{Address: strings.TrimSpace(raw[i+1 : j])}}, nil
	}
	if f := strings.Fields(raw); len(f) == 1 && strings.Count(f[0], "@") == 1 {
		return []*mail.Address{{Address: f[0]}}, nil
	}
	return nil, errors.New("unparsable From")
}

func addresses(h mail.Header, key string) []Address {
	list, _ := h.AddressList(key) // a broken Cc is no reason to refuse the mail
	out := make([]Address, 0, len(list))
	for _, a := range list {
		if a.Address != "" {
			out = append(out, address(a))
		}
	}
	return out
}

func address(a *mail.Address) Address {
	return Address{Name: oneLine(a.Name), Address: strings.ToLower(strings.TrimSpace(a.Address))}
}

// oneLine makes header text safe to show and store: valid UTF-8 (raw 8-bit bytes read
// as Windows-1252), no control characters or line breaks.
func oneLine(s string) string {
	s = c1Windows1252(fromWindows1252(s))
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// cleanText normalises line breaks to \n, makes the text valid UTF-8 and drops control
// characters other than tab and newline.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}
