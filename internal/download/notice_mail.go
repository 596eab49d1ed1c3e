package download

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/outbox"
	"pforte/internal/tenant"
)

// NoticeMail is the key of the digest mail (mailtmpl registers it).
const NoticeMail = "mail.download_notice"

// SettingsPath is where a contact manages their mails and download subscriptions.
const SettingsPath = "/settings/notifications"

// noticeItem is a file of a digest with the newest of its new versions.
type noticeItem struct {
	fileID  int64
	title   string
	number  int
	name    string
	version int64
}

// mailDigest claims the contact's due notices and, if anything is left to tell,
// queues one mail listing the new files and versions; sent is false when there was
// nothing (taken by another pass, or nothing the contact may see any more).
func mailDigest(ctx context.Context, tx db.Querier, ten tenant.Tenant, origin string, g dueDigest, now time.Time) (bool, error) {
	versions, err := claimNotices(ctx, tx, g, now)
	if err != nil || len(versions) == 0 || !ten.HasModule(Module) {
		return false, err
	}
	var email, first, name, lang, company string
	err = tx.QueryRow(ctx, `SELECT c.email, c.first_name, TRIM(c.first_name || ' ' || c.last_name), c.language, co.name
		FROM contacts c JOIN memberships m ON m.contact_id = c.id AND m.company_id = ? AND m.access = 'active'
		JOIN companies co ON co.id = m.company_id AND co.archived_at IS NULL
		WHERE c.tenant_id = ? AND c.id = ? AND c.email <> '' AND c.email NOT LIKE '%@deleted.invalid'`,
		g.companyID, g.tenantID, g.contactID).Scan(&email, &first, &name, &lang, &company)
	if err = db.One(err); err == db.ErrNotFound {
		return false, nil // access revoked, company archived or account deleted meanwhile: the notices go unsent
	} else if err != nil {
		return false, fmt.Errorf("download: notice recipient: %w", err)
	}
	items, err := noticeItems(ctx, tx, g, versions)
	if err != nil || len(items) == 0 {
		return false, err
	}
	if lang == "" {
		lang = ten.DefaultLanguage
	}
	tr := i18n.For(lang)
	l := outbox.Letter{To: email, Lang: lang, Key: NoticeMail, Sender: ten.Name,
		ActionURL: origin + "/downloads",
		Footer:    outbox.Line{Text: tr.T("download_notify.mail_footer"), URL: origin + SettingsPath}}
	titles := make([]string, 0, len(items))
	for _, it := range items {
		key := "download_notify.item_new"
		if it.number > 1 {
			key = "download_notify.item_version"
		}
		text := tr.T(key, map[string]any{"Title": it.title, "Version": it.number, "Name": it.name})
		l.List = append(l.List, outbox.Line{Text: text, URL: origin + "/downloads/files/" + strconv.FormatInt(it.fileID, 10)})
		titles = append(titles, it.title)
	}
	if len(items) == 1 {
		l.ActionURL = l.List[0].URL
	}
	l.Data = map[string]any{"FirstName": first, "Name": name, "Portal": ten.Name, "Company": company,
		"Count": len(items), "Files": strings.Join(titles, ", "), "Link": l.ActionURL}
	msg, err := l.RenderFor(ctx, tx, g.tenantID)
	if err != nil {
		return false, err
	}
	if _, err := outbox.Queue(ctx, tx, g.tenantID, msg, now); err != nil {
		return false, err
	}
	return true, nil
}

// noticeItems reads the claimed versions whose files the company may still see, one
// item per file with its newest new version, by title.
func noticeItems(ctx context.Context, tx db.Querier, g dueDigest, versions []int64) ([]noticeItem, error) {
	args := []any{g.tenantID, g.companyID}
	for _, v := range versions {
		args = append(args, v)
	}
	rows, err := tx.Query(ctx, `SELECT f.id, f.title, v.number, v.original_name, v.id
		FROM download_versions v JOIN download_files f ON f.id = v.file_id
		WHERE `+visibleTo+` AND v.id IN (`+db.Marks(len(versions))+`) ORDER BY f.title, f.id, v.number DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("download: notice items: %w", err)
	}
	defer rows.Close()
	var out []noticeItem
	for rows.Next() {
		var it noticeItem
		if err := rows.Scan(&it.fileID, &it.title, &it.number, &it.name, &it.version); err != nil {
			return nil, fmt.Errorf("download: notice items: %w", err)
		}
		if n := len(out); n > 0 && out[n-1].fileID == it.fileID {
			continue // an older new version of the same file: the newest stands for both
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
