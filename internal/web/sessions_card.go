package web

import (
	"context"

	"pforte/internal/i18n"
	"pforte/internal/session"
)

// deviceLabel reads a session's User-Agent as "Firefox on Windows" in the reader's
// language, with what of it can be told.
func deviceLabel(ctx context.Context, ua string) string {
	browser, system := session.Device(ua)
	switch {
	case browser != "" && system != "":
		return i18n.T(ctx, "active_sessions.device", map[string]any{"Browser": browser, "System": system})
	case browser != "":
		return browser
	case system != "":
		return system
	}
	return i18n.T(ctx, "active_sessions.unknown_device")
}

// orUnknown is an address, or "unknown" where none was recorded.
func orUnknown(ctx context.Context, ip string) string {
	if ip == "" {
		return i18n.T(ctx, "active_sessions.unknown_ip")
	}
	return ip
}
