package admin

import (
	"regexp"
	"strconv"
)

var (
	// `article:12 printer-setup "Set up the printer"`: deleted, with its title then
	detailArticleDeleted = regexp.MustCompile(`^article:(\d+) (\S+) (".*")$`)
	// "article:12 printer-setup visibility public → companies"
	detailArticleVisibility = regexp.MustCompile(`^article:(\d+) (\S+) visibility (public|customers|companies) → (public|customers|companies)$`)
	// "article:12 old-slug → new-slug"
	detailArticleSlug = regexp.MustCompile(`^article:(\d+) (\S+) → (\S+)$`)
)

// fmtArticleDeleted: a deleted article by the title it had, never a link (a newer
// article may have its number on SQLite).
func fmtArticleDeleted(d *detailCtx, s string) []detailPart {
	m := detailArticleDeleted.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	title, err := strconv.Unquote(m[3])
	if err != nil {
		return nil
	}
	if title == "" {
		title = m[2]
	}
	return d.t("audit_details.article", map[string]any{"Title": title, "ID": m[1]})
}

// fmtArticleVisibility: who could read an article before and after, in the words of
// the article's settings form.
func fmtArticleVisibility(d *detailCtx, s string) []detailPart {
	m := detailArticleVisibility.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	return d.articleChanged(m[1], m[2], "kb_admin.visibility",
		d.w("kb_admin.visibility."+m[3]), d.w("kb_admin.visibility."+m[4]))
}

// fmtArticleSlug: an article's address name before and after.
func fmtArticleSlug(d *detailCtx, s string) []detailPart {
	m := detailArticleSlug.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	return d.articleChanged(m[1], m[3], "kb_admin.field.slug", m[2], m[3])
}

// articleChanged is "Article “Title” (#12) – field: from → to", the article linked
// by its title now when it is still the one the entry meant.
func (d *detailCtx) articleChanged(id, slug, field, from, to string) []detailPart {
	art := d.t("audit_details.article", map[string]any{"Title": d.link("article", id, slug, true), "ID": id})
	return d.t("audit_ids.changed", map[string]any{"Article": art, "Field": d.w(field), "From": from, "To": to})
}
