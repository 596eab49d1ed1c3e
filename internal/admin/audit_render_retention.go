package admin

import (
	"strconv"
	"strings"

	"pforte/internal/audit"
	"pforte/internal/i18n"
)

// The retention rules' formats join auditFormats beside their renderer.
func init() {
	auditFormats[audit.RetentionChanged] = fmtRetentionRules
	auditFormats[audit.RetentionApplied] = fmtRetentionRemoved
}

// retentionKinds are the kinds the targets of both actions name, in their order.
var retentionKinds = []string{"audit", "download_log", "sent_mail", "inbound_raw"}

// retentionCounts reads "audit=730 download_log=365 …" (retention.Rules.Describe,
// retention.Removed): nil when a kind is missing or not a number.
func retentionCounts(s string) []int {
	kv := map[string]int{}
	for _, f := range strings.Fields(s) {
		k, v, ok := strings.Cut(f, "=")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n < 0 {
			return nil
		}
		kv[k] = n
	}
	out := make([]int, len(retentionKinds))
	for i, k := range retentionKinds {
		n, ok := kv[k]
		if !ok {
			return nil
		}
		out[i] = n
	}
	return out
}

// fmtRetentionRules: "Audit log: 730 days; download log: kept for ever; …".
func fmtRetentionRules(d *detailCtx, s string) []detailPart {
	days := retentionCounts(s)
	if days == nil {
		return nil
	}
	var lists [][]detailPart
	for i, k := range retentionKinds {
		keep := d.w("retention.audit.forever")
		if days[i] > 0 {
			keep = i18n.From(d.ctx).N("retention.audit.days", days[i], nil)
		}
		lists = append(lists, d.t("retention.audit.rule", map[string]any{"Kind": d.w("retention.kind." + k), "Keep": keep}))
	}
	return joinParts(lists, d.w("retention.audit.sep"))
}

// fmtRetentionRemoved: "Removed after their time: 12 audit entries, 40 copies of sent
// mail" (kinds with nothing removed left out).
func fmtRetentionRemoved(d *detailCtx, s string) []detailPart {
	counts := retentionCounts(s)
	if counts == nil {
		return nil
	}
	var lists [][]detailPart
	for i, k := range retentionKinds {
		if counts[i] > 0 {
			lists = append(lists, d.n("retention.audit.removed."+k, counts[i], nil))
		}
	}
	if len(lists) == 0 {
		return nil
	}
	return d.t("retention.audit.removed", map[string]any{"What": joinParts(lists, d.w("retention.audit.sep"))})
}
