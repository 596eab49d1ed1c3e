package portal

import (
	"context"
	"io"

	"github.com/a-h/templ"

	"pforte/internal/i18n"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketRows writes the rows of the ticket list: number, title (with the mark of its
// news, ticket_news.go), status, priority, who opened it, last activity. It is Go
// rather than templ for speed (see web.HTML): the rows were 140 µs of a 155 µs page,
// now they are a fraction of it. Labels that repeat on every row (the column names for
// narrow screens, status and priority names) are looked up once per page.
func ticketRows(rows []ticket.Ticket) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		col := func(key string) string { return templ.EscapeString(i18n.T(ctx, "tickets.col."+key)) }
		number, status, priority, opened, updated := col("number"), col("status"), col("priority"), col("opened_by"), col("updated")
		statuses := map[int64]string{}
		var priorities [ticket.PriorityUrgent + 1]string
		h := web.NewHTML(w)
		for _, t := range rows {
			id := itoa(t.ID)
			// The number never breaks ("#6" over "8"): a subject of one long word took
			// the row's width and squeezed it. The subject breaks anywhere instead (.subject).
			h.Raw(`<tr><td class="nowrap" data-label="`, number, `">#`, id, `</td><td class="subject card-title"><a dir="auto" href="`, ticketURL(t.ID, ""), `">`)
			h.Text(t.Title)
			h.Raw(`</a>`)
			newsMark(h, id, newsOf(t))
			if t.Match != "" { // escaped, with <mark>s (ticket.Ticket.Match)
				h.Raw(`<p class="match" dir="auto">`, string(t.Match), `</p>`)
			}
			h.Raw(`</td><td data-label="`, status, `"><span class="badge status-`)
			h.Text(t.Status.Kind)
			h.Raw(`">`)
			label, ok := statuses[t.Status.ID]
			if !ok {
				label = templ.EscapeString(statusLabel(ctx, t.Status))
				statuses[t.Status.ID] = label
			}
			p := ticket.PriorityName(t.Priority)
			pi := min(max(t.Priority, 0), ticket.PriorityUrgent)
			if priorities[pi] == "" {
				priorities[pi] = templ.EscapeString(i18n.T(ctx, "ticket.priority."+p))
			}
			h.Raw(label, `</span></td><td data-label="`, priority, `"><span class="prio prio-`, p, `">`, priorities[pi],
				`</span></td><td data-label="`, opened, `">`)
			h.Text(dash(t.ContactName))
			h.Raw(`</td><td data-label="`, updated, `"><time datetime="`, web.Machine(t.UpdatedAt), `">`)
			h.Text(web.When(ctx, t.UpdatedAt))
			h.Raw(`</time></td></tr>`)
		}
		return h.Err()
	})
}
