package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/validate"
)

// MaxFormBytes bounds a form body; anything larger is refused before parsing.
const MaxFormBytes = 64 << 10

// Form is a submitted (or prefilled) form with its field errors, so a page can show every
// error next to its field and keep what was typed.
type Form struct {
	Values url.Values
	Errors validate.Errors
	Err    string // message id of a form-wide error (shown above the form)
	// ErrData fills in Err's message (a limit, a name); nil for most errors.
	ErrData map[string]any
	// Unsaved is text the person typed into a form that Err explains is no longer
	// offered (the page shown again has no field to keep it in); FormError shows it
	// beside the message to copy.
	Unsaved string
}

// NewForm returns an empty form.
func NewForm() Form { return Form{Values: url.Values{}, Errors: validate.Errors{}} }

// ParseForm reads a bounded POST body. A body that is too large or malformed yields a
// form-wide error instead of a 500.
func ParseForm(w http.ResponseWriter, r *http.Request) Form {
	return ParseFormUpTo(w, r, MaxFormBytes)
}

// ParseFormUpTo is ParseForm for the few forms that may be longer than MaxFormBytes
// (a knowledge-base article).
func ParseFormUpTo(w http.ResponseWriter, r *http.Request, limit int64) Form {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	f := NewForm()
	if err := r.ParseForm(); err != nil {
		f.Err = "error.form_invalid"
		return f
	}
	// Text that is not UTF-8 or holds NUL bytes cannot be stored (PostgreSQL refuses it);
	// such a form is refused as a whole instead of failing later with a 500.
	for _, vs := range r.PostForm {
		for _, v := range vs {
			if !validate.Usable(v) {
				f.Err = "error.form_invalid"
				return f
			}
		}
	}
	f.Values = r.PostForm
	return f
}

// Get returns a field's trimmed value.
func (f Form) Get(name string) string {
	return strings.TrimSpace(validate.StripOverrides(f.Values.Get(name)))
}

// Raw returns a field's value untrimmed (passwords).
func (f Form) Raw(name string) string { return f.Values.Get(name) }

// Set prefills a field.
func (f Form) Set(name, v string) { f.Values.Set(name, v) }

// Error returns the translated error for a field, or "".
func (f Form) Error(ctx context.Context, name string) string {
	m, ok := f.Errors[name]
	if !ok {
		return ""
	}
	return i18n.T(ctx, m.ID, m.Data)
}

// ErrText is the translated form-wide error, or "".
func (f Form) ErrText(ctx context.Context) string {
	switch {
	case f.Err == "":
		return ""
	case f.ErrData == nil:
		return i18n.T(ctx, f.Err)
	}
	return i18n.T(ctx, f.Err, f.ErrData)
}

// Take adopts field errors returned by domain code and reports whether err was one;
// other errors are left for the caller.
func (f *Form) Take(err error) bool {
	var ve validate.Errors
	if errors.As(err, &ve) {
		for k, v := range ve {
			f.Errors[k] = v
		}
		return true
	}
	return false
}

// Invalid reports whether the form has any error.
func (f Form) Invalid() bool { return f.Err != "" || f.Errors.Any() }

// fieldID is the element id of a field's part (kind "f-" for the control, "e-" for its
// error) in form, which may be empty when the page has one form with that field.
func fieldID(kind, form, name string) string {
	if form == "" {
		return kind + name
	}
	return kind + form + "-" + name
}
