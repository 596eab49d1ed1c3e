package web

import (
	"context"
	"strings"

	"pforte/internal/i18n"
)

// NavItem is one link of the main navigation.
type NavItem struct {
	Label   string
	Href    string
	Current bool
}

// Choice is one option of a select.
type Choice struct {
	Value    string
	Label    string
	Selected bool
}

// Chrome is the frame around a page: title, navigation, who is logged in, switchers and
// the flash message. Portal and back office fill it differently.
type Chrome struct {
	Title        string // translated page title
	Admin        bool   // back-office styling
	BrandName    string
	BrandHref    string
	Nav          []NavItem
	User         string // display name; empty when nobody is logged in
	UserHref     string // where the name links to (the person's own account); empty: plain text
	LogoutAction string
	Companies    []Choice // company switcher, shown with two or more
	SwitchAction string
	LangAction   string // where the header's language picker posts; empty hides it
	Flash        string // translated flash message
	FlashError   bool   // the flash reports a failure
	FlashNotice  bool   // the flash asks for something (neither a success nor a failure)
	Banner       string // translated banner text (e.g. preview mode)
	BannerAction string // where the banner's button posts (e.g. end the preview); empty: no button
	BannerButton string // translated label of the banner's button
	LogoURL      string // the tenant's logo beside the brand name; empty: none
}

type chromeKey struct{}

// WithChrome stores how to build the logged-in page frame, so error pages of a logged-in
// person keep their navigation (back office or portal) instead of a bare page.
func WithChrome(ctx context.Context, build func(titleID string) Chrome) context.Context {
	return context.WithValue(ctx, chromeKey{}, build)
}

// errorChrome is the frame of an error page: the person's own, or a plain one.
func errorChrome(ctx context.Context, titleID string) Chrome {
	if build, ok := ctx.Value(chromeKey{}).(func(string) Chrome); ok {
		c := build(titleID)
		c.Flash = ""
		return c
	}
	return Chrome{Title: i18n.T(ctx, titleID), BrandName: TenantFrom(ctx).TitleIn(i18n.From(ctx).Lang), BrandHref: "/"}
}

// SetFlash translates a flash message id (or the parts of Env.FlashParts) into the
// chrome; a flash of Env.FlashError, ids under "error." and ids ending in "_failed"
// are shown as errors, a flash of Env.FlashInfo and ids ending in "_notice" as notices
// (a step still owed, or nothing to change, is no success).
func (c *Chrome) SetFlash(ctx context.Context, id string) {
	if id == "" {
		return
	}
	id, info := strings.CutPrefix(id, infoMark)
	c.Flash, c.FlashError = flashText(ctx, id)
	first, _, _ := strings.Cut(id, ",")
	c.FlashNotice = !c.FlashError && (info || strings.HasSuffix(first, "_notice"))
}

// Languages returns the language picker's choices with the current one selected.
func Languages(ctx context.Context) []Choice {
	cur := i18n.From(ctx).Lang
	out := make([]Choice, 0, len(i18n.Languages))
	for _, l := range i18n.Languages {
		out = append(out, Choice{Value: l, Label: i18n.Names[l], Selected: l == cur})
	}
	return out
}

// Dir is the text direction of the request's language ("rtl" for Hebrew), for the
// html element's dir attribute; the stylesheet's logical properties mirror the layout.
func Dir(ctx context.Context) string { return i18n.Dir(i18n.From(ctx).Lang) }
