package codehealth

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// moduleRoot is the repository's root, seen from this package's directory.
const moduleRoot = "../.."

// handWritten calls fn for every Go or templ source file of the module that a person
// writes: generated Go (_templ.go) is left out, tests only when tests is false.
func handWritten(t *testing.T, tests bool, fn func(path string)) {
	t.Helper()
	err := filepath.WalkDir(moduleRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != moduleRoot && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		switch {
		case strings.HasSuffix(name, "_templ.go"):
		case strings.HasSuffix(name, "_test.go") && !tests:
		case strings.HasSuffix(name, ".go"), strings.HasSuffix(name, ".templ"):
			fn(path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// rel is path relative to the module's root, for messages.
func rel(path string) string {
	if r, err := filepath.Rel(moduleRoot, path); err == nil {
		return filepath.ToSlash(r)
	}
	return path
}
