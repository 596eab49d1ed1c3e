package cluster

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// binDir holds the pforte binary built for this test run; TestMain removes it.
var binDir string

// build caches the result of the one `go build` per test run.
var build struct {
	once sync.Once
	path string
	err  error
}

// TestMain creates the binary directory and removes it after all tests ran.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pforte-cluster-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "cluster: temp dir:", err)
		os.Exit(2)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// binary returns the path of the pforte binary, building it on first use.
func binary(t testing.TB) string {
	t.Helper()
	build.once.Do(func() {
		root, err := moduleRoot()
		if err != nil {
			build.err = err
			return
		}
		build.path = filepath.Join(binDir, "pforte")
		cmd := exec.Command("go", "build", "-o", build.path, "./cmd/pforte")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			build.err = fmt.Errorf("go build ./cmd/pforte: %v\n%s", err, out)
		}
	})
	if build.err != nil {
		t.Fatal(build.err)
	}
	return build.path
}

// moduleRoot is the directory of the module's go.mod, as `go env GOMOD` reports it.
func moduleRoot() (string, error) {
	var out bytes.Buffer
	cmd := exec.Command("go", "env", "GOMOD")
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(out.String())
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("go env GOMOD: not inside a module")
	}
	return filepath.Dir(gomod), nil
}
