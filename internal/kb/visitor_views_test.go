package kb

import (
	"testing"
	"time"
)

// TestVisitorViews: a visitor's reread within ViewWindow does not count, after it does;
// another browser, address or article counts on its own; crawlers never count; the
// memory stays bounded.
func TestVisitorViews(t *testing.T) {
	v := NewVisitorViews()
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	ff := "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
	steps := []struct {
		tenant, article int64
		ip, ua          string
		at              time.Duration
		want            bool
	}{
		{1, 10, "192.0.2.1", ff, 0, true},
		{1, 10, "192.0.2.1", ff, time.Minute, false},
		{1, 10, "192.0.2.1", ff, ViewWindow - time.Second, false},
		{1, 10, "192.0.2.1", ff, ViewWindow + time.Minute, true},
		{1, 10, "192.0.2.2", ff, 0, true},
		{1, 10, "192.0.2.1", "Mozilla/5.0 (iPhone) Safari/604.1", 0, true},
		{1, 11, "192.0.2.1", ff, 0, true},
		{2, 10, "192.0.2.1", ff, 0, true},
		{1, 10, "192.0.2.9", "Mozilla/5.0 (compatible; bingbot/2.0)", 0, false},
		{1, 10, "192.0.2.9", "curl/8.5.0", 0, false},
		{1, 10, "192.0.2.9", "", 0, false},
	}
	for i, s := range steps {
		if got := v.First(s.tenant, s.article, s.ip, s.ua, t0.Add(s.at)); got != s.want {
			t.Errorf("step %d: First = %v, want %v", i, got, s.want)
		}
	}

	for i := range visitorMarks + 10 {
		v.First(1, int64(i), "192.0.2.1", ff, t0)
	}
	if n := len(v.marks); n > visitorMarks {
		t.Errorf("%d marks kept, want at most %d", n, visitorMarks)
	}
}
