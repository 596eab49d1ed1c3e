package admin

import (
	"context"
	"testing"

	"pforte/internal/i18n"
)

// TestListenerReasonInLanguage: the mail log on the mail settings page words the
// listener's fixed reasons in the reader's language; it showed the English the server
// logs ("Message-ID already received from this sender") under a French badge.
func TestListenerReasonInLanguage(t *testing.T) {
	ctx := i18n.With(context.Background(), i18n.For("fr"))
	for reason, want := range map[string]string{
		"Message-ID already received from this sender": "",
		"larger than the limit of 26214400 bytes":      "Dépasse la limite de 25\u00a0Mo",
		"blocked sender (domain:spam.test)":            "Le domaine spam.test est bloqué.",
		"blocked sender (address:king@spam.test)":      "L’adresse king@spam.test est bloquée.",
		"mailin: no From header":                       "mailin: no From header",
	} {
		if got := listenerReason(ctx, reason); got != want {
			t.Errorf("%q: %q, want %q", reason, got, want)
		}
	}
}
