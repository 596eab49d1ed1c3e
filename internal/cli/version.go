package cli

import "runtime/debug"

// version is Version, or for a binary built without -ldflags ("dev", as from a plain
// `go build` of a checkout) "dev" with the commit Go stamped into the binary, so
// `pforte version` and a backup's manifest still say which code runs.
func version() string {
	if Version != "dev" {
		return Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return Version
	}
	return withRevision(Version, info.Settings)
}

// withRevision appends the VCS revision (12 characters) of settings to v, and
// "modified" when the checkout had uncommitted changes.
func withRevision(v string, settings []debug.BuildSetting) string {
	var rev string
	var modified bool
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified {
		return v + " (" + rev + ", modified)"
	}
	return v + " (" + rev + ")"
}
