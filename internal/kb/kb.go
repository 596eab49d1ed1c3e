// Package kb is the knowledge base: categories and articles that answer frequent
// questions. An article has one translation per language (title and Markdown body) and
// is a draft or published; a published article is visible to everyone (public, without
// login), to every customer, or to chosen companies. Readers get the translation in
// their language, else in the tenant's default language, else any. Search runs on FTS5
// (SQLite) or a tsvector (PostgreSQL) over words split the same way for both engines.
package kb

import (
	"time"
)

// Article states.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
)

// Statuses lists the states in display order.
var Statuses = []string{StatusDraft, StatusPublished}

// Who may read a published article.
const (
	VisibilityPublic    = "public"    // everyone, also without login
	VisibilityCustomers = "customers" // every logged-in contact
	VisibilityCompanies = "companies" // contacts acting for one of the chosen companies
)

// Visibilities lists the visibility choices in display order.
var Visibilities = []string{VisibilityPublic, VisibilityCustomers, VisibilityCompanies}

// Limits of what staff type in.
const (
	MaxTitle        = 200
	MaxBody         = 50000
	MaxSlug         = 120
	MaxCategoryName = 100
	MaxImageBytes   = 2 << 20
	MaxImageName    = 200
	MaxSearch       = 200 // characters of a search query; the rest is ignored
)

// ImageTypes are the image types an upload may have, sniffed from its content. Raster
// images only: an SVG can carry script.
var ImageTypes = []string{"image/png", "image/jpeg", "image/gif", "image/webp"}

// Category groups articles.
type Category struct {
	ID       int64
	TenantID int64
	Name     string
	Position int
	Articles int // visible articles (portal) or all articles (back office)
}

// Translation is an article's text in one language.
type Translation struct {
	ID        int64
	Language  string
	Title     string
	Body      string // Markdown
	UpdatedAt time.Time
}

// Article is the back office's view of an article with all its translations.
type Article struct {
	ID           int64
	TenantID     int64
	CategoryID   int64 // 0: none
	CategoryName string
	Slug         string
	Status       string
	Visibility   string
	AuthorID     int64
	AuthorName   string
	Views        int64
	PublishedAt  time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Translations []Translation
}

// Title is the article's title in lang, else in fallback, else in any language.
func (a Article) Title(lang, fallback string) string {
	if t, ok := a.Translation(lang, fallback); ok {
		return t.Title
	}
	return a.Slug
}

// Translation picks the translation for lang, else fallback, else the first.
func (a Article) Translation(lang, fallback string) (Translation, bool) {
	for _, want := range []string{lang, fallback} {
		for _, t := range a.Translations {
			if t.Language == want {
				return t, true
			}
		}
	}
	if len(a.Translations) > 0 {
		return a.Translations[0], true
	}
	return Translation{}, false
}

// Languages lists the languages the article is written in.
func (a Article) Languages() []string {
	out := make([]string, 0, len(a.Translations))
	for _, t := range a.Translations {
		out = append(out, t.Language)
	}
	return out
}
