package i18n

import "testing"

func TestFileSize(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int64
		want string
	}{
		{"fr", 87, "87\u00a0o"}, // never "0 KB"
		{"fr", 909, "909\u00a0o"},
		{"fr", 1536, "1,5\u00a0Ko"},
		{"fr", 3 << 20, "3\u00a0Mo"},
		{"de", 87, "87\u00a0B"},
		{"de", 1536, "1,5\u00a0KB"},
		{"de", 200 << 20, "200\u00a0MB"},
		{"de", 1<<30 + 1<<29, "1,5\u00a0GB"},
		{"en", 1536, "1.5\u00a0KB"},
		{"en", 0, "0\u00a0B"},
		{"th", 5 << 20, "5\u00a0MB"},
	} {
		if got := For(c.lang).FileSize(c.n); got != c.want {
			t.Errorf("%s %d: %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}
