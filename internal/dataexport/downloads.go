package dataexport

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/download"
	"pforte/internal/ticket"
)

type exportDownload struct {
	At       time.Time `json:"at"`
	Company  string    `json:"company"`
	Title    string    `json:"title"`
	FileName string    `json:"file_name"`
	Version  int       `json:"version"`
}

// writeDownloads writes the contact's download log, a page at a time.
func writeDownloads(ctx context.Context, q db.Querier, s Subject, x *writer) error {
	x.begin("downloads")
	var after int64
	for {
		page, err := download.ContactLog(ctx, q, s.Contact.TenantID, s.Contact.ID, after, ticket.ExportBatch)
		if err != nil {
			return err
		}
		for _, d := range page {
			x.item(exportDownload{d.At.UTC(), d.Company, d.Title, d.FileName, d.Version})
			after = d.ID
		}
		x.flush()
		if len(page) < ticket.ExportBatch || x.err != nil {
			break
		}
	}
	x.end()
	return x.err
}
