package web

import (
	"net/http"
	"net/url"
	"time"
)

// FlashNext stores a message id shown once on the next page, without redirecting: for
// answers to scripts (fetch), which navigate by themselves. A redirect would be followed
// by fetch and the message shown in a page nobody sees.
func (e *Env) FlashNext(w http.ResponseWriter, r *http.Request, msgID string) {
	e.SetCookie(w, r, flashCookie, url.QueryEscape(msgID), time.Minute)
}
