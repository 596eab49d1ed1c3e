package server_test

import (
	"context"
	stdre "regexp"
	"testing"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/contact"
)

type regexpT = stdre.Regexp

func mustRE(s string) *regexpT { return stdre.MustCompile(s) }

var actor = access.Actor{Label: "test", IP: "127.0.0.1"}

func memberships(t *testing.T, env *apptest.Env, tenantID, contactID int64) []int64 {
	t.Helper()
	ms, err := contact.MembershipsOfContact(context.Background(), env.DB, tenantID, contactID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	return ids
}

// count runs a COUNT query and fails the test on error.
func count(t *testing.T, env *apptest.Env, q string, args ...any) int {
	t.Helper()
	var n int
	if err := env.DB.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
