package admin

import "pforte/internal/audit"

func init() {
	auditCases = append(auditCases,
		auditCase{audit.RetentionChanged, "audit=730 download_log=0 sent_mail=1 inbound_raw=90", 0,
			"Audit log: 730 days; Download log: kept for ever; Copies of sent mail: 1 day; Originals of incoming mail: 90 days"},
		auditCase{audit.RetentionChanged, "audit=730", 0, "audit=730"}, // not the form the rules write: as written
		auditCase{audit.RetentionApplied, "audit=12 download_log=0 sent_mail=1 inbound_raw=3", 0,
			"Removed after their time: 12 audit entries; the content of 1 sent mail; 3 originals of incoming mail"},
		auditCase{audit.RetentionApplied, "audit=0 download_log=0 sent_mail=0 inbound_raw=0", 0,
			"audit=0 download_log=0 sent_mail=0 inbound_raw=0"},
	)
}
