package apptest

import (
	"bytes"
	"regexp"
)

// Sample contents for the upload checks: the beginnings of a Windows program, a PNG
// image and a PDF document, as the content sniffing recognises them.
var (
	SamplePE  = append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), make([]byte, 200)...)
	SamplePNG = append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{1}, 200)...)
	SamplePDF = []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
)

var stagedRE = regexp.MustCompile(`name="staged" value="(\d+)"`)

// StagedIDs are the ids of the kept files a returned form lists (its "staged" fields),
// in page order.
func StagedIDs(body string) []string {
	var ids []string
	for _, m := range stagedRE.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}
