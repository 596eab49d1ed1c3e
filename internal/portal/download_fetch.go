package portal

import (
	"net/http"

	"pforte/internal/db"
	"pforte/internal/download"
)

// downloadCurrent sends the current version of a file.
func (p *Portal) downloadCurrent(w http.ResponseWriter, r *http.Request, v *visit) {
	f, ok := p.loadFile(w, r, v)
	if !ok {
		return
	}
	p.sendDownload(w, r, v, f.Current)
}

// sendDownload counts and logs a new download — not the continuation of an interrupted
// one, and not a staff member's preview — and streams the file. The content is opened
// first, so a download that cannot be sent is not counted.
func (p *Portal) sendDownload(w http.ResponseWriter, r *http.Request, v *visit, ver download.Version) {
	ctx := r.Context()
	f, err := download.Open(p.env.Files, ver)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if v.Preview.ID == 0 && download.CountsAsNew(r, ver) {
		err := p.env.DB.InTx(ctx, func(tx *db.Tx) error { return download.Record(ctx, tx, v.P, ver, p.env.Now()) })
		if err != nil {
			f.Close()
			p.env.Fail(w, r, err)
			return
		}
	}
	download.Serve(w, r, f, ver)
}
