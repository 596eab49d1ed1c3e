package admin

import (
	"io"
	"net/http"

	"pforte/internal/kb"

	"pforte/internal/web"
)

// kbRoutes are the back office's knowledge base pages. Agents and admins both write
// articles; publishing is in the audit log.
func (a *Admin) kbRoutes() []web.Route {
	return []web.Route{
		{Pattern: "GET /admin/kb", Handler: a.staff(a.kbList)},
		{Pattern: "GET /admin/kb/new", Handler: a.staff(a.kbNew)},
		{Pattern: "POST /admin/kb", Handler: a.staff(a.kbCreate)},
		{Pattern: "POST /admin/kb/preview", Handler: a.staff(a.kbPreview)},
		{Pattern: "GET /admin/kb/companies", Handler: a.staff(a.kbCompanySearch)},
		{Pattern: "GET /admin/kb/articles/{id}", Handler: a.staff(a.kbShow)},
		{Pattern: "POST /admin/kb/articles/{id}", Handler: a.staff(a.kbUpdate)},
		{Pattern: "GET /admin/kb/articles/{id}/view", Handler: a.staff(a.kbView)},
		{Pattern: "POST /admin/kb/articles/{id}/delete", Handler: a.staff(a.kbDelete)},
		{Pattern: "POST /admin/kb/articles/{id}/feedback/reset", Handler: a.staff(a.kbFeedbackReset)},
		{Pattern: "GET /admin/kb/articles/{id}/translations/{lang}", Handler: a.staff(a.kbTranslationForm)},
		{Pattern: "POST /admin/kb/articles/{id}/translations/{lang}", Handler: a.staff(a.kbTranslationSave)},
		{Pattern: "POST /admin/kb/articles/{id}/translations/{lang}/delete", Handler: a.staff(a.kbTranslationDelete)},
		{Pattern: "POST /admin/kb/articles/{id}/images", Handler: a.staff(a.kbImageUpload)},
		{Pattern: "GET /admin/kb/images/{id}", Handler: a.staff(a.kbImage)},
		{Pattern: "POST /admin/kb/images/{id}/delete", Handler: a.staff(a.kbImageDelete)},
		{Pattern: "GET /admin/kb/categories", Handler: a.staff(a.kbCategories)},
		{Pattern: "POST /admin/kb/categories", Handler: a.staff(a.kbCategoryCreate)},
		{Pattern: "POST /admin/kb/categories/{id}", Handler: a.staff(a.kbCategoryUpdate)},
		{Pattern: "POST /admin/kb/categories/{id}/delete", Handler: a.staff(a.kbCategoryDelete)},
		{Pattern: "GET /admin/kb/categories/{id}/names", Handler: a.staff(a.kbCategoryNames)},
		{Pattern: "POST /admin/kb/categories/{id}/names", Handler: a.staff(a.kbCategoryNamesSave)},
	}
}

// maxArticleForm bounds an article form. Browsers send form fields percent-encoded, so
// a character of four bytes ("😀") arrives as twelve: the longest valid title and body
// take (kb.MaxTitle+kb.MaxBody)*12 bytes. Twice that, with room for the other fields,
// lets a text somewhat over the limit still arrive, so it comes back with the field's
// "too long" message and nothing typed is lost.
const maxArticleForm = 2*(kb.MaxTitle+kb.MaxBody)*12 + 64<<10

// parseArticleForm reads a POST body like web.ParseForm, with room for a long article.
// A body over even that bound cannot be read at all: the message then says the text is
// far too long instead of asking to reload the page, which would lose it for good.
func parseArticleForm(w http.ResponseWriter, r *http.Request) web.Form {
	c := &countingBody{ReadCloser: r.Body}
	r.Body = c
	f := web.ParseFormUpTo(w, r, maxArticleForm)
	if f.Err != "" && c.n > maxArticleForm {
		f.Err = "dl_fixes.article_too_large"
		f.ErrData = map[string]any{"Max": kb.MaxBody}
	}
	return f
}

// countingBody counts the bytes read from a request body, to tell a body over the
// bound from a broken one.
type countingBody struct {
	io.ReadCloser
	n int64
}

func (c *countingBody) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	c.n += int64(n)
	return n, err
}
