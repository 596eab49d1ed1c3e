package codehealth

import (
	"bytes"
	"os"
	"testing"
)

// maxLines is the most lines a hand-written source file may have: past it a file
// holds more than one thing, and its parts belong in files of their own.
const maxLines = 500

// TestFileSize fails for a Go or templ file, tests included, of more than maxLines
// lines. Generated Go follows its .templ file, which is checked.
func TestFileSize(t *testing.T) {
	handWritten(t, true, func(path string) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(src, []byte("\n")); n > maxLines {
			t.Errorf("%s has %d lines, more than %d: split it", rel(path), n, maxLines)
		}
	})
}
