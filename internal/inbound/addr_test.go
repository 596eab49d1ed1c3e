package inbound

import "testing"

func TestParseEndpoint(t *testing.T) {
	cases := []struct {
		in   string
		want Endpoint
		bad  bool
	}{
		{in: ":2525", want: Endpoint{Network: "tcp", Address: ":2525"}},
		{in: "127.0.0.1:25", want: Endpoint{Network: "tcp", Address: "127.0.0.1:25"}},
		{in: "smtp://0.0.0.0:25", want: Endpoint{Network: "tcp", Address: "0.0.0.0:25"}},
		{in: "lmtp://127.0.0.1:24", want: Endpoint{Network: "tcp", Address: "127.0.0.1:24", LMTP: true}},
		{in: "lmtp:/run/pforte/lmtp.sock", want: Endpoint{Network: "unix", Address: "/run/pforte/lmtp.sock", LMTP: true}},
		{in: "lmtp:relative.sock", bad: true},
		{in: "http://x:1", bad: true},
		{in: "localhost", bad: true},
		{in: "", bad: true},
	}
	for _, c := range cases {
		got, err := ParseEndpoint(c.in)
		if (err != nil) != c.bad || (!c.bad && got != c.want) {
			t.Errorf("ParseEndpoint(%q) = %+v, %v", c.in, got, err)
		}
	}
}

func TestSplitPlus(t *testing.T) {
	cases := []struct{ in, base, token string }{
		{"support@x.de", "support@x.de", ""},
		{"Support@X.de", "support@x.de", ""},
		{"support+Ab12@X.de", "support@x.de", "Ab12"},
		{"support+a+b@x.de", "support@x.de", "a+b"},
		{"support+@x.de", "support@x.de", ""},
		{"noat", "noat", ""},
	}
	for _, c := range cases {
		if base, token := SplitPlus(c.in); base != c.base || token != c.token {
			t.Errorf("SplitPlus(%q) = %q, %q", c.in, base, token)
		}
	}
}
