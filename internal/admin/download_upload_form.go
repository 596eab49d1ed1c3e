package admin

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"time"

	"pforte/internal/download"
	"pforte/internal/filestore"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// Bounds of an upload form besides the per-file limit from the tenant's settings.
const (
	maxUploadFiles = 20       // files one form may carry
	maxUploadField = 16 << 10 // bytes of one text field
	uploadRate     = 32 << 10 // slowest upload (bytes per second) that is given time to finish
)

// uploadedFile is a file of an upload form, already in the file store.
type uploadedFile struct {
	Name string // cleaned original name
	filestore.Stored
}

// uploadForm is a submitted multipart form: its text fields and the files it carried.
type uploadForm struct {
	web.Form
	Files []uploadedFile
}

// parseUpload reads a multipart form part by part and streams each file straight into
// the file store, so neither memory nor a temporary copy holds a whole upload. A file
// over limit, empty or whose content contradicts its extension is reported next to the
// "file" field and not kept; the text fields are kept either way. Only a failure of the
// store itself is returned as an error. The caller discards the stored files when it
// does not use them.
func (a *Admin) parseUpload(w http.ResponseWriter, r *http.Request, limit int64, files int) (uploadForm, error) {
	body := limit*int64(files) + 1<<20
	r.Body = http.MaxBytesReader(w, r.Body, body)
	// The server's read timeout fits forms, not files of hundreds of megabytes.
	size := body
	if r.ContentLength > 0 && r.ContentLength < body {
		size = r.ContentLength
	}
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(2*time.Minute + time.Duration(size/uploadRate)*time.Second))
	u := uploadForm{Form: web.NewForm()}
	mr, err := r.MultipartReader()
	if err != nil {
		u.Err = "error.form_invalid"
		return u, nil
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return u, nil
		}
		if err != nil {
			u.Err = formProblem(err)
			return u, nil
		}
		if part.FormName() != "file" {
			b, err := io.ReadAll(io.LimitReader(part, maxUploadField+1))
			if err != nil || len(b) > maxUploadField || !validate.Usable(string(b)) {
				u.Err = "error.form_invalid"
				return u, nil
			}
			u.Values.Add(part.FormName(), string(b))
			continue
		}
		if part.FileName() == "" { // an empty file input
			io.Copy(io.Discard, part)
			continue
		}
		name := download.CleanName(part.FileName())
		if len(u.Files) >= files {
			u.Errors.Add("file", "downloads_admin.too_many_files", map[string]any{"Max": files})
			io.Copy(io.Discard, part)
			continue
		}
		st, err := a.env.Files.Put(part, limit)
		switch {
		case err == nil:
			// Customers open a download by its extension: "rechnung.pdf" holding a PNG or
			// a program must not be published as a PDF.
			if ext, bad := filestore.Contradicts(name, st.Type); bad {
				msg := "dl_fixes.type_mismatch"
				if filestore.IsProgram(st.Type) { // under any name but a program's, "tool.doc" or "tool"
					msg = "dl3.program_name"
				}
				u.Errors.Add("file", msg, map[string]any{"Name": name, "Ext": ext})
				a.discard([]uploadedFile{{Name: name, Stored: st}})
				continue
			}
			// Shown on the download page and sent as Content-Type: "bericht.docx" as a
			// Word document, a document zipped under "archiv.zip" as the zip it is named.
			st.Type = filestore.TypeFor(name, st.Type)
			u.Files = append(u.Files, uploadedFile{Name: name, Stored: st})
		case errors.Is(err, filestore.ErrTooLarge):
			u.Errors.Add("file", "downloads_admin.file_too_large", map[string]any{"Name": name,
				"Max": web.FileSize(r.Context(), limit)})
			if _, err := io.Copy(io.Discard, part); err != nil { // read past it, keep the fields after it
				// A file far over the limit also runs past the body's bound while it is
				// skipped: the field's message says all there is, the form-wide "too
				// large as a whole" would only mislead.
				if !errors.As(err, new(*http.MaxBytesError)) {
					u.Err = formProblem(err)
				}
				return u, nil
			}
		case errors.Is(err, filestore.ErrEmpty):
			u.Errors.Add("file", "downloads_admin.file_empty", map[string]any{"Name": name})
		case errors.As(err, new(*fs.PathError)):
			return u, err // the store's disk, not the request
		default:
			u.Err = formProblem(err)
			return u, nil
		}
	}
}

// formProblem names what went wrong reading a request body: too large, or broken.
func formProblem(err error) string {
	if errors.As(err, new(*http.MaxBytesError)) {
		return "downloads_admin.upload_too_large"
	}
	return "error.form_invalid"
}

// discard removes files that were stored for a form that turned out invalid.
func (a *Admin) discard(files []uploadedFile) {
	for _, f := range files {
		if err := a.env.Files.Delete(f.Key); err != nil {
			a.env.Log.Warn("download: discard upload", "key", f.Key, "err", err)
		}
	}
}
