package filestore

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"slices"
	"strings"
)

// Content types of office documents, which are zip archives told apart by their
// entries. Recording them (not just "application/zip") lets customers see what a
// download is and their browser open it with the right program.
const (
	TypeDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypeXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	TypePptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	TypeODT  = "application/vnd.oasis.opendocument.text"
	TypeODS  = "application/vnd.oasis.opendocument.spreadsheet"
	TypeODP  = "application/vnd.oasis.opendocument.presentation"
)

// Bounds of reading a zip's central directory: enough for any office document, small
// enough that an archive of a million tiny entries costs no more than a glance.
const (
	zipMaxEntries = 4096
	zipMaxDir     = 4 << 20
	zipEndSearch  = 22 + 0xffff // end record plus the longest archive comment
)

// ooxmlParts maps the folder an OOXML package keeps its main part in to its type.
var ooxmlParts = map[string]string{"word/": TypeDocx, "xl/": TypeXlsx, "ppt/": TypePptx}

// odfTypes are the OpenDocument types a "mimetype" entry may name.
var odfTypes = []string{TypeODT, TypeODS, TypeODP}

// ZipKind refines "application/zip" for a zip archive of size bytes readable through
// f, whose first bytes are head: an OpenDocument file names its type in an uncompressed
// first entry "mimetype" (the format requires it there, so head suffices); an OOXML
// package has "[Content_Types].xml" and exactly one of word/, xl/ or ppt/, which only
// the central directory at the end lists completely. Anything else, or a directory
// past the bounds, stays "application/zip".
func ZipKind(f io.ReaderAt, size int64, head []byte) string {
	if t := odfKind(head); t != "" {
		return t
	}
	names, ok := zipNames(f, size)
	if !ok {
		return "application/zip"
	}
	var found []string
	content := false
	for _, n := range names {
		if n == "[Content_Types].xml" {
			content = true
		}
		for dir, t := range ooxmlParts {
			if strings.HasPrefix(n, dir) && !slices.Contains(found, t) {
				found = append(found, t)
			}
		}
	}
	if content && len(found) == 1 {
		return found[0]
	}
	return "application/zip"
}

// odfKind reads the "mimetype" entry when it is the first, stored uncompressed.
func odfKind(head []byte) string {
	const local = 30 // fixed part of a local file header
	if len(head) < local || !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return ""
	}
	method := binary.LittleEndian.Uint16(head[8:])
	clen := int(binary.LittleEndian.Uint32(head[18:]))
	nlen := int(binary.LittleEndian.Uint16(head[26:]))
	elen := int(binary.LittleEndian.Uint16(head[28:]))
	start := local + nlen + elen
	if method != 0 || string(head[local:min(len(head), local+nlen)]) != "mimetype" || start > len(head) {
		return ""
	}
	data := head[start:]
	for _, t := range odfTypes {
		// The size is 0 when the writer put it in a descriptor after the data; then
		// the next signature ends the entry.
		if clen == len(t) && string(data[:min(len(data), clen)]) == t ||
			clen == 0 && bytes.HasPrefix(data, []byte(t+"PK")) {
			return t
		}
	}
	return ""
}

// zipNames lists the entry names in the central directory, at most zipMaxEntries of
// them; ok is false for a directory it cannot find or read (zip64 included: no
// office document needs it).
func zipNames(f io.ReaderAt, size int64) ([]string, bool) {
	tail := min(size, zipEndSearch)
	buf := make([]byte, tail)
	if _, err := f.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return nil, false
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || len(buf)-i < 22 {
		return nil, false
	}
	end := buf[i:]
	dirSize := int64(binary.LittleEndian.Uint32(end[12:]))
	dirOff := int64(binary.LittleEndian.Uint32(end[16:]))
	if dirSize > zipMaxDir || dirOff+dirSize > size {
		return nil, false
	}
	r := bufio.NewReader(io.NewSectionReader(f, dirOff, dirSize))
	var names []string
	hdr := make([]byte, 46)
	for len(names) < zipMaxEntries {
		if _, err := io.ReadFull(r, hdr); err != nil {
			break // the directory's end
		}
		if !bytes.HasPrefix(hdr, []byte("PK\x01\x02")) {
			return nil, false
		}
		nlen := int(binary.LittleEndian.Uint16(hdr[28:]))
		skip := int(binary.LittleEndian.Uint16(hdr[30:])) + int(binary.LittleEndian.Uint16(hdr[32:]))
		name := make([]byte, nlen)
		if _, err := io.ReadFull(r, name); err != nil {
			return nil, false
		}
		if _, err := r.Discard(skip); err != nil {
			return nil, false
		}
		names = append(names, string(name))
	}
	return names, true
}
