package config

import (
	"errors"
	"flag"
	"os"
	"strings"
	"testing"
)

// clearEnv unsets the settings these tests vary, whatever the environment holds.
func clearEnv(t *testing.T) {
	for _, k := range []string{"PFORTE_ADDR", "PFORTE_BASE_URL", "PFORTE_MAIL_FROM", "PFORTE_SMTP_URL", "PFORTE_SMTP_URL_FILE", "PFORTE_DEBUG_ADDR"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
}

// TestParseRefusesUnusableSettings: a setting serve could only fail on later (or, for
// the base URL, mail dead links with) is refused at once, naming the variable and what
// to write; the SMTP URL's password is never repeated.
func TestParseRefusesUnusableSettings(t *testing.T) {
	for _, c := range []struct{ key, value, want string }{
		{"PFORTE_ADDR", "bogus", "PFORTE_ADDR"},
		{"PFORTE_ADDR", "127.0.0.1:99999", "PFORTE_ADDR"},
		{"PFORTE_DEBUG_ADDR", "6060", "PFORTE_DEBUG_ADDR"},
		{"PFORTE_BASE_URL", "portal.example.com", "https://"},
		{"PFORTE_BASE_URL", "https://portal.example.com/portal", "without a path"},
		{"PFORTE_MAIL_FROM", "not an address", "PFORTE_MAIL_FROM"},
		{"PFORTE_SMTP_URL", "mail.example.com", "smtp://"},
		{"PFORTE_SMTP_URL", "smtp://user:geheim@mail.example.com:587?tls=bogus", "tls=none"},
	} {
		t.Run(c.key+"="+c.value, func(t *testing.T) {
			clearEnv(t)
			t.Setenv(c.key, c.value)
			_, err := Parse("serve", nil)
			if err == nil || !strings.Contains(err.Error(), c.key) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want an error naming %s and %q, got %v", c.key, c.want, err)
			}
			if strings.Contains(err.Error(), "geheim") {
				t.Fatalf("the SMTP password is in the message: %v", err)
			}
		})
	}
	t.Run("good values", func(t *testing.T) {
		clearEnv(t)
		for k, v := range map[string]string{"PFORTE_ADDR": ":http", "PFORTE_BASE_URL": "https://portal.example.com/",
			"PFORTE_MAIL_FROM": "Portal <portal@example.com>", "PFORTE_SMTP_URL": "smtps://u:p@mail.example.com",
			"PFORTE_DEBUG_ADDR": "127.0.0.1:6060"} {
			t.Setenv(k, v)
		}
		c, err := Parse("serve", nil)
		if err != nil || c.BaseURL != "https://portal.example.com" {
			t.Fatalf("%+v, %v", c, err)
		}
	})
	t.Run("backup is not refused over a mail setting", func(t *testing.T) {
		clearEnv(t)
		t.Setenv("PFORTE_SMTP_URL", "mail.example.com")
		t.Setenv("PFORTE_ADDR", "bogus")
		// Nor over the base URL: a typo in the shared environment file would stop the
		// nightly backups long before the running serve is restarted and says so.
		t.Setenv("PFORTE_BASE_URL", "portal.example.com")
		for _, cmd := range []string{"backup", "restore", "migrate", "demo"} {
			if _, err := Parse(cmd, []string{"--data", t.TempDir()}); err != nil {
				t.Fatalf("%s: %v", cmd, err)
			}
		}
		// The commands that print links still refuse it: a link must open.
		for _, cmd := range []string{"staff-login", "tenant"} {
			if _, err := Parse(cmd, []string{"--data", t.TempDir()}); err == nil || !strings.Contains(err.Error(), "PFORTE_BASE_URL") {
				t.Fatalf("%s: %v", cmd, err)
			}
		}
	})
}

// TestParseUsage: help, unknown flags and stray arguments are UsageErrors carrying the
// flag list, and only serve has --addr and --demo.
func TestParseUsage(t *testing.T) {
	clearEnv(t)
	var ue *UsageError
	if _, err := Parse("serve", []string{"-h"}); !errors.As(err, &ue) || !errors.Is(err, flag.ErrHelp) || !strings.Contains(ue.Usage, "-demo") {
		t.Fatalf("serve -h: %v", err)
	}
	if _, err := Parse("serve", []string{"--data", "/a", "/b"}); !errors.As(err, &ue) || !strings.Contains(err.Error(), `"/b"`) {
		t.Fatalf("stray argument: %v", err)
	}
	if _, err := Parse("migrate", []string{"--addr", ":1"}); !errors.As(err, &ue) || strings.Contains(ue.Usage, "-addr") {
		t.Fatalf("migrate --addr: %v (usage %q)", err, ue.Usage)
	}
}
