package kb

import (
	"crypto/rand"
	"crypto/sha256"
	"strconv"
	"strings"
	"sync"
	"time"
)

// visitorMarks bounds the memory of VisitorViews: past it, marks older than ViewWindow
// are dropped, and if that frees nothing the memory starts afresh (a burst of distinct
// visitors then counts some reads twice, never uses unbounded memory).
const visitorMarks = 100_000

// VisitorViews recognises a visitor without login who reads the same article again
// within ViewWindow, so a reload does not count as a read. It keeps no address: a mark
// is a salted hash of address, browser and article, the salt is random per process and
// the marks live in memory only, so nothing on disk says who read what. Each instance
// of a cluster keeps its own marks; a visitor sent to another instance counts again.
type VisitorViews struct {
	mu    sync.Mutex
	salt  [16]byte
	marks map[[32]byte]time.Time
}

// NewVisitorViews returns an empty memory with a fresh salt.
func NewVisitorViews() *VisitorViews {
	v := &VisitorViews{marks: make(map[[32]byte]time.Time)}
	rand.Read(v.salt[:])
	return v
}

// First reports whether this is the visitor's first read of the article within
// ViewWindow, and remembers it. Crawlers never count: their reads say nothing about
// what customers look for.
func (v *VisitorViews) First(tenantID, articleID int64, ip, userAgent string, now time.Time) bool {
	if isCrawler(userAgent) {
		return false
	}
	h := sha256.New()
	h.Write(v.salt[:])
	for _, s := range []string{strconv.FormatInt(tenantID, 10), strconv.FormatInt(articleID, 10), ip, userAgent} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	var key [32]byte
	h.Sum(key[:0])
	v.mu.Lock()
	defer v.mu.Unlock()
	if at, ok := v.marks[key]; ok && now.Sub(at) < ViewWindow {
		return false
	}
	if len(v.marks) >= visitorMarks {
		v.forget(now)
	}
	v.marks[key] = now
	return true
}

// forget drops the marks older than ViewWindow, or all of them when none is that old.
func (v *VisitorViews) forget(now time.Time) {
	for k, at := range v.marks {
		if now.Sub(at) >= ViewWindow {
			delete(v.marks, k)
		}
	}
	if len(v.marks) >= visitorMarks {
		clear(v.marks)
	}
}

// crawlerWords mark the user agents of search engines, link previews and scripts.
var crawlerWords = []string{"bot", "crawl", "spider", "slurp", "preview", "curl/", "wget/", "python-", "go-http-client", "headless"}

// isCrawler reports whether a user agent belongs to a program rather than a person's
// browser; an empty one counts as a program too.
func isCrawler(ua string) bool {
	if ua == "" {
		return true
	}
	ua = strings.ToLower(ua)
	for _, w := range crawlerWords {
		if strings.Contains(ua, w) {
			return true
		}
	}
	return false
}
