package twofactor

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
)

// TestKeyring: a sealed secret opens only with its key, tampering is detected, and the
// recovery-code hash depends on the key and the contact.
func TestKeyring(t *testing.T) {
	k1, k2 := NewKeyring([]byte("one")), NewKeyring([]byte("two"))
	sealed := k1.Seal("JBSWY3DPEHPK3PXP")
	if got, err := k1.Open(sealed); err != nil || got != "JBSWY3DPEHPK3PXP" {
		t.Fatalf("open: %q %v", got, err)
	}
	if _, err := k2.Open(sealed); !errors.Is(err, ErrWrongKey) {
		t.Errorf("other key: %v", err)
	}
	// Tamper in the middle: a base64 character there carries six bits of the ciphertext,
	// while the last ones may carry padding bits only (replacing the end with "AA" left
	// the bytes alone about once in a thousand runs).
	mid := len(sealed) - 20
	swap := byte('A')
	if sealed[mid] == 'A' {
		swap = 'B'
	}
	if _, err := k1.Open(sealed[:mid] + string(swap) + sealed[mid+1:]); err == nil {
		t.Errorf("tampered secret opens")
	}
	if k1.Hash(1, "abcdefghjk") == k2.Hash(1, "abcdefghjk") || k1.Hash(1, "abcdefghjk") == k1.Hash(2, "abcdefghjk") {
		t.Errorf("recovery hashes do not depend on key and contact")
	}
}

// TestLoadKey: without a configured key one is made in the data directory, private,
// and the next start reads the same one.
func TestLoadKey(t *testing.T) {
	dir := t.TempDir()
	a, err := LoadKey("", dir)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := LoadKey("", dir)
	if string(a) != string(b) || len(a) != 64 {
		t.Errorf("key not kept: %q %q", a, b)
	}
	if fi, err := os.Stat(filepath.Join(dir, KeyFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v %v", fi, err)
	}
	if c, _ := LoadKey("configured", dir); string(c) != "configured" {
		t.Errorf("configured key ignored")
	}
}

// TestMatch: the code of now and of one period around it fit, with their steps; others
// do not.
func TestMatch(t *testing.T) {
	const secret = "JBSWY3DPEHPK3PXP"
	now := time.Unix(1_700_000_000, 0)
	for _, d := range []time.Duration{-30 * time.Second, 0, 30 * time.Second} {
		code, _ := totp.GenerateCode(secret, now.Add(d))
		step, ok := Match(secret, code, now)
		if !ok || step != Step(now.Add(d)) {
			t.Errorf("offset %v: %v step %d", d, ok, step)
		}
	}
	old, _ := totp.GenerateCode(secret, now.Add(-90*time.Second))
	if _, ok := Match(secret, old, now); ok {
		t.Errorf("a code three periods old fits")
	}
}

func TestRecoveryCodes(t *testing.T) {
	codes := NewRecoveryCodes()
	seen := map[string]bool{}
	for _, c := range codes {
		n := NormalizeRecovery(c)
		if n == "" || seen[n] {
			t.Errorf("code %q", c)
		}
		seen[n] = true
	}
	for in, want := range map[string]string{"ABCDE-FGHJK": "abcdefghjk", " abcde fghjk ": "abcdefghjk", "abcde-fghj0": "", "123456": "", "": ""} {
		if got := NormalizeRecovery(in); got != want {
			t.Errorf("NormalizeRecovery(%q) = %q, want %q", in, got, want)
		}
	}
}
