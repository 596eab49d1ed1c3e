package kb

import (
	"errors"
	"net/http"
	"strconv"

	"pforte/internal/db"
	"pforte/internal/filestore"
)

// ServeImage streams a stored image with its sniffed type, Range requests included.
// The attachment disposition keeps a browser from showing it as a page of its own (an
// <img> ignores it). A missing file is db.ErrNotFound; nothing is written on an error.
func ServeImage(w http.ResponseWriter, r *http.Request, files *filestore.Store, im Image) error {
	f, err := files.Open(im.Key)
	if errors.Is(err, filestore.ErrNotFound) {
		return db.ErrNotFound
	}
	if err != nil {
		return err
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", im.Type)
	h.Set("Content-Disposition", `attachment; filename="image-`+strconv.FormatInt(im.ID, 10)+`"`)
	h.Set("Cache-Control", "private, max-age=300")
	filestore.ServeContent(w, r, im.CreatedAt, f)
	return nil
}
