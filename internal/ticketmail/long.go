package ticketmail

import (
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/inbound"
	"pforte/internal/inbox"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/validate"
)

// fit makes body fit a ticket message (maxBody). A longer body is cut, at a line end
// where one is near, and ends with a note in the tenant's language that says so; the
// note names the file with the whole text, which is then returned to attach to the
// message (full: the mail's text as stored on arrival, nil when there is none), so
// neither staff nor the customer lose the rest of a pasted log.
func fit(t tenant.Tenant, body string, full *ticket.Upload) (string, []ticket.Upload) {
	if len(body) <= maxBody {
		return body, nil
	}
	l := i18n.For(t.DefaultLanguage)
	data := map[string]any{"Limit": l.Number(maxBody)}
	id := "ticketmail.shortened_no_file"
	var files []ticket.Upload
	if full != nil {
		f := *full
		f.Filename = l.T("ticketmail.full_text_file")
		data["File"], id, files = f.Filename, "ticketmail.shortened", []ticket.Upload{f}
	}
	note := l.T(id, data)
	cut := validate.Truncate(body, maxBody-len(note)-len("\n…\n\n"))
	if nl := strings.LastIndexByte(cut, '\n'); nl > len(cut)*3/4 {
		cut = cut[:nl] // a whole last line rather than half of one
	}
	return strings.TrimRight(cut, " \t\n") + "\n…\n\n" + note, files
}

// fullText is a delivery's whole text as an upload, nil when it was short enough.
func fullText(d inbound.Delivery) *ticket.Upload {
	if d.FullText.Key == "" {
		return nil
	}
	up := ticket.Upload{Filename: d.FullText.Name}
	up.Key, up.Size, up.Type = d.FullText.Key, d.FullText.Size, d.FullText.Type
	return &up
}

// payloadFullText is an inbox mail's whole text as an upload, nil when it has none
// (short, or kept before mail items held it).
func payloadFullText(p inbox.MailPayload) *ticket.Upload {
	if p.FullText == nil || p.FullText.Key == "" {
		return nil
	}
	up := ticket.Upload{Filename: p.FullText.Name}
	up.Key, up.Size, up.Type = p.FullText.Key, p.FullText.Size, p.FullText.Type
	return &up
}
