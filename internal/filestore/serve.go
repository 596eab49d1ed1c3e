package filestore

import (
	"net/http"
	"os"
	"time"
)

// MinRate is the slowest line a stored file is given time for, in bytes per second.
// The server ends every response two minutes after its request (serve's WriteTimeout),
// which suits pages, not a ticket attachment, an incoming mail's file or a download of
// hundreds of megabytes: over a slow line such a file would be cut off in the middle.
const MinRate = 32 << 10

// Deadline is how long sending a file of size bytes may take: the two minutes of any
// response plus the time the file needs at MinRate. A slow line finishes; a client that
// stops reading is still dropped eventually.
func Deadline(size int64) time.Duration {
	return 2*time.Minute + time.Duration(size/MinRate)*time.Second
}

// ServeContent is http.ServeContent for a stored file (Range and conditional requests
// included), with a write deadline that fits the file's size (Deadline). Every download
// of a stored file goes through it, so none is cut off by the server's write timeout. A
// deadline fixed up front, not one moved along with every write (web.Sliding, for
// responses of unknown length), keeps the server's zero-copy path (sendfile) for the
// file, which a wrapper around every write would lose. The caller sets Content-Type and
// Content-Disposition first.
func ServeContent(w http.ResponseWriter, r *http.Request, modified time.Time, f *os.File) {
	if st, err := f.Stat(); err == nil {
		// A writer without deadlines (a test recorder) keeps the server's.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(Deadline(st.Size())))
	}
	http.ServeContent(w, r, "", modified, f)
}
