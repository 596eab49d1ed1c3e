package admin

import (
	"context"

	"pforte/internal/download"
)

// maxSubscribersShown bounds the names an admin sees under a folder or file; the count
// above them is complete.
const maxSubscribersShown = 100

// subscriberInfo is what a folder's or file's page says of the contacts who asked to
// hear of new files or versions: how many, and — for admins only — who, with the
// company each subscribed for.
type subscriberInfo struct {
	Count int
	List  []download.Subscriber
	More  bool // the list stops at maxSubscribersShown
}

// subscribers reads the subscriber info of the tenant's target; names only for admins.
// A file's are everyone a new version of it would be sent to — its subscribers and
// those of the folders it is in, counted as the notices go out — not only those who
// subscribed to the file itself.
func (a *Admin) subscribers(ctx context.Context, v *visit, t download.Target) (subscriberInfo, error) {
	var si subscriberInfo
	var err error
	if t.FileID != 0 {
		si.Count, err = download.VersionRecipientCount(ctx, a.env.DB, v.P.TenantID, t.FileID)
	} else {
		si.Count, err = download.SubscriberCount(ctx, a.env.DB, v.P.TenantID, t)
	}
	if err != nil || si.Count == 0 {
		return si, err
	}
	if v.Member.IsAdmin() {
		if t.FileID != 0 {
			si.List, err = download.VersionRecipients(ctx, a.env.DB, v.P.TenantID, t.FileID, maxSubscribersShown)
		} else {
			si.List, err = download.Subscribers(ctx, a.env.DB, v.P.TenantID, t, maxSubscribersShown)
		}
		if err != nil {
			return si, err
		}
		si.More = si.Count > len(si.List)
	}
	return si, nil
}
