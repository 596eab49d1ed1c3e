package admin

import (
	"context"
	"testing"

	"pforte/internal/i18n"
)

// TestMailTemplateLinkName: the screen-reader name of a language link in the mail
// template list is one message per language, so French gets its no-break space before
// the colon (it was glued from pieces with "): " in every language).
func TestMailTemplateLinkName(t *testing.T) {
	row := mailTemplateRow{Title: "Ticket reçu"}
	for _, c := range []struct {
		lang   string
		custom bool
		want   string
	}{
		{"en", false, "Edit Deutsch (default): Ticket reçu"},
		{"de", true, "Deutsch bearbeiten (angepasst): Ticket reçu"},
		{"fr", false, "Modifier (Deutsch, par défaut)\u00a0: Ticket reçu"},
	} {
		ctx := i18n.With(context.Background(), i18n.For(c.lang))
		if got := mailTemplateLinkName(ctx, row, mailTemplateCell{Lang: "de", Custom: c.custom}); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}
