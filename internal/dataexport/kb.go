package dataexport

import (
	"context"
	"time"

	"pforte/internal/db"
	"pforte/internal/kb"
	"pforte/internal/ticket"
)

// exportKBVote is one of the contact's answers to "Was this article helpful?".
type exportKBVote struct {
	ArticleID int64     `json:"article_id"`
	Article   string    `json:"article,omitempty"` // its title, while the contact may still read it
	Helpful   bool      `json:"helpful"`
	Comment   string    `json:"comment,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// writeKBFeedback writes the contact's answers under knowledge-base articles, a page
// at a time. Titles are as the contact reads them now in the company they act for.
func writeKBFeedback(ctx context.Context, q db.Querier, s Subject, x *writer) error {
	x.begin("kb_feedback")
	viewer := kb.ContactViewer(s.Viewer, s.Tenant, s.Tr.Lang)
	var after int64
	for {
		page, err := kb.ContactVotes(ctx, q, viewer, s.Contact.ID, after, ticket.ExportBatch)
		if err != nil {
			return err
		}
		for _, c := range page {
			x.item(exportKBVote{c.ArticleID, c.Title, c.Helpful, c.Comment, c.CreatedAt.UTC(), c.UpdatedAt.UTC()})
			after = c.ID
		}
		x.flush()
		if len(page) < ticket.ExportBatch || x.err != nil {
			break
		}
	}
	x.end()
	return x.err
}
