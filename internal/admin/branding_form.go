package admin

import (
	"errors"
	"io"
	"net/http"

	"pforte/internal/tenant"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// Bounds of the branding form. The body may be much larger than a logo may be, so an
// oversized logo is read past and reported next to its field while the texts typed
// beside it are kept; only a body beyond maxBrandingBody fails as a whole.
const (
	maxBrandingBody  = 8 << 20
	maxBrandingField = 16 << 10
)

// brandingUpload is a submitted branding form: its text fields and the logo file, if
// one was chosen.
type brandingUpload struct {
	web.Form
	Logo       []byte
	LogoChosen bool // a file was chosen (even an empty or refused one)
}

// parseBrandingForm reads the multipart branding form part by part, so no file lands on
// disk and no part is held in memory beyond its limit.
func parseBrandingForm(w http.ResponseWriter, r *http.Request) brandingUpload {
	r.Body = http.MaxBytesReader(w, r.Body, maxBrandingBody)
	u := brandingUpload{Form: web.NewForm()}
	mr, err := r.MultipartReader()
	if err != nil {
		u.Err = "error.form_invalid"
		return u
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return u
		}
		if err != nil {
			u.Err = "error.form_invalid"
			return u
		}
		name := part.FormName()
		if name == "logo" {
			if part.FileName() == "" {
				io.Copy(io.Discard, part)
				continue
			}
			u.LogoChosen = true
			u.Logo, err = io.ReadAll(io.LimitReader(part, tenant.MaxLogoBytes+1))
			if err == nil && len(u.Logo) > tenant.MaxLogoBytes {
				_, err = io.Copy(io.Discard, part) // read past the rest, keep the texts after it
			}
			if err != nil {
				u.Err = "error.form_invalid"
				return u
			}
			continue
		}
		b, err := io.ReadAll(io.LimitReader(part, maxBrandingField+1))
		if err != nil || len(b) > maxBrandingField || !validate.Usable(string(b)) {
			u.Err = "error.form_invalid"
			return u
		}
		u.Values.Add(name, string(b))
	}
}
