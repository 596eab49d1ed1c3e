package auth

import (
	"strings"
	"testing"
)

func TestPassword(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$") {
		t.Errorf("hash format: %s", h)
	}
	if CheckPassword(h, "correct horse battery") != nil {
		t.Error("right password rejected")
	}
	for _, bad := range []string{"", "correct horse batter", "Correct horse battery"} {
		if CheckPassword(h, bad) == nil {
			t.Errorf("wrong password %q accepted", bad)
		}
	}
	for _, broken := range []string{"", "$argon2id$", "plain", "$argon2id$v=19$m=x$a$b"} {
		if CheckPassword(broken, "x") == nil {
			t.Errorf("broken hash %q accepted", broken)
		}
	}
	if CheckPasswordOrDummy("", "anything") == nil {
		t.Error("empty hash matched")
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Error("salt not random")
	}
}

func TestToken(t *testing.T) {
	raw, hash := NewToken()
	raw2, _ := NewToken()
	if len(raw) < 40 || raw == raw2 || hash != HashToken(raw) || strings.Contains(hash, raw) {
		t.Errorf("token %q hash %q", raw, hash)
	}
}
