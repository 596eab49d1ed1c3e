package cli

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpAndUsageErrors: help is printed on standard output with exit code 0; a flag
// or argument the command does not take is said once, with the flags, and exit code 2.
func TestHelpAndUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"--help"}, 0, "Commands:", ""},
		{[]string{"serve", "-h"}, 0, "-demo", ""},
		{[]string{"restore", "-h"}, 0, "pforte restore [flags] FILE", ""},
		{[]string{"version", "-h"}, 0, "Usage: pforte version", ""},
		{[]string{"serve", "--bogus"}, 2, "", "pforte serve: flag provided but not defined: -bogus"},
		{[]string{"migrate", "--data", t.TempDir(), "extra"}, 2, "", `unexpected argument "extra"`},
		{[]string{"version", "extra"}, 2, "", `unexpected argument "extra"`},
		// The README's rule holds for every command, those with their own usage text too.
		{[]string{"demo", "--data", t.TempDir(), "extra"}, 2, "", `unexpected argument "extra"`},
		{[]string{"backup", "--data", t.TempDir(), "extra"}, 2, "", `unexpected argument "extra"`},
		{[]string{"restore", "a.tar.gz", "--data", t.TempDir()}, 2, "", `unexpected argument "--data"`},
		{[]string{"tenant", "--bogus"}, 2, "", "pforte tenant: flag provided but not defined: -bogus\n\nUsage: pforte tenant list"},
		{[]string{"tenant", "rename", "x"}, 2, "", `unknown action "rename"`},
		{[]string{"tenant", "list", "--host", "a.test"}, 2, "", "belong to tenant add"},
		{[]string{"staff-login", "a@x.test", "b@x.test"}, 2, "", "not 2 (a@x.test b@x.test)"},
		{[]string{"staff-login", "--bogus", "a@x.test"}, 2, "", "Usage: pforte staff-login EMAIL"},
	} {
		var out, errOut bytes.Buffer
		code := Run(append([]string{"pforte"}, c.args...), &out, &errOut)
		if code != c.code || !strings.Contains(out.String(), c.out) || !strings.Contains(errOut.String(), c.err) {
			t.Errorf("%v: exit %d, want %d\nout: %s\nerr: %s", c.args, code, c.code, out.String(), errOut.String())
		}
		if strings.Contains(errOut.String(), "help requested") || strings.Count(errOut.String(), "not defined") > 1 {
			t.Errorf("%v: Go's flag message leaks or repeats: %s", c.args, errOut.String())
		}
	}
}

// TestServeRefusesToStart: a port in use, an unreachable database and a data
// directory that cannot be one end serve with the setting to change, not a bare
// system or driver error.
func TestServeRefusesToStart(t *testing.T) {
	t.Setenv("PFORTE_DATABASE_URL", "")
	os.Unsetenv("PFORTE_DATABASE_URL")
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := Run(append([]string{"pforte", "serve"}, args...), &out, &errOut); code != 1 {
			t.Fatalf("%v: exit %d\n%s", args, code, errOut.String())
		}
		return errOut.String()
	}
	if msg := run("--addr", busy.Addr().String(), "--data", t.TempDir()); !strings.Contains(msg, "another program already listens") || !strings.Contains(msg, "PFORTE_ADDR") {
		t.Errorf("port in use: %s", msg)
	}
	if msg := run("--addr", "127.0.0.1:0", "--data", filepath.Join(file, "data")); !strings.Contains(msg, "PFORTE_DATA") || strings.HasPrefix(msg, "pforte: db:") {
		t.Errorf("data directory under a file: %s", msg)
	}
	closed, err := net.Listen("tcp", "127.0.0.1:0") // a port where nothing answers
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	t.Setenv("PFORTE_DATABASE_URL", "postgres://pforte:secret@"+closed.Addr().String()+"/none?sslmode=disable")
	if msg := run("--addr", "127.0.0.1:0", "--data", t.TempDir()); !strings.Contains(msg, "Pforte cannot open the database of PFORTE_DATABASE_URL") || strings.Contains(msg, "secret") {
		t.Errorf("unreachable database: %s", msg)
	}
}
