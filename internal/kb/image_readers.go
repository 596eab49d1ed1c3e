package kb

import (
	"context"
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"pforte/internal/db"
)

// HiddenImage is an image an article's text shows that the article's readers will not
// see: it does not exist, or it belongs to another article they may not read (the
// portal serves an image only to readers of its own article).
type HiddenImage struct {
	Ref       string // the address in the text, e.g. "/kb/images/2"
	ArticleID int64  // the article the image belongs to; 0: there is no such image
}

// HiddenImages lists the images of art's texts, in order of appearance, that readers
// of art cannot load. Readers are judged by art's visibility (and chosen companies),
// whether or not it is published yet, so staff learn of it before publishing.
func HiddenImages(ctx context.Context, q db.Querier, art Article) ([]HiddenImage, error) {
	seen := map[int64]bool{}
	var out []HiddenImage
	for _, t := range art.Translations {
		for _, id := range imageRefs(t.Body) {
			if seen[id] {
				continue
			}
			seen[id] = true
			owner, ok, err := imageReadable(ctx, q, art, id)
			if err != nil {
				return nil, err
			}
			if !ok {
				out = append(out, HiddenImage{Ref: ImagePath + strconv.FormatInt(id, 10), ArticleID: owner})
			}
		}
	}
	return out, nil
}

// imageRefs lists the ids of the portal images a Markdown text shows, as the renderer
// reads them: a reference inside a code block or a link is no image.
func imageRefs(md string) []int64 {
	doc := portalMD.Parser().Parse(text.NewReader([]byte(md)))
	var ids []int64
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if sub := localImage.FindSubmatch(img.Destination); sub != nil {
			if id, err := strconv.ParseInt(string(sub[1]), 10, 64); err == nil {
				ids = append(ids, id)
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return ids
}

// imageReadable reports whether every reader of art may load image id, and which
// article the image belongs to (0: none of the tenant's). An image of art itself is
// always fine; one of another article only when that article is published for at
// least everyone who reads art.
func imageReadable(ctx context.Context, q db.Querier, art Article, id int64) (int64, bool, error) {
	var owner int64
	var status, vis string
	err := db.One(q.QueryRow(ctx, `SELECT a.id, a.status, a.visibility FROM kb_images i
		JOIN kb_articles a ON a.id = i.article_id AND a.tenant_id = i.tenant_id
		WHERE i.tenant_id = ? AND i.id = ?`, art.TenantID, id).Scan(&owner, &status, &vis))
	switch {
	case err == db.ErrNotFound:
		return 0, false, nil
	case err != nil:
		return 0, false, fmt.Errorf("kb: image readers: %w", err)
	case owner == art.ID:
		return owner, true, nil
	case status != StatusPublished:
		return owner, false, nil
	}
	switch art.Visibility {
	case VisibilityPublic:
		return owner, vis == VisibilityPublic, nil
	case VisibilityCustomers:
		return owner, vis == VisibilityPublic || vis == VisibilityCustomers, nil
	}
	if vis != VisibilityCompanies {
		return owner, true, nil
	}
	// Both for chosen companies: every company of art must be one of the owner's.
	var missing int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM kb_article_companies ac WHERE ac.tenant_id = ? AND ac.article_id = ?
		AND NOT EXISTS (SELECT 1 FROM kb_article_companies oc WHERE oc.article_id = ? AND oc.company_id = ac.company_id)`,
		art.TenantID, art.ID, owner).Scan(&missing); err != nil {
		return 0, false, fmt.Errorf("kb: image readers: %w", err)
	}
	return owner, missing == 0, nil
}
