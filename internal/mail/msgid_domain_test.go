package mail

import "testing"

func TestIDFrom(t *testing.T) {
	for _, c := range []struct{ id, from, want string }{
		{"abc@pforte", "Demo Service GmbH <portal@Demo-Service.de>", "abc@demo-service.de"},
		{"abc@pforte", "support@mail.example.com", "abc@mail.example.com"},
		{"abc@pforte", "Pforte <portal@localhost>", "abc@pforte"}, // no dotted domain: nothing better
		{"abc@pforte", "not an address", "abc@pforte"},
		{"abc@other.example", "portal@demo-service.de", "abc@other.example"}, // not ours to change
		{"abc@pforte.local", "portal@demo-service.de", "abc@pforte.local"},
		{"abc@pforte", `"Ü" <portal@bücher.example>`, "abc@pforte"}, // a Message-ID is ASCII
	} {
		if got := IDFrom(c.id, c.from); got != c.want {
			t.Errorf("IDFrom(%q, %q) = %q, want %q", c.id, c.from, got, c.want)
		}
	}
}

func TestStoredIDs(t *testing.T) {
	for _, c := range []struct{ id, sent, queued string }{
		{"abc@demo-service.de", "abc@demo-service.de", "abc@pforte"},
		{"abc@pforte", "abc@pforte", "abc@pforte"},
		{"no-at-sign", "no-at-sign", "no-at-sign"},
	} {
		if s, q := StoredIDs(c.id); s != c.sent || q != c.queued {
			t.Errorf("StoredIDs(%q) = %q, %q", c.id, s, q)
		}
	}
}
