package web

import (
	"context"
	"errors"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"slices"
	"strings"

	"pforte/internal/filestore"
	"pforte/internal/validate"
)

// MaxFiles bounds how many files one form may carry.
const MaxFiles = 10

// Upload is a file saved from a form.
type Upload = filestore.Upload

// ParseMultipart reads a multipart form of at most MaxFiles files of limit bytes each
// (plus the text fields). Too large or malformed bodies yield a form-wide error, never
// a 500; the text fields are checked like ParseForm's. A body over the whole limit
// still keeps the text fields sent before the first file (the subject and description
// above the file input, and the ids of the files a refused form kept, listed above it:
// kept_files.go), so the form comes back with what was typed and still lists them, and
// the error states the limits. A malformed body keeps the fields before the part that
// broke, text that cannot be stored leaves out just its fields; the error says the
// files just chosen were not kept, as none of them is read.
func ParseMultipart(w http.ResponseWriter, r *http.Request, limit int64) Form {
	rec := &prefix{ReadCloser: http.MaxBytesReader(w, r.Body, limit*MaxFiles+MaxFormBytes), max: keptPrefix}
	r.Body = rec
	f := NewForm()
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		if isTooLarge(err) {
			f.Err = "error.upload_too_large"
			f.ErrData = map[string]any{"MB": limit >> 20, "TotalMB": limit * MaxFiles >> 20}
		} else {
			f.Err = "kept_files.form_unreadable"
		}
		f.Values = fieldValues(multipartFields(&rec.buf, r.Header.Get("Content-Type"), MaxFormBytes))
		return f
	}
	// Parts over 8 MB wait in temporary files. net/http removes those only for a form
	// parsed on the request it handed in, not on one derived from it (r.WithContext in
	// the pipeline), which this always is: without this, every large upload stayed in
	// the temporary folder for good. The request's context ends when its handler does.
	form := r.MultipartForm
	context.AfterFunc(r.Context(), func() { form.RemoveAll() })
	f.Values = r.MultipartForm.Value
	for name, vs := range r.MultipartForm.Value {
		if slices.ContainsFunc(vs, func(v string) bool { return !validate.Usable(v) }) {
			f.Err = "kept_files.form_unreadable"
			delete(f.Values, name)
		}
	}
	return f
}

// keptPrefix is how much of a multipart body is kept to recover its text fields when
// it turns out too large: the form's text (MaxFormBytes) with room for the parts'
// headers and a long description in a script of three bytes a character.
const keptPrefix = 4 * MaxFormBytes

// SaveUploads stores the files of field in the file store. Of too many files the
// first MaxFiles are saved and the others named in the field error. A file over limit, an empty one or one whose content
// contradicts its name (upload_check.go) is refused and named in the field error,
// while the files chosen with it are still saved and returned: the form is refused,
// and KeepRefused keeps them for it (listed, so nobody chooses them again). A file
// the store cannot take fails the whole field. The caller deletes the returned files
// again when its own change fails.
func (e *Env) SaveUploads(r *http.Request, f *Form, field string, limit int64) []Upload {
	if r.MultipartForm == nil {
		return nil
	}
	headers := r.MultipartForm.File[field]
	// Too many files: the first MaxFiles are saved (and kept for the refused form like
	// the others of a refusal), the rest are named, so only those are chosen again.
	var dropped []string
	if len(headers) > MaxFiles {
		for _, h := range headers[MaxFiles:] {
			dropped = append(dropped, CleanFilename(h.Filename))
		}
		headers = headers[:MaxFiles]
	}
	var out []Upload
	var refused []validate.Msg
	for _, h := range headers {
		up, err := e.saveOne(h, limit)
		switch {
		case err == nil:
			if m, bad := contentRefusal(r.Context(), up.Filename, up.Type); bad {
				e.DeleteUploads([]Upload{up})
				refused = append(refused, m)
				continue
			}
			// Sent as Content-Type and shown: "bericht.docx" as a Word document, a
			// document zipped under "archiv.zip" as the zip it is named.
			up.Type = filestore.TypeFor(up.Filename, up.Type)
			out = append(out, up)
		case errors.Is(err, filestore.ErrTooLarge):
			refused = append(refused, validate.Msg{ID: "error.upload_too_large_file", Data: map[string]any{"Name": up.Filename, "MB": limit >> 20}})
		case errors.Is(err, filestore.ErrEmpty):
			refused = append(refused, validate.Msg{ID: "error.upload_empty", Data: map[string]any{"Name": up.Filename}})
		default:
			e.Log.Error("upload", "err", err)
			e.DeleteUploads(out)
			f.Errors[field] = validate.Msg{ID: "error.upload_failed"}
			return nil
		}
	}
	if len(refused) > 0 {
		f.Errors[field] = refusedMsg(refused, limit)
	}
	if len(dropped) > 0 {
		f.Errors[field] = droppedMsg(dropped, refused)
	}
	return out
}

