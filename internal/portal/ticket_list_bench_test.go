package portal

import (
	"bytes"
	"io"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/principal"
	"pforte/internal/tenant"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// BenchmarkTicketListRender renders the portal's ticket list page (50 rows) without a
// database: the share of a list request that is HTML.
//
//	go test ./internal/portal -run xxx -bench TicketListRender -benchmem
var rowsN = ticket.PageSize

func BenchmarkTicketListRender(b *testing.B) {
	tn := tenant.Tenant{ID: 1, Name: "Demo Service GmbH", Modules: []string{"helpdesk", "knowledge", "downloads"}}
	v := &visit{Tenant: tn, Contact: contact.Contact{ID: 7, FirstName: "Anna", LastName: "Müller"},
		Company: contact.Membership{CompanyID: 3, CompanyName: "Müller Bau GmbH", Role: principal.RoleMain}}
	v.Companies = []contact.Membership{v.Company}
	v.P = principal.Contact{TenantID: 1, ContactID: 7, CompanyID: 3, Role: principal.RoleMain, SessionID: 1}
	view := ticketListView{Filter: ticket.Filter{State: "open", Sort: "updated", Page: 1}, Pager: web.Pager{Page: 1, HasNext: true, Path: "/tickets"}}
	kinds := []string{ticket.KindOpen, ticket.KindWaiting}
	for i := range rowsN {
		view.Rows = append(view.Rows, ticket.Ticket{ID: int64(999000 + i), Title: "Drucker im 2. OG druckt nur leere Seiten " + strconv.Itoa(i),
			Status:   ticket.Status{ID: 1, Code: ticket.CodeNew, Name: "", Kind: kinds[i%2]},
			Priority: 1 + i%4, ContactName: "Anna Müller", UpdatedAt: time.Date(2026, 11, 20, 9, i, 0, 0, time.UTC),
			PortalNews: ticket.News{Count: int64(1 + i%3), By: int64(i % 2 * 7)}}) // every ticket has news, half of them Anna's
	}
	seen := map[int64]int64{999000 + 1: 1, 999000 + 3: 3} // Anna read some
	r := httptest.NewRequest("GET", "/tickets", nil)
	r = r.WithContext(i18n.With(web.WithTenant(r.Context(), tn), i18n.For("de")))
	var content bytes.Buffer
	if err := ticketListContent(v, view).Render(r.Context(), &content); err != nil { // for kept, also when run alone
		b.Fatal(err)
	}
	// rendered: what a list costs when its content is not kept (searches, deep pages,
	// the first request after a change); kept: the frame around kept content, with the
	// reader's news applied (all but the lookup of their read marks).
	b.Run("rendered", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			content.Reset()
			if err := ticketListContent(v, view).Render(r.Context(), &content); err != nil {
				b.Fatal(err)
			}
			body := content.Bytes()
			if err := ticketListPage(v.chrome(r, "tickets.title", "helpdesk"), newsBody(body, findNews(body), 7, seen)).Render(r.Context(), io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("kept", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			body := content.Bytes()
			if err := ticketListPage(v.chrome(r, "tickets.title", "helpdesk"), newsBody(body, findNews(body), 7, seen)).Render(r.Context(), io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
}
