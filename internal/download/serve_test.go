package download

import (
	"net/http/httptest"
	"testing"
	"time"
)

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"report.pdf": "report.pdf", `C:\Users\x\report.pdf`: "report.pdf", "../../etc/passwd": "passwd",
		"a\x00b\nc.txt": "abc.txt", "": "download", "..": "download", "\xff.txt": "\uFFFD.txt",
	} {
		if got := CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := TitleOf("Preisliste 2026.csv"); got != "Preisliste 2026" {
		t.Errorf("TitleOf = %q", got)
	}
	if got := TitleOf(".profile"); got != ".profile" {
		t.Errorf("TitleOf = %q", got)
	}
	if got := TitleOf("Handbuch__Teil_1.pdf"); got != "Handbuch Teil 1" {
		t.Errorf("TitleOf with underscores = %q", got)
	}
	if got := TitleOf("___.pdf"); got != "___" {
		t.Errorf("TitleOf of underscores only = %q", got)
	}
}

// TestCountsAsNew: only a request that starts at byte 0 (or gets the whole file) is a
// new download.
func TestCountsAsNew(t *testing.T) {
	v := Version{SHA256: "abc", CreatedAt: time.Unix(1_800_000_000, 0)}
	for _, c := range []struct {
		method, rng, ifRange string
		want                 bool
	}{
		{"GET", "", "", true},
		{"HEAD", "", "", false},
		{"GET", "bytes=0-", "", true},
		{"GET", "bytes=0-99", "", true},
		{"GET", "bytes=00-99,200-300", "", true},
		{"GET", "bytes=100-", "", false},
		{"GET", "bytes=-100", "", false},
		{"GET", "bytes=100-", `"abc"`, false},
		{"GET", "bytes=100-", `"old"`, true},
		{"GET", "bytes=100-", "Fri, 15 Jan 2027 08:00:00 GMT", false},
		{"GET", "bytes=100-", "Fri, 15 Jan 2027 09:00:00 GMT", true},
		{"GET", "items=5-", "", true},
	} {
		r := httptest.NewRequest(c.method, "/x", nil)
		if c.rng != "" {
			r.Header.Set("Range", c.rng)
		}
		if c.ifRange != "" {
			r.Header.Set("If-Range", c.ifRange)
		}
		if got := CountsAsNew(r, v); got != c.want {
			t.Errorf("%s Range %q If-Range %q: %v, want %v", c.method, c.rng, c.ifRange, got, c.want)
		}
	}
	// A conditional request the client already has the answer to gets 304: no download.
	for h, want := range map[[2]string]bool{
		{"If-None-Match", `"abc"`}:                             false,
		{"If-None-Match", `W/"abc", "x"`}:                      false,
		{"If-None-Match", `"old"`}:                             true,
		{"If-Modified-Since", "Fri, 15 Jan 2027 08:00:00 GMT"}: false,
		{"If-Modified-Since", "Fri, 15 Jan 2027 07:00:00 GMT"}: true,
	} {
		r := httptest.NewRequest("GET", "/x", nil)
		r.Header.Set(h[0], h[1])
		if got := CountsAsNew(r, v); got != want {
			t.Errorf("%s: %q: %v, want %v", h[0], h[1], got, want)
		}
	}
}
