package server_test

import (
	"context"
	"html"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/i18n"
)

// deMsg is a message as a German page shows it (HTML-escaped), so the tests follow
// the wording in the message files.
func deMsg(key string, data ...map[string]any) string {
	return html.EscapeString(i18n.For("de").T(key, data...))
}

// auditRows counts the tenant's audit entries of action with target.
func auditRows(t *testing.T, env *apptest.Env, tenantID int64, action, target string) int {
	t.Helper()
	var n int
	if err := env.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = ?
		AND target = ?`, tenantID, action, target).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
