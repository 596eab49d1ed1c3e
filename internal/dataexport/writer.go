package dataexport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// writer writes the export's JSON object field by field, so its long lists go
// out as they are read. The first error sticks and stops all further writing.
type writer struct {
	w     *bufio.Writer
	err   error
	comma bool         // a field (or, inside a list, an item) was written before
	buf   bytes.Buffer // one value at a time, reused
}

func newWriter(w io.Writer) *writer {
	x := &writer{w: bufio.NewWriterSize(w, 32<<10)}
	x.raw("{")
	return x
}

func (x *writer) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// value writes v indented to sit at depth (in steps of two spaces).
func (x *writer) value(v any, depth int) {
	if x.err != nil {
		return
	}
	x.buf.Reset()
	enc := json.NewEncoder(&x.buf)
	enc.SetEscapeHTML(false) // a file, not a page: "Weber & Partner" stays readable
	enc.SetIndent(indent(depth), "  ")
	if x.err = enc.Encode(v); x.err == nil {
		_, x.err = x.w.Write(bytes.TrimSuffix(x.buf.Bytes(), []byte("\n")))
	}
}

func indent(depth int) string {
	return "                "[:2*depth]
}

func (x *writer) sep(depth int) {
	if x.comma {
		x.raw(",")
	}
	x.raw("\n" + indent(depth))
	x.comma = true
}

// field writes one top-level field.
func (x *writer) field(name string, v any) {
	x.sep(1)
	x.value(name, 0)
	x.raw(": ")
	x.value(v, 1)
}

// begin opens a top-level list; item adds to it and end closes it.
func (x *writer) begin(name string) {
	x.sep(1)
	x.value(name, 0)
	x.raw(": [")
	x.comma = false
}

func (x *writer) item(v any) {
	x.sep(2)
	x.value(v, 2)
}

func (x *writer) end() {
	if x.comma {
		x.raw("\n" + indent(1))
	}
	x.raw("]")
	x.comma = true
}

// flush sends what is buffered, so a long export reaches the browser as it is made.
func (x *writer) flush() {
	if x.err == nil {
		x.err = x.w.Flush()
	}
}

// finish closes the object and sends the rest.
func (x *writer) finish() error {
	x.raw("\n}\n")
	x.flush()
	return x.err
}
