package portal

import (
	"context"
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/report"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// ticketReportView is the company report: the period as asked for and, when it could
// be counted, its figures.
type ticketReportView struct {
	Query   report.Query
	Figures *report.CompanyFigures
}

// ticketReport shows a main contact the helpdesk figures of the active company for a
// period (report.CompanyFor): what the company opened, what became of it and how fast
// the provider answered. Plain users get a 404, as for colleague management: the
// figures are about every colleague's tickets. Dates that cannot be used show the
// chooser again with the message beside the field and what was typed.
func (p *Portal) ticketReport(w http.ResponseWriter, r *http.Request, v *visit) {
	if !v.P.IsMain() {
		p.env.NotFound(w, r)
		return
	}
	rq := report.QueryOf(r.URL.Query(), p.env.Now(), v.Tenant.Location())
	view, status := ticketReportView{Query: rq}, http.StatusUnprocessableEntity
	if rq.Ok() {
		f, err := report.CompanyFor(r.Context(), p.env.DB, v.P, rq.Period, p.env.Now())
		if err != nil {
			p.env.Fail(w, r, err)
			return
		}
		view.Figures, status = &f, http.StatusOK
	}
	r, err := p.withNames(r, v)
	if err != nil {
		p.env.Fail(w, r, err)
		return
	}
	web.Render(w, r, status, ticketReportPage(v.chrome(r, "company_report.title", "helpdesk"), v.Company.CompanyName, view))
}

// reportCategoryRows are the company's tickets by category in the reader's language,
// largest first.
func reportCategoryRows(ctx context.Context, f *report.CompanyFigures) []web.ReportRow {
	var out []web.ReportRow
	for _, c := range f.ByCategory {
		name := i18n.T(ctx, "reports.no_category")
		if c.ID != 0 {
			name = categoryName(ctx, c.ID, c.Name)
		}
		out = append(out, web.ReportRow{Name: name, Count: c.Count})
	}
	return out
}

// reportPriorityRows are the tickets by priority, urgent first as in the ticket list.
func reportPriorityRows(ctx context.Context, f *report.CompanyFigures) []web.ReportRow {
	var out []web.ReportRow
	for i := len(f.ByPriority) - 1; i >= 0; i-- {
		c := f.ByPriority[i]
		out = append(out, web.ReportRow{Name: i18n.T(ctx, "ticket.priority."+ticket.PriorityName(int(c.ID))), Count: c.Count})
	}
	return out
}

// reportContactRows are the tickets by who opened them; tickets without an opener
// (opened by staff for the company, or a contact deleted since) count as "someone else".
func reportContactRows(ctx context.Context, f *report.CompanyFigures) []web.ReportRow {
	var out []web.ReportRow
	for _, c := range f.ByContact {
		name := c.Name
		if c.ID == 0 || name == "" {
			name = i18n.T(ctx, "company_report.no_opener")
		}
		out = append(out, web.ReportRow{Name: name, Count: c.Count})
	}
	return out
}

// hasTargets reports whether any ticket of the period had a service-level target
// that could be judged; without, the targets' card would only say "no data".
func hasTargets(f *report.CompanyFigures) bool {
	return f.FirstTarget.Met+f.FirstTarget.Missed+f.ResolveTarget.Met+f.ResolveTarget.Missed > 0
}
