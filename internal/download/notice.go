package download

import (
	"context"
	"fmt"
	"time"

	"pforte/internal/db"
)

// NoticeWindow is how long a contact's notices wait for more: every new notice moves
// the pending ones of that contact and company to now+NoticeWindow, so a batch of
// uploads goes out as one digest once staff stopped for that long.
const NoticeWindow = 10 * time.Minute

// NoticeMaxWait bounds that moving on: a digest goes out at the latest this long after
// its oldest notice, so staff uploading a file every few minutes all afternoon do not
// keep subscribers waiting until they stop.
const NoticeMaxWait = time.Hour

// QueueNotices writes a pending notice of version v of file f for every subscriber
// who may see it (see recipients): the subscribers of its folder and of the folders
// above it, and for a new version (not the first) also those of the file. Pass the
// transaction that stored the version.
// It returns how many contacts (per company) were newly noticed.
func QueueNotices(ctx context.Context, q db.Querier, tenantID, fileID, versionID int64, now time.Time) (int, error) {
	f, err := Get(ctx, q, tenantID, fileID)
	if err != nil {
		return 0, err
	}
	var v Version
	if v, err = GetVersion(ctx, q, tenantID, versionID); err != nil {
		return 0, err
	}
	from, args, ok, err := recipients(ctx, q, tenantID, f, v.Number > 1)
	if err != nil || !ok {
		return 0, err
	}
	due, maxWait := now.Add(NoticeWindow).Unix(), int64(NoticeMaxWait/time.Second)
	// DISTINCT: a contact subscribing to a folder and to one above it is told once. The
	// casts type the selected parameters for PostgreSQL.
	res, err := q.Exec(ctx, `INSERT INTO download_notices (tenant_id, contact_id, company_id, file_id, version_id,
		due_at, created_at)
		SELECT DISTINCT s.tenant_id, s.contact_id, s.company_id, f.id, CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT)`+
		from+` ON CONFLICT DO NOTHING`, append([]any{versionID, due, now.Unix()}, args...)...)
	if err != nil {
		return 0, fmt.Errorf("download: queue notices of %d: %w", fileID, err)
	}
	n, _ := res.RowsAffected()
	if n == 0 {
		return 0, nil
	}
	// The window starts again for everyone just noticed (their earlier notices wait too),
	// but ends no later than NoticeMaxWait after their oldest pending notice.
	if _, err := q.Exec(ctx, `UPDATE download_notices SET due_at = (SELECT CASE WHEN MIN(o.created_at) + ? < ?
			THEN MIN(o.created_at) + ? ELSE ? END FROM download_notices o WHERE o.tenant_id = download_notices.tenant_id
			AND o.contact_id = download_notices.contact_id AND o.company_id = download_notices.company_id)
		WHERE tenant_id = ? AND (contact_id, company_id) IN
		(SELECT contact_id, company_id FROM download_notices WHERE version_id = ?)`,
		maxWait, due, maxWait, due, tenantID, versionID); err != nil {
		return 0, fmt.Errorf("download: queue notices of %d: %w", fileID, err)
	}
	return int(n), nil
}
