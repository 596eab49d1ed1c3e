package audit

import "strings"

// Actions of the retention rules (package retention).
const (
	// RetentionChanged: an admin changed how long records are kept; the target holds
	// the new rules in days ("audit=730 download_log=365 sent_mail=365 inbound_raw=90").
	RetentionChanged = "retention_changed"
	// RetentionApplied: the server removed records past their time; the target counts
	// them by kind ("audit=12 download_log=0 sent_mail=40 inbound_raw=3").
	RetentionApplied = "retention_applied"
)

// systemPrefix starts the actor of entries the server writes by itself, with no
// person behind them.
var systemPrefix = "system:"

// System names a task of the server itself as an entry's actor ("system:retention").
func System(task string) string {
	return systemPrefix + strings.Join(strings.Fields(task), "_")
}
