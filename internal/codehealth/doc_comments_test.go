package codehealth

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// undocumented lists exported names known to lack a doc comment, as "file: name",
// with the reason they wait. Remove an entry once its comment is written.
var undocumented = map[string]string{
	"internal/access/twofactor_login.go: Error": "internal/access was being edited by another change",
	"internal/mail/smtp_url_error.go: Error":    "internal/mail was being edited by another change",
	"internal/mail/smtp_url_error.go: Unwrap":   "internal/mail was being edited by another change",
}

// TestExportedNamesDocumented fails for an exported function, method (of an exported
// type), type, constant or variable of a non-test, non-generated Go file without a
// doc comment. A constant or variable in a documented group, or with a comment on its
// line, counts as documented. go vet does not check this.
func TestExportedNamesDocumented(t *testing.T) {
	seen := map[string]bool{}
	handWritten(t, false, func(path string) {
		if !strings.HasSuffix(path, ".go") {
			return
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range undocumentedIn(f) {
			key := rel(path) + ": " + name
			seen[key] = true
			if _, ok := undocumented[key]; !ok {
				t.Errorf("%s has no doc comment: say what it is for", key)
			}
		}
	})
	for key := range undocumented {
		if !seen[key] {
			t.Errorf("%s has a doc comment now (or is gone): remove it from undocumented", key)
		}
	}
}

// undocumentedIn lists f's exported names without a doc comment.
func undocumentedIn(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Doc == nil && d.Name.IsExported() && exportedReceiver(d) {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			if d.Doc != nil {
				continue
			}
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if s.Doc == nil && s.Name.IsExported() {
						names = append(names, s.Name.Name)
					}
				case *ast.ValueSpec:
					if s.Doc != nil || s.Comment != nil {
						continue
					}
					for _, n := range s.Names {
						if n.IsExported() {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	return names
}

// exportedReceiver reports whether fd is a function or a method of an exported type:
// an exported method of an unexported type is not seen outside the package.
func exportedReceiver(fd *ast.FuncDecl) bool {
	if fd.Recv == nil {
		return true
	}
	t := fd.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	switch generic := t.(type) {
	case *ast.IndexExpr:
		t = generic.X
	case *ast.IndexListExpr:
		t = generic.X
	}
	id, ok := t.(*ast.Ident)
	return ok && id.IsExported()
}
