package codehealth

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// surfaces are the packages that serve routes; a missing one (internal/api does not
// exist yet) is skipped, so the rule holds for it from its first file.
var surfaces = []string{"../admin", "../portal", "../api"}

// pending are files known to hold more than one handler whose split waits for work in
// progress on them; each entry says why. Remove an entry once its file is split.
var pending = map[string]string{
	"admin/inbox_decide.go": "inboxApprove, inboxReject, inboxDone: inbox* files were being edited by another change",
	"admin/inbox_file.go":   "inboxFile, inboxRaw: inbox* files were being edited by another change",
	"portal/account.go":     "account, accountDetails: account* files were being edited by another change",
}

// TestOneHandlerPerFile fails when a non-generated, non-test file of a surface declares
// more than one handler: a function whose parameters start with (http.ResponseWriter,
// *http.Request) and that a route table names in a Handler field. Helpers with that
// signature (renderX, loadX) are no handlers: no route names them.
func TestOneHandlerPerFile(t *testing.T) {
	total := 0
	for _, dir := range surfaces {
		files := parseSurface(t, dir)
		if files == nil {
			continue
		}
		registered := routeNames(files)
		for _, name := range sortedKeys(files) {
			var handlers []string
			for _, d := range files[name].Decls {
				fd, ok := d.(*ast.FuncDecl)
				if ok && takesWriterAndRequest(fd.Type) && registered[fd.Name.Name] {
					handlers = append(handlers, fd.Name.Name)
				}
			}
			total += len(handlers)
			key := filepath.Base(dir) + "/" + name
			if _, ok := pending[key]; ok {
				if len(handlers) < 2 {
					t.Errorf("%s holds one handler now: remove it from pending", key)
				}
				continue
			}
			if len(handlers) > 1 {
				t.Errorf("%s holds %d handlers (%s): move each into a file of its own",
					key, len(handlers), strings.Join(handlers, ", "))
			}
		}
	}
	// A rule that finds no handlers at all checks nothing (a renamed field, a moved
	// route table): the surfaces have well over a hundred.
	if total < 100 {
		t.Fatalf("found only %d handlers: the test no longer recognises them", total)
	}
}

// parseSurface parses dir's hand-written Go files: no tests, no generated ones
// (_templ.go, which hold no route tables); it returns nil when dir does not exist.
func parseSurface(t *testing.T, dir string) map[string]*ast.File {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") || strings.HasSuffix(n, "_templ.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = f
	}
	return files
}

// routeNames collects every name used in the value of a Handler field (web.Route),
// wrappers included: a.staff(a.dashboard) names staff and dashboard, and only
// dashboard has a handler's parameters.
func routeNames(files map[string]*ast.File) map[string]bool {
	names := map[string]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			if key, ok := kv.Key.(*ast.Ident); !ok || key.Name != "Handler" {
				return true
			}
			ast.Inspect(kv.Value, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					names[id.Name] = true
				}
				return true
			})
			return true
		})
	}
	return names
}

// takesWriterAndRequest reports whether ft's first parameters are an
// http.ResponseWriter and an *http.Request; more may follow (the back office's
// handlers take the staff member's visit as well).
func takesWriterAndRequest(ft *ast.FuncType) bool {
	var types []ast.Expr
	for _, field := range ft.Params.List {
		for range max(len(field.Names), 1) {
			types = append(types, field.Type)
		}
	}
	if len(types) < 2 {
		return false
	}
	w, ok := types[0].(*ast.SelectorExpr)
	if !ok || w.Sel.Name != "ResponseWriter" {
		return false
	}
	star, ok := types[1].(*ast.StarExpr)
	if !ok {
		return false
	}
	r, ok := star.X.(*ast.SelectorExpr)
	return ok && r.Sel.Name == "Request"
}

func sortedKeys(m map[string]*ast.File) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
