package admin

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/i18n"
	"pforte/internal/mailtmpl"
)

var (
	// "article:12 printer-setup", after a feedback reset "… (views 3, yes 1, no 0)"
	detailArticle = regexp.MustCompile(`^article:(\d+) (\S+)(?: \(views (\d+), yes (\d+), no (\d+)\))?$`)
	// "download:5 Price list (prices.pdf)", then " visibility=all" or " version 2"; a
	// file name may hold a pair of brackets ("prices (2).pdf")
	detailDownload = regexp.MustCompile(`^download:(\d+) (.*?) \(((?:[^()]|\([^()]*\))*)\)(?: visibility=(all|companies)| version (\d+))?$`)
	// "folder:3 Manuals", "category:4 Printers", with their other names "(en Manuals, fr Manuels)"
	detailNamed = regexp.MustCompile(`^(folder|category):(\d+) (.*?)((?: \((?:[a-z]{2} [^,]*(?:, )?)+\))?)$`)
	// `text module 5 "Greeting"`, `… (inactive)`
	detailTextModule = regexp.MustCompile(`^text module \d+ (".*")( \(inactive\))?$`)
	// "mail.invitation (de)"
	detailMailTemplate = regexp.MustCompile(`^mail\.([a-z_]+) \(([a-z]{2})\)$`)
)

// fmtArticle: a knowledge-base article by its title now (its address when deleted).
func fmtArticle(d *detailCtx, s string) []detailPart {
	m := detailArticle.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	out := d.t("audit_details.article", map[string]any{"Title": d.link("article", m[1], m[2], true), "ID": m[1]})
	if m[3] != "" {
		out = append(out, d.t("audit_details.feedback", map[string]any{"Views": m[3], "Yes": m[4], "No": m[5]})...)
	}
	return out
}

// fmtDownload: a download file with its file name, and what changed; a deleted one
// is never linked.
func fmtDownload(d *detailCtx, s string) []detailPart {
	m := detailDownload.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	title := d.link("download", m[1], m[2], false)
	if d.e.Action == audit.DownloadDeleted { // gone when written: a file with its number now is another
		title = detailPart{Text: m[2]}
	}
	out := d.t("audit_details.download", map[string]any{"Title": title, "File": m[3]})
	switch {
	case m[4] != "":
		out = append(out, detailPart{Text: " · " + d.labelled(d.w("downloads_admin.visibility"), d.w("downloads_admin.visibility."+m[4]))})
	case m[5] != "":
		out = append(out, d.t("audit_details.version", map[string]any{"Number": m[5]})...)
	}
	return out
}

// fmtNamed: a download folder or knowledge-base category, with its names in the
// portal's other languages.
func fmtNamed(d *detailCtx, s string) []detailPart {
	m := detailNamed.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	out := d.t("audit_details."+m[1], map[string]any{"Name": m[3]})
	if m[4] == "" {
		return out
	}
	return d.t("audit_details.names", map[string]any{"Record": out, "Names": detailNames(d.ctx, m[4])})
}

// detailNames writes " (en Manuals, fr Manuels)" with the languages' own names and
// the reader's colon ("Français : Manuels" in French).
func detailNames(ctx context.Context, s string) string {
	parts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(s, " ("), ")"), ", ")
	for i, p := range parts {
		if lang, name, ok := strings.Cut(p, " "); ok && i18n.Names[lang] != "" {
			parts[i] = i18n.T(ctx, "qafix.label_colon", map[string]any{"Label": i18n.Names[lang]}) + " " + name
		}
	}
	return strings.Join(parts, ", ")
}

// fmtTextModule: a text module by name, "inactive" when it was switched off.
func fmtTextModule(d *detailCtx, s string) []detailPart {
	m := detailTextModule.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	name, err := strconv.Unquote(m[1])
	if err != nil {
		return nil
	}
	out := d.t("audit_details.text_module", map[string]any{"Name": name})
	if m[2] != "" {
		out = append(out, detailPart{Text: " (" + d.w("admin_fixes.audit.detail.inactive") + ")"})
	}
	return out
}

// fmtMailTemplate: a mail by its title in the back office, and the language of the text.
func fmtMailTemplate(d *detailCtx, s string) []detailPart {
	m := detailMailTemplate.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	mail, ok := mailtmpl.ByName(m[1])
	if !ok || i18n.Names[m[2]] == "" {
		return nil
	}
	return d.t("audit_details.mail_template", map[string]any{"Mail": d.w(mail.Label()), "Language": i18n.Names[m[2]]})
}
