package config

import (
	"os"
	"strings"
	"testing"
)

// TestParseNumbers: numeric settings take their defaults, accept valid values and
// reject bad ones with a message naming the variable.
func TestParseNumbers(t *testing.T) {
	for _, k := range []string{"PFORTE_DB_CONNS", "PFORTE_LIST_CACHE_MB", "PFORTE_WORKERS", "PFORTE_INBOUND_TLS_CERT", "PFORTE_INBOUND_TLS_KEY", "PFORTE_TRUST_PROXY", "PFORTE_LOG_FORMAT", "PFORTE_INBOUND_MAX_BYTES"} {
		t.Setenv(k, "") // the defaults, whatever the environment running the tests holds
		os.Unsetenv(k)
	}
	c, err := Parse("serve", nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.DBConns != 0 || c.ListCacheMB != 32 || c.Workers != 4 {
		t.Fatalf("defaults: %+v", c)
	}
	t.Setenv("PFORTE_DB_CONNS", "12")
	if c, err = Parse("serve", nil); err != nil || c.DBConns != 12 {
		t.Fatalf("PFORTE_DB_CONNS=12: %d, %v", c.DBConns, err)
	}
	t.Setenv("PFORTE_WORKERS", " 8 ")
	t.Setenv("PFORTE_TRUST_PROXY", "true")
	if c, err = Parse("serve", nil); err != nil || c.Workers != 8 || !c.TrustProxy {
		t.Fatalf("PFORTE_WORKERS=' 8 ', PFORTE_TRUST_PROXY=true: %+v, %v", c, err)
	}
	t.Setenv("PFORTE_TRUST_PROXY", "0")
	if c, err = Parse("serve", nil); err != nil || c.TrustProxy {
		t.Fatalf("PFORTE_TRUST_PROXY=0: %v, %v", c.TrustProxy, err)
	}
	t.Run("TLS certificate without key", func(t *testing.T) {
		t.Setenv("PFORTE_INBOUND_TLS_CERT", "/etc/ssl/mx.pem")
		if _, err := Parse("serve", nil); err == nil || !strings.Contains(err.Error(), "PFORTE_INBOUND_TLS_KEY") {
			t.Fatalf("want an error naming the missing key, got %v", err)
		}
	})
	for name, bad := range map[string][]string{
		"PFORTE_DB_CONNS":          {"-1", "many", "10001", "8x", "8.5"},
		"PFORTE_LIST_CACHE_MB":     {"-5", "lots", "32MB"},
		"PFORTE_WORKERS":           {"0", "x", "4 workers"},
		"PFORTE_INBOUND_MAX_BYTES": {"0", "25M"},
		"PFORTE_TRUST_PROXY":       {"yes", "on"},
		"PFORTE_LOG_FORMAT":        {"JSON", "logfmt"},
	} {
		for _, v := range bad {
			t.Run(name+"="+v, func(t *testing.T) {
				t.Setenv(name, v)
				if _, err := Parse("serve", nil); err == nil || !strings.Contains(err.Error(), name) {
					t.Fatalf("want an error naming %s, got %v", name, err)
				}
			})
		}
	}
}

// TestParseNamesLimit: a number beyond a setting's range is refused naming the range,
// so "1025" is not answered with "must be a positive number".
func TestParseNamesLimit(t *testing.T) {
	t.Setenv("PFORTE_WORKERS", "1025")
	if _, err := Parse("serve", nil); err == nil || !strings.Contains(err.Error(), "1 to 1024") {
		t.Fatalf("PFORTE_WORKERS=1025: %v", err)
	}
}
