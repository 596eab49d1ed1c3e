package kb

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"pforte/internal/db"
)

// Image is a picture uploaded for an article. The file lives in the file store under
// Key; Markdown refers to it by Ref.
type Image struct {
	ID        int64
	ArticleID int64
	Key       string
	Type      string
	Size      int64
	Name      string
	CreatedAt time.Time
}

// Ref is the address Markdown uses for the image.
func (im Image) Ref() string { return ImagePath + strconv.FormatInt(im.ID, 10) }

// Markdown is the snippet staff paste into an article to show the image.
func (im Image) Markdown() string { return "![" + im.Name + "](" + im.Ref() + ")" }

// ImageType reports whether a sniffed content type may be stored as an article image.
func ImageType(ct string) bool { return slices.Contains(ImageTypes, ct) }

// AddImage records a stored image file for an article of the tenant.
func AddImage(ctx context.Context, q db.Querier, tenantID, articleID, staffID int64, im Image, now time.Time) (Image, error) {
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM kb_articles WHERE tenant_id = ? AND id = ?`, tenantID, articleID).Scan(&n); err != nil {
		return im, fmt.Errorf("kb: add image: %w", err)
	}
	if n == 0 {
		return im, db.ErrNotFound
	}
	id, err := db.Insert(ctx, q, `INSERT INTO kb_images (tenant_id, article_id, file_key, content_type, size, name,
		staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, tenantID, articleID, im.Key, im.Type, im.Size, im.Name,
		nullID(staffID), now.Unix())
	if err != nil {
		return im, fmt.Errorf("kb: add image: %w", err)
	}
	im.ID, im.ArticleID, im.CreatedAt = id, articleID, now
	return im, nil
}

const imageColumns = `i.id, i.article_id, i.file_key, i.content_type, i.size, i.name, i.created_at`

func scanImage(row interface{ Scan(...any) error }) (Image, error) {
	var im Image
	var at int64
	err := row.Scan(&im.ID, &im.ArticleID, &im.Key, &im.Type, &im.Size, &im.Name, &at)
	im.CreatedAt = time.Unix(at, 0)
	return im, db.One(err)
}

// Images lists an article's images, oldest first.
func Images(ctx context.Context, q db.Querier, tenantID, articleID int64) ([]Image, error) {
	rows, err := q.Query(ctx, `SELECT `+imageColumns+` FROM kb_images i WHERE i.tenant_id = ? AND i.article_id = ?
		ORDER BY i.id`, tenantID, articleID)
	if err != nil {
		return nil, fmt.Errorf("kb: images: %w", err)
	}
	defer rows.Close()
	var out []Image
	for rows.Next() {
		im, err := scanImage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, rows.Err()
}

// GetImage loads an image of the tenant (back office: drafts too).
func GetImage(ctx context.Context, q db.Querier, tenantID, id int64) (Image, error) {
	return scanImage(q.QueryRow(ctx, `SELECT `+imageColumns+` FROM kb_images i WHERE i.tenant_id = ? AND i.id = ?`,
		tenantID, id))
}

// VisibleImage loads an image only if the viewer may read its article; otherwise it is
// db.ErrNotFound, as for an image that does not exist.
func VisibleImage(ctx context.Context, q db.Querier, v Viewer, id int64) (Image, error) {
	cond, args := v.visible()
	return scanImage(q.QueryRow(ctx, `SELECT `+imageColumns+` FROM kb_images i JOIN kb_articles a ON a.id = i.article_id
		WHERE i.id = ? AND i.tenant_id = ? AND `+cond, append([]any{id, v.TenantID}, args...)...))
}

// DeleteImage removes an image record of the tenant and returns it, so the caller can
// remove the file after commit.
func DeleteImage(ctx context.Context, q db.Querier, tenantID, id int64) (Image, error) {
	im, err := GetImage(ctx, q, tenantID, id)
	if err != nil {
		return im, err
	}
	if _, err := q.Exec(ctx, `DELETE FROM kb_images WHERE tenant_id = ? AND id = ?`, tenantID, id); err != nil {
		return im, fmt.Errorf("kb: delete image: %w", err)
	}
	return im, nil
}
