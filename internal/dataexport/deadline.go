package dataexport

import (
	"net/http"
	"time"
)

// Stall is how long one piece of the file (the writer's buffer, 32 KiB) may take to
// reach the client. The server ends every response two minutes after its request
// (serve's WriteTimeout): a very active contact's file of many megabytes over a slow
// line would be cut off in the middle, and a cut file is no JSON at all.
const Stall = 2 * time.Minute

// sliding moves the response's write deadline Stall ahead before every write, so the
// file may take as long as it needs while it keeps going, and a client that stops
// reading is still dropped after Stall.
type sliding struct {
	w  http.ResponseWriter
	rc *http.ResponseController
}

func (s sliding) Write(p []byte) (int, error) {
	_ = s.rc.SetWriteDeadline(time.Now().Add(Stall)) // a writer without deadlines keeps the server's
	return s.w.Write(p)
}
