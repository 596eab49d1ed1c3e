package admin

import (
	"context"

	"pforte/internal/i18n"
	"pforte/internal/report"
	"pforte/internal/web"
)

// reportChannelRows are the tickets opened by channel.
func reportChannelRows(ctx context.Context, f report.Figures) []web.ReportRow {
	var out []web.ReportRow
	for _, c := range f.ByChannel {
		out = append(out, web.ReportRow{Name: reportChannel(ctx, c.Key), Count: c.Count})
	}
	return out
}

// reportPriorityRows are the tickets opened by priority, urgent first as in the queue.
func reportPriorityRows(ctx context.Context, f report.Figures) []web.ReportRow {
	var out []web.ReportRow
	for i := len(f.ByPriority) - 1; i >= 0; i-- {
		c := f.ByPriority[i]
		out = append(out, web.ReportRow{Name: priorityName(ctx, int(c.ID)), Count: c.Count})
	}
	return out
}

// reportCategoryRows are the tickets opened by category, "none" last.
func reportCategoryRows(ctx context.Context, f report.Figures) []web.ReportRow {
	var out []web.ReportRow
	for _, c := range f.ByCategory {
		name := c.Name
		if c.ID == 0 {
			name = i18n.T(ctx, "reports.no_category")
		}
		out = append(out, web.ReportRow{Name: name, Count: c.Count})
	}
	return out
}

// reportCompanyRows are the companies with most tickets opened, linked to the queue.
func reportCompanyRows(f report.Figures) []web.ReportRow {
	var out []web.ReportRow
	for _, c := range f.Companies {
		out = append(out, web.ReportRow{Name: c.Name, Count: c.Count, Href: reportCompanyQueue(c.ID)})
	}
	return out
}
