package dataexport

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/ticket"
)

// exportSubscription is one of the contact's download subscriptions.
type exportSubscription struct {
	Company   string    `json:"company"`
	Kind      string    `json:"kind"` // "folder" or "file"
	ID        int64     `json:"id"`
	Name      string    `json:"name"` // the folder's name or the file's title as it is now
	CreatedAt time.Time `json:"created_at"`
}

// writeSubscriptions writes the contact's download subscriptions in every company, a
// page at a time.
func writeSubscriptions(ctx context.Context, q db.Querier, s Subject, x *writer) error {
	x.begin("download_subscriptions")
	var after int64
	for {
		page, err := download.ContactSubscriptions(ctx, q, s.Contact.TenantID, s.Contact.ID, after, ticket.ExportBatch)
		if err != nil {
			return err
		}
		for _, s := range page {
			kind, id := "folder", s.FolderID
			if s.FileID != 0 {
				kind, id = "file", s.FileID
			}
			x.item(exportSubscription{s.Company, kind, id, s.Name, s.CreatedAt.UTC()})
			after = s.ID
		}
		x.flush()
		if len(page) < ticket.ExportBatch || x.err != nil {
			break
		}
	}
	x.end()
	return x.err
}
