package web

import (
	"io"
	"net/http"
	"time"
)

// Stall is how long one piece of a long download (a buffered writer's buffer) may take
// to reach the client. The server ends every response two minutes after its request
// (serve's WriteTimeout): a contact's data export of many megabytes, or a large audit
// log or report as CSV, over a slow line would be cut off in the middle, and a cut file
// is no JSON at all, or a spreadsheet that silently lacks its last rows.
const Stall = 2 * time.Minute

// Sliding is w for a long download's body: before every write it moves the response's
// write deadline Stall ahead, so the file may take as long as it needs while it keeps
// going, and a client that stops reading is still dropped after Stall. Write to it in
// pieces (through a buffered writer), never byte by byte.
func Sliding(w http.ResponseWriter) io.Writer {
	return sliding{w, http.NewResponseController(w)}
}

type sliding struct {
	w  http.ResponseWriter
	rc *http.ResponseController
}

func (s sliding) Write(p []byte) (int, error) {
	_ = s.rc.SetWriteDeadline(time.Now().Add(Stall)) // a writer without deadlines keeps the server's
	return s.w.Write(p)
}
