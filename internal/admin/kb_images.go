package admin

import (
	"errors"
	"io"
	"net/http"
	"path"
	"strings"

	"pforte/internal/filestore"
	"pforte/internal/kb"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// maxImageBody bounds the upload request: an oversized image is read past (so the
// answer can be a proper 422), anything beyond this fails as a whole.
const maxImageBody = kb.MaxImageBytes + 1<<20

// kbImageUpload stores an image for the article: PNG, JPEG, GIF or WebP by its content
// (never by its name) that decodes as such, at most kb.MaxImageBytes. Refusals stand next to the field.
// The editor's script (kb-paste.js, a pasted or dropped image) asks for JSON instead
// of the page: see wantsJSON.
func (a *Admin) kbImageUpload(w http.ResponseWriter, r *http.Request, v *visit) {
	art, ok := a.loadKB(w, r, v)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxImageBody)
	up := web.NewForm()
	im, err := a.storeUpload(r, &up)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	script := wantsJSON(r)
	if up.Invalid() {
		if script {
			uploadRefused(w, r, up)
			return
		}
		a.renderKB(w, r, v, &kbEditor{Art: art, Form: kbMetaForm(art), Upload: up}, http.StatusUnprocessableEntity)
		return
	}
	im, err = kb.AddImage(r.Context(), a.env.DB, v.P.TenantID, art.ID, v.Member.ID, im, a.env.Now())
	if err != nil {
		a.env.Files.Delete(im.Key)
		a.env.Fail(w, r, err)
		return
	}
	if script {
		imageAdded(w, im)
		return
	}
	a.env.Flash(w, r, "kb_admin.image_added", "/admin/kb/articles/"+itoa(art.ID)+"#images")
}

// storeUpload reads the multipart body's "image" part into the file store. Problems
// with the file become field errors in up; only server trouble is an error.
func (a *Admin) storeUpload(r *http.Request, up *web.Form) (kb.Image, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		up.Err = "error.form_invalid"
		return kb.Image{}, nil
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			up.Errors.Add("image", "downloads_admin.file_required", nil) // as the download upload says
			return kb.Image{}, nil
		}
		if err != nil {
			up.Err = "error.form_invalid"
			return kb.Image{}, nil
		}
		if part.FormName() != "image" || part.FileName() == "" {
			io.Copy(io.Discard, part)
			continue
		}
		st, err := a.env.Files.Put(part, kb.MaxImageBytes)
		switch {
		case errors.Is(err, filestore.ErrTooLarge):
			io.Copy(io.Discard, part) // read past the rest, so the answer reaches the browser
			up.Errors.Add("image", "kb_admin.error.image_size", map[string]any{"Max": kb.MaxImageBytes >> 20})
			return kb.Image{}, nil
		case errors.Is(err, filestore.ErrEmpty):
			up.Errors.Add("image", "kb_admin.error.image_type", nil)
			return kb.Image{}, nil
		case err != nil:
			return kb.Image{}, err
		}
		if ok, err := a.imageDecodes(st); err != nil || !ok {
			a.env.Files.Delete(st.Key)
			if err != nil {
				return kb.Image{}, err
			}
			up.Errors.Add("image", "kb_admin.error.image_type", nil)
			return kb.Image{}, nil
		}
		return kb.Image{Key: st.Key, Type: st.Type, Size: st.Size, Name: imageName(part.FileName())}, nil
	}
}

// imageDecodes reports whether a stored upload is an allowed image type by its
// content and decodes as that type (a few bytes that merely look like a GIF do not).
func (a *Admin) imageDecodes(st filestore.Stored) (bool, error) {
	if !kb.ImageType(st.Type) {
		return false, nil
	}
	f, err := a.env.Files.Open(st.Key)
	if err != nil {
		return false, err
	}
	defer f.Close()
	return kb.ImageDecodes(f, st.Type), nil
}

// imageName is the file's base name without its extension, cleaned to serve as the
// image's alt text in Markdown (no brackets, which would end it).
func imageName(file string) string {
	name := path.Base(strings.ReplaceAll(validate.Clean(file), `\`, "/"))
	name = strings.TrimSuffix(name, path.Ext(name))
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune("[]()<>\n\r\t", r) {
			return ' '
		}
		return r
	}, name)
	return validate.Truncate(strings.TrimSpace(name), kb.MaxImageName)
}
