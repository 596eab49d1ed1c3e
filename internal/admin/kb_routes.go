package admin

import (
	"net/http"

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
		{Pattern: "GET /admin/kb/articles/{id}", Handler: a.staff(a.kbShow)},
		{Pattern: "POST /admin/kb/articles/{id}", Handler: a.staff(a.kbUpdate)},
		{Pattern: "GET /admin/kb/articles/{id}/view", Handler: a.staff(a.kbView)},
		{Pattern: "POST /admin/kb/articles/{id}/delete", Handler: a.staff(a.kbDelete)},
		{Pattern: "POST /admin/kb/articles/{id}/feedback/reset", Handler: a.staff(a.kbFeedbackReset)},
		{Pattern: "GET /admin/kb/articles/{id}/translations/{lang}", Handler: a.staff(a.kbTranslationForm)},
		{Pattern: "POST /admin/kb/articles/{id}/translations/{lang}", Handler: a.staff(a.kbTranslationSave)},
		{Pattern: "POST /admin/kb/articles/{id}/translations/{lang}/delete", Handler: a.staff(a.kbTranslationDelete)},
		{Pattern: "POST /admin/kb/articles/{id}/companies", Handler: a.staff(a.kbCompanyAdd)},
		{Pattern: "POST /admin/kb/articles/{id}/companies/{company}/remove", Handler: a.staff(a.kbCompanyRemove)},
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

// maxArticleForm bounds an article form: the body may be far longer than the 64 KB of
// an ordinary form (50,000 characters of up to four bytes, plus the other fields).
const maxArticleForm = 512 << 10

// parseArticleForm reads a POST body like web.ParseForm, with room for a long article.
func parseArticleForm(w http.ResponseWriter, r *http.Request) web.Form {
	return web.ParseFormUpTo(w, r, maxArticleForm)
}
