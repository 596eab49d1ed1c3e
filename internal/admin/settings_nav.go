package admin

import (
	"slices"

	"pforte/internal/web"
)

// settingsArea is one area of the settings in the menu beside every settings page:
// its key (the page's "current"), address, title and one-line description (message
// ids).
type settingsArea struct {
	Key, Href, Title, Desc string
}

// settingsAreas are the areas a reader of chrome c may open, in the menu's order.
// The page's navigation tells what applies: "Settings" is there for admins only, and
// the helpdesk's and downloads' own entries only while those modules are on. None for
// anybody else (an agent on the text modules sees no menu).
func settingsAreas(c web.Chrome) []settingsArea {
	has := func(href string) bool {
		return slices.ContainsFunc(c.Nav, func(n web.NavItem) bool { return n.Href == href })
	}
	if !has("/admin/settings") {
		return nil
	}
	out := []settingsArea{
		{"general", "/admin/settings", "settings_nav.general", "settings_nav.general_desc"},
		{"staff_signin", "/admin/settings#staff-signin", "staff_policy.legend", "settings_nav.staff_signin_desc"},
		{"mail", "/admin/settings/mail", "admin.mail.title", "settings_nav.mail_desc"},
		{"branding", "/admin/settings/branding", "branding.title", "settings_nav.branding_desc"},
		{"templates", "/admin/settings/mails", "templates.link", "settings_nav.templates_desc"},
		{"retention", retentionPath, "retention.title", "retention.nav_desc"},
	}
	if has("/admin/tickets") {
		out = append(out,
			settingsArea{"helpdesk", "/admin/settings/helpdesk", "tickets_admin.settings.link", "settings_nav.helpdesk_desc"},
			settingsArea{"text_modules", "/admin/text-modules", "text_modules.heading", "settings_nav.text_modules_desc"},
			settingsArea{"blocked", blockedPath, "inbox_block.list_title", "settings_nav.blocked_desc"})
	}
	if has("/admin/downloads") {
		out = append(out, settingsArea{"downloads", "/admin/downloads/settings", "downloads_admin.settings", "settings_nav.downloads_desc"})
	}
	return out
}
