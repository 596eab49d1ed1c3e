package cli

import (
	"runtime/debug"
	"testing"
)

// TestWithRevision: a binary built from a checkout without -ldflags names its commit,
// and says when the checkout had changes; without VCS data the version stays as it is.
func TestWithRevision(t *testing.T) {
	rev := []debug.BuildSetting{{Key: "vcs.revision", Value: "8c2d3d7aa1b2c3d4e5f6"}}
	for _, c := range []struct {
		settings []debug.BuildSetting
		want     string
	}{
		{nil, "dev"},
		{rev, "dev (8c2d3d7aa1b2)"},
		{append(rev, debug.BuildSetting{Key: "vcs.modified", Value: "true"}), "dev (8c2d3d7aa1b2, modified)"},
	} {
		if got := withRevision("dev", c.settings); got != c.want {
			t.Errorf("withRevision(%v) = %q, want %q", c.settings, got, c.want)
		}
	}
}