// droppedMsg is the field error when more than MaxFiles files were chosen: it names the
// files left out, and the refused ones among the first MaxFiles if there are any.
func droppedMsg(dropped []string, refused []validate.Msg) validate.Msg {
	data := map[string]any{"Max": MaxFiles, "Dropped": strings.Join(dropped, ", ")}
	if len(refused) == 0 {
		return validate.Msg{ID: "qa2_misc.upload_dropped", Data: data}
	}
	names := make([]string, 0, len(refused))
	for _, r := range refused {
		names = append(names, r.Data["Name"].(string))
	}
	data["Names"] = strings.Join(names, ", ")
	return validate.Msg{ID: "qa2_misc.upload_dropped_refused", Data: data}
}

// refusedMsg is the field error for the files SaveUploads refused: the one's own
// message, or for several one naming them all, with the reasons among them.
func refusedMsg(refused []validate.Msg, limit int64) validate.Msg {
	if len(refused) == 1 {
		return refused[0]
	}
	names := make([]string, 0, len(refused))
	content := 0
	for _, m := range refused {
		names = append(names, m.Data["Name"].(string))
		if m.ID == "upload_check.mismatch" || m.ID == "upload_check.program" {
			content++
		}
	}
	id := "mailack.files_refused" // empty or too large
	switch content {
	case 0:
	case len(refused):
		id = "upload_check.files_mismatch"
	default:
		id = "upload_check.files_refused"
	}
	return validate.Msg{ID: id, Data: map[string]any{"Names": strings.Join(names, ", "), "MB": limit >> 20}}
}

// RefusedFiles reports whether a field error of SaveUploads refuses only some files
// (too large, empty, or not what their name says), so the others it returned can be
// kept for the refused form.
func RefusedFiles(m validate.Msg) bool {
	switch m.ID {
	case "error.upload_too_large_file", "error.upload_empty", "mailack.files_refused",
		"qa2_misc.upload_dropped", "qa2_misc.upload_dropped_refused",
		"upload_check.mismatch", "upload_check.program", "upload_check.files_mismatch", "upload_check.files_refused":
		return true
	}
	return false
}

func (e *Env) saveOne(h *multipart.FileHeader, limit int64) (Upload, error) {
	up := Upload{Filename: CleanFilename(h.Filename)}
	src, err := h.Open()
	if err != nil {
		return up, err
	}
	defer src.Close()
	up.Stored, err = e.Files.Put(src, limit)
	return up, err
}

// DeleteUploads removes saved files whose change did not happen.
func (e *Env) DeleteUploads(ups []Upload) {
	for _, u := range ups {
		e.Files.Delete(u.Key)
	}
}

// CleanFilename keeps the base name of a client's file name, without control
// characters, bidirectional formatting characters (which make "x\u202Efdp.exe" show as
// "xexe.pdf") or path parts, at most 200 bytes; an empty name becomes "file".
func CleanFilename(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' || r == '/' || validate.IsBidiControl(r) {
			return -1
		}
		return r
	}, validate.Clean(name))
	for len(name) > 200 {
		name = name[:len(name)-1]
	}
	if name == "" || name == "." || name == ".." {
		return "file"
	}
	return strings.ToValidUTF8(name, "")
}
