package mailin

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/textproto"
)

// A mail cut off on its way (a scanner that stops early, a dropped connection) and a
// mail with a broken part both make go-message report io.ErrUnexpectedEOF: the first
// from the multipart reader, which runs out before the next boundary, the second from
// a part's decoder (a base64 body whose last group is incomplete). Only the first is
// taken, with what came (walker.cut): the second would store a corrupt file and drop
// every part after it without anyone noticing, so it stays malformed. rawPart and
// closeWatch tell the two apart.

// rawPart is one part's raw bytes as the multipart reader hands them over, before any
// transfer decoding; cut notes that the part ran into the end of the enclosing body
// before the next boundary.
type rawPart struct {
	r   io.Reader
	cut bool
}

func (p *rawPart) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		p.cut = true
	}
	return n, err
}

// closeWatch reads a multipart body and notes whether its closing delimiter
// ("--boundary--") went by (closed) and whether the body ran out (out: its reader
// returned io.EOF, or io.ErrUnexpectedEOF from an enclosing part that was cut).
type closeWatch struct {
	r      io.Reader
	delim  []byte
	tail   []byte // the last len(delim)-1 bytes read, for a delimiter split across reads
	closed bool
	out    bool
}

func (c *closeWatch) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	if !c.closed && n > 0 {
		chunk := b[:n]
		k := len(c.delim) - 1
		joined := append(append([]byte{}, c.tail...), chunk[:min(k, len(chunk))]...)
		c.closed = bytes.Contains(chunk, c.delim) || bytes.Contains(joined, c.delim)
		c.tail = append(c.tail, chunk[max(0, len(chunk)-k):]...)
		c.tail = c.tail[max(0, len(c.tail)-k):]
	}
	if err != nil {
		c.out = true
	}
	return n, err
}

// multipart walks the parts of e, a multipart entity with the given boundary. A body
// that runs out before its closing delimiter is cut: the parts read so far stay. One
// that ends before its first part, or is otherwise broken, is malformed.
func (w *walker) multipart(e *message.Entity, boundary string, depth int) error {
	src := &closeWatch{r: e.Body, delim: []byte("--" + boundary + "--")}
	mr := textproto.NewMultipartReader(src, boundary)
	for n := 0; ; n++ {
		p, err := mr.NextPart()
		switch {
		case errors.Is(err, io.EOF) && src.closed:
			return nil
		case err != nil && src.out && !src.closed && n > 0:
			w.cut = true
			return nil
		case err != nil:
			return fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		raw := &rawPart{r: p}
		part, err := message.New(message.Header{Header: p.Header}, raw)
		if err != nil && !tolerable(err) {
			return fmt.Errorf("%w: %v", ErrMalformed, err)
		}
		if err := w.walk(part, raw, depth+1); err != nil {
			return err
		}
	}
}
