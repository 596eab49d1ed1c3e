package portal

import (
	"net/http"
	"time"

	"pforte/internal/i18n"
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

// exportKBFeedback writes the contact's answers under knowledge-base articles, a page
// at a time. Titles are as the contact reads them now in the company they act for.
func (p *Portal) exportKBFeedback(r *http.Request, v *visit, x *exportWriter) error {
	x.begin("kb_feedback")
	viewer := kb.ContactViewer(v.P, v.Tenant, i18n.From(r.Context()).Lang)
	var after int64
	for {
		page, err := kb.ContactVotes(r.Context(), p.env.DB, viewer, v.P.ContactID, after, ticket.ExportBatch)
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
