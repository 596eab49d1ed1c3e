package admin

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// `#12 → #34 · company:7 · "Printer" → "Printer down" · "Kunde AG"` (audit.MergeTarget)
	detailMergeIDs = regexp.MustCompile(`^#(\d+) → #(\d+) · company:(\d+) · (.*)$`)
	// "#12 Printer → #34 Printer down (Kunde AG)", as entries were written before
	detailMergeOld = regexp.MustCompile(`^#(\d+) (.*\))$`)
	// " → #34 ", where the target's number may start in an old entry
	detailMergeArrow = regexp.MustCompile(` → #(\d+) `)
)

// fmtMerge: a ticket merged into another of the same company.
func fmtMerge(d *detailCtx, s string) []detailPart {
	if m := detailMergeIDs.FindStringSubmatch(s); m != nil {
		// An old entry ends in ")", never in a quoted string, so it cannot pass here.
		if titles, ok := unquoteList(m[4], " → ", " · "); ok {
			return d.merged3(m[1], m[2], titles[0], titles[1], d.link("company", m[3], titles[2], false))
		}
	}
	return fmtMergeOld(d, s)
}

// fmtMergeOld reads a merge entry of the old form, whose titles (typed by customers)
// and company name may hold " → #5 " or brackets themselves. The source's number
// comes first and is certain. The target is the one " → #N " there is, or, of
// several, the one whose N is what the source ticket's row says it was merged into;
// the company is what is in the last brackets when the rest holds just one " (".
// Anything less certain is shown as written, without links.
func fmtMergeOld(d *detailCtx, s string) []detailPart {
	m := detailMergeOld.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	rec, known := d.merged(m[1])
	rest := m[2]
	var at []int // the [start, end, idStart, idEnd] of the " → #N " that is the target
	for i := 0; i < len(rest); {
		loc := detailMergeArrow.FindStringSubmatchIndex(rest[i:])
		if loc == nil {
			break
		}
		for j := range loc {
			loc[j] += i
		}
		id := rest[loc[2]:loc[3]]
		d.link("ticket", id, "", false) // while collecting: any of them may turn out the target
		if known && rec.Into != 0 && strconv.FormatInt(rec.Into, 10) != id {
			i = loc[2] // not the target; a further " → #" may start in its title
			continue
		}
		if at != nil {
			return nil // two could be the target
		}
		at, i = loc, loc[2]
	}
	if at == nil {
		return nil
	}
	title, company, ok := strings.Cut(strings.TrimSuffix(rest[at[1]:], ")"), " (")
	if !ok || strings.Contains(company, " (") {
		return nil
	}
	co := detailPart{Text: company} // the source's company, linked by the id its row has
	if known && rec.Company != 0 {
		co.Href = refPath("company", rec.Company)
	}
	return d.merged3(m[1], rest[at[2]:at[3]], rest[:at[0]], title, co)
}

// merged3 is the sentence of a merge: both tickets by number and title, the company.
func (d *detailCtx) merged3(from, to, fromTitle, toTitle string, company detailPart) []detailPart {
	return d.t("audit_details.merged", map[string]any{"From": d.link("ticket", from, "#"+from, false), "FromTitle": fromTitle,
		"To": d.link("ticket", to, "#"+to, false), "ToTitle": toTitle, "Company": company})
}

// unquoteList reads Go-quoted strings separated by seps in order, and nothing else.
func unquoteList(s string, seps ...string) ([]string, bool) {
	var out []string
	for i := 0; ; i++ {
		q, err := strconv.QuotedPrefix(s)
		if err != nil {
			return nil, false
		}
		v, _ := strconv.Unquote(q)
		out, s = append(out, v), s[len(q):]
		if i == len(seps) {
			return out, s == ""
		}
		var ok bool
		if s, ok = strings.CutPrefix(s, seps[i]); !ok {
			return nil, false
		}
	}
}
