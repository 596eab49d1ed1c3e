package portal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"pforte/internal/contact"
	"pforte/internal/download"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/ticket"
)

// exportWriter writes the export's JSON object field by field, so its long lists go
// out as they are read. The first error sticks and stops all further writing.
type exportWriter struct {
	w     *bufio.Writer
	err   error
	comma bool         // a field (or, inside a list, an item) was written before
	buf   bytes.Buffer // one value at a time, reused
}

func newExportWriter(w io.Writer) *exportWriter {
	x := &exportWriter{w: bufio.NewWriterSize(w, 32<<10)}
	x.raw("{")
	return x
}

func (x *exportWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// value writes v indented to sit at depth (in steps of two spaces).
func (x *exportWriter) value(v any, depth int) {
	if x.err != nil {
		return
	}
	x.buf.Reset()
	enc := json.NewEncoder(&x.buf)
	enc.SetEscapeHTML(false) // a file, not a page: "Weber & Partner" stays readable
	enc.SetIndent(indent(depth), "  ")
	if x.err = enc.Encode(v); x.err == nil {
		_, x.err = x.w.Write(bytes.TrimSuffix(x.buf.Bytes(), []byte("\n")))
	}
}

func indent(depth int) string {
	return "                "[:2*depth]
}

func (x *exportWriter) sep(depth int) {
	if x.comma {
		x.raw(",")
	}
	x.raw("\n" + indent(depth))
	x.comma = true
}

// field writes one top-level field.
func (x *exportWriter) field(name string, v any) {
	x.sep(1)
	x.value(name, 0)
	x.raw(": ")
	x.value(v, 1)
}

// begin opens a top-level list; item adds to it and end closes it.
func (x *exportWriter) begin(name string) {
	x.sep(1)
	x.value(name, 0)
	x.raw(": [")
	x.comma = false
}

func (x *exportWriter) item(v any) {
	x.sep(2)
	x.value(v, 2)
}

func (x *exportWriter) end() {
	if x.comma {
		x.raw("\n" + indent(1))
	}
	x.raw("]")
	x.comma = true
}

// flush sends what is buffered, so a long export reaches the browser as it is made.
func (x *exportWriter) flush() {
	if x.err == nil {
		x.err = x.w.Flush()
	}
}

// finish closes the object and sends the rest.
func (x *exportWriter) finish() error {
	x.raw("\n}\n")
	x.flush()
	return x.err
}

type exportDownload struct {
	At       time.Time `json:"at"`
	Company  string    `json:"company"`
	Title    string    `json:"title"`
	FileName string    `json:"file_name"`
	Version  int       `json:"version"`
}

// exportDownloads writes the contact's download log, a page at a time.
func (p *Portal) exportDownloads(r *http.Request, v *visit, x *exportWriter) error {
	x.begin("downloads")
	var after int64
	for {
		page, err := download.ContactLog(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, after, ticket.ExportBatch)
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

type exportTicket struct {
	Company     string          `json:"company"`
	Number      int64           `json:"number"`
	Title       string          `json:"title"`
	Status      string          `json:"status"`
	Priority    string          `json:"priority"`
	Category    string          `json:"category,omitempty"`
	Location    string          `json:"location,omitempty"`
	Asset       string          `json:"asset,omitempty"`
	OpenedByYou bool            `json:"opened_by_you"`
	CreatedAt   time.Time       `json:"created_at"`
	UpdatedAt   time.Time       `json:"updated_at"`
	Messages    []exportMessage `json:"messages"`
	History     []exportStep    `json:"history"`
	Ratings     []exportRating  `json:"ratings,omitempty"`
}

// exportStep is one line of a ticket's history as the portal's ticket page words it.
type exportStep struct {
	At     time.Time `json:"at"`
	Event  string    `json:"event"`
	Status string    `json:"status,omitempty"`
	Note   string    `json:"note,omitempty"`
}

type exportMessage struct {
	At          time.Time          `json:"at"`
	From        string             `json:"from"` // "you" or "staff"
	Author      string             `json:"author"`
	Via         string             `json:"via"`
	Body        string             `json:"body"`
	Attachments []exportAttachment `json:"attachments,omitempty"`
}

type exportAttachment struct {
	Name string `json:"name"`
	Type string `json:"type"`
	Size int64  `json:"size"`
}

// exportTickets writes, for each company the contact has portal access to, the tickets
// they opened or follow (ticket.ExportPage decides what may go out), a batch at a time.
// A membership without active access shows no tickets: staff withdrew the company's
// data from this contact, and the export does not hand it back.
func (p *Portal) exportTickets(r *http.Request, v *visit, ms []contact.Membership, x *exportWriter) error {
	tr := i18n.From(r.Context())
	names, err := ticket.LoadNames(r.Context(), p.env.DB, v.P.TenantID)
	if err != nil {
		return err
	}
	x.begin("tickets")
	for _, m := range ms {
		if m.Access != contact.AccessActive {
			continue
		}
		pc := principal.Contact{TenantID: v.P.TenantID, ContactID: v.P.ContactID, CompanyID: m.CompanyID, Role: m.Role}
		var after int64
		for {
			page, err := ticket.ExportPage(r.Context(), p.env.DB, pc, after)
			if err != nil {
				return err
			}
			for _, t := range page {
				x.item(exportedTicket(tr, names, t, v.P.ContactID))
				after = t.ID
			}
			x.flush()
			if len(page) < ticket.ExportBatch || x.err != nil {
				break
			}
		}
	}
	x.end()
	return x.err
}

// exportedTicket is a ticket in the contact's language, as the portal shows it.
func exportedTicket(tr *i18n.Localizer, names ticket.Names, t ticket.Exported, contactID int64) exportTicket {
	out := exportTicket{Company: t.CompanyName, Number: t.ID, Title: t.Title, Status: names.Status(tr, t.Status),
		Priority: tr.T("ticket.priority." + ticket.PriorityName(t.Priority)), Category: names.Category(tr.Lang, t.CategoryID, t.CategoryName),
		Location: t.Location, Asset: t.Asset, OpenedByYou: t.ContactID == contactID,
		CreatedAt: t.CreatedAt.UTC(), UpdatedAt: t.UpdatedAt.UTC(), Messages: []exportMessage{}}
	for _, m := range t.Messages {
		em := exportMessage{At: m.CreatedAt.UTC(), From: "you", Author: m.Author, Via: m.Via, Body: m.Body}
		if m.FromStaff() {
			em.From = "staff"
		}
		for _, f := range m.Files {
			em.Attachments = append(em.Attachments, exportAttachment{f.Filename, f.ContentType, f.Size})
		}
		out.Messages = append(out.Messages, em)
	}
	out.History = []exportStep{}
	for _, e := range t.History {
		ee := exportStep{At: e.CreatedAt.UTC(), Event: tr.T("tickets.event."+e.Kind, map[string]any{"Actor": dash(e.Actor)}),
			Note: e.Note}
		if e.To.ID != 0 {
			ee.Status = names.Status(tr, e.To)
		}
		out.History = append(out.History, ee)
	}
	out.Ratings = exportedRatings(t.Ratings)
	return out
}
