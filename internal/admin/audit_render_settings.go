package admin

import (
	"regexp"
	"strconv"
	"strings"

	"pforte/internal/i18n"
)

var (
	// "helpdesk rules: reopen true, attachments 10 MB, ratings false, time billable true, time in portal false"
	detailRules = regexp.MustCompile(`^helpdesk rules: reopen (true|false), attachments (\d+) MB, ratings (true|false), time billable (true|false), time in portal (true|false)$`)
	// "helpdesk automation: close after 7 d, remind after never, resolve after 3 d, within business hours"
	detailAutomation = regexp.MustCompile(`^helpdesk automation: close after (never|\d+ d), remind after (never|\d+ d), resolve after (never|\d+ d)(, within business hours)?$`)
	// "helpdesk status Waiting (en Waiting)", "helpdesk category Printers"
	detailHelpdeskNamed = regexp.MustCompile(`^helpdesk (status|category) (.*?)((?: \((?:[a-z]{2} [^,]*(?:, )?)+\))?)$`)
	// "inbound mail authentication: off → mx.example.com"
	detailInboundAuth = regexp.MustCompile(`^inbound mail authentication: (.*) → (.*)$`)
	// "low 8/– h"
	detailTarget = regexp.MustCompile(`^(low|normal|high|urgent) (\d+|–)/(\d+|–) h$`)
	// "Mon 08:00–17:00"
	detailDay = regexp.MustCompile(`^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d\d:\d\d–\d\d:\d\d)$`)
)

// detailLabels name the switches of the contacts' and the staff's mail choices.
var detailLabels = map[string]string{"own tickets": "own", "followed": "followed", "company's new tickets": "company",
	"new tickets": "new", "replies on my tickets": "replies_mine", "replies on unassigned tickets": "replies_unassigned",
	"assigned to me": "assigned", "follow-ups due": "followups"}

// fmtOnOff: a list of switches, "own tickets: on, followed: off, …".
func fmtOnOff(d *detailCtx, s string) []detailPart {
	parts := strings.Split(s, ", ")
	for i, p := range parts {
		label, state, ok := strings.Cut(p, ": ")
		if !ok || detailLabels[label] == "" || (state != "on" && state != "off") {
			return nil
		}
		parts[i] = d.labelled(d.w("audit_details.switch."+detailLabels[label]), d.w("audit_details."+state))
	}
	return detailText(strings.Join(parts, ", "))
}

// fmtSettings: one of the settings forms; the portal's name (the general settings) is
// typed by people and shown as written.
func fmtSettings(d *detailCtx, s string) []detailPart {
	yes := func(b string) string { return d.w("audit_details.yes_" + b) }
	if m := detailRules.FindStringSubmatch(s); m != nil {
		return d.t("audit_details.rules", map[string]any{"Reopen": yes(m[1]), "MB": m[2], "Ratings": yes(m[3]),
			"Billable": yes(m[4]), "Portal": yes(m[5])})
	}
	if m := detailAutomation.FindStringSubmatch(s); m != nil {
		out := d.t("audit_details.automation", map[string]any{"Close": detailDays(d, m[1]), "Remind": detailDays(d, m[2]),
			"Resolve": detailDays(d, m[3])})
		if m[4] != "" {
			out = append(out, detailPart{Text: ", " + d.w("audit_details.in_hours")})
		}
		return out
	}
	if m := detailHelpdeskNamed.FindStringSubmatch(s); m != nil {
		out := d.t("audit_details.helpdesk_"+m[1], map[string]any{"Name": m[2]})
		if m[3] != "" {
			out = d.t("audit_details.names", map[string]any{"Record": out, "Names": detailNames(d.ctx, m[3])})
		}
		return out
	}
	if m := detailInboundAuth.FindStringSubmatch(s); m != nil {
		off := func(v string) string { return map[bool]string{true: d.w("audit_details.off"), false: v}[v == "off"] }
		return d.t("audit_details.inbound_auth", map[string]any{"From": off(m[1]), "To": off(m[2])})
	}
	if s == firstStepsHiddenDetail {
		return detailText(d.w("audit_details.first_steps_hidden"))
	}
	if server, ok := strings.CutPrefix(s, "mail: "); ok {
		return d.t("audit_details.mail_server", map[string]any{"Server": server})
	}
	if list, ok := strings.CutPrefix(s, "service-level targets: "); ok {
		return fmtTargets(d, list)
	}
	if list, ok := strings.CutPrefix(s, "service-level calendar: "); ok {
		return fmtCalendar(d, list)
	}
	return nil
}

// detailDays writes "7 d" or "never" in words.
func detailDays(d *detailCtx, s string) string {
	n, err := strconv.Atoi(strings.TrimSuffix(s, " d"))
	if err != nil {
		return d.w("audit_details.never")
	}
	return d.count("audit_details.days", n)
}

// fmtTargets: the hours to the first response and to the solution, per priority.
func fmtTargets(d *detailCtx, list string) []detailPart {
	parts := strings.Split(list, ", ")
	for i, p := range parts {
		m := detailTarget.FindStringSubmatch(p)
		if m == nil {
			return nil
		}
		hours := i18n.T(d.ctx, "audit_details.target_hours", map[string]any{"Hours": m[2] + "/" + m[3]})
		parts[i] = d.w("ticket.priority."+m[1]) + " " + hours
	}
	return d.t("audit_details.targets", map[string]any{"List": strings.Join(parts, ", ")})
}

// fmtCalendar: how the service-level clock counts, the open hours per day and the
// number of holidays.
func fmtCalendar(d *detailCtx, list string) []detailPart {
	days := map[string]string{"Sun": "0", "Mon": "1", "Tue": "2", "Wed": "3", "Thu": "4", "Fri": "5", "Sat": "6"}
	parts := strings.Split(list, ", ")
	for i, p := range parts {
		m := detailDay.FindStringSubmatch(p)
		switch {
		case p == "business hours" || p == "calendar hours":
			parts[i] = d.w("audit_details." + strings.ReplaceAll(p, " ", "_"))
		case p == "pause while waiting on" || p == "pause while waiting off":
			parts[i] = d.labelled(d.w("audit_details.pause"), d.w("audit_details."+strings.TrimPrefix(p, "pause while waiting ")))
		case m != nil:
			parts[i] = d.w("sla_hours.day."+days[m[1]]) + " " + m[2]
		case strings.HasSuffix(p, " holidays"):
			n, err := strconv.Atoi(strings.TrimSuffix(p, " holidays"))
			if err != nil {
				return nil
			}
			parts[i] = d.count("audit_details.holidays", n)
		default:
			return nil
		}
	}
	return d.t("audit_details.calendar", map[string]any{"List": strings.Join(parts, ", ")})
}

// fmtWhat: a change written as a fixed phrase (the branding, a signature, the upload
// limit).
func fmtWhat(d *detailCtx, s string) []detailPart {
	switch {
	case s == "texts" || s == "texts, logo removed" || s == "signature set" || s == "signature removed":
		return detailText(d.w("audit_details." + strings.NewReplacer(" ", "_", ",", "").Replace(s)))
	case s == "logo removed": // the branding page's "Remove the logo" (settings_branding_logo.go)
		return detailText(d.w("backoffice_qa.audit_logo_removed"))
	case strings.HasPrefix(s, "texts, new logo (") && strings.HasSuffix(s, ")"):
		return d.t("audit_details.texts_new_logo", map[string]any{"Type": s[len("texts, new logo (") : len(s)-1]})
	case strings.HasPrefix(s, "max_upload=") && strings.HasSuffix(s, " MB"):
		return d.t("audit_details.upload_limit", map[string]any{"MB": strings.TrimSuffix(strings.TrimPrefix(s, "max_upload="), " MB")})
	}
	return nil
}
