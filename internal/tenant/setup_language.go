package tenant

import (
	"context"
	"fmt"

	"pforte/internal/db"
)

// InstallLanguage is the default language a tenant starts with when nobody chose one:
// the language of the installation's own default tenant and of the demo.
const InstallLanguage = "de"

// AdoptSetupLanguage makes lang the tenant's default language when it still has the
// one it started with (InstallLanguage). The first admin's setup calls it: a fresh
// install set up in French should greet its customers in French, while a tenant whose
// language was set on purpose keeps it. lang must be a supported language.
func AdoptSetupLanguage(ctx context.Context, q db.Querier, id int64, lang string) error {
	_, err := q.Exec(ctx, `UPDATE tenants SET default_language = ? WHERE id = ? AND default_language = ?`,
		lang, id, InstallLanguage)
	if err != nil {
		return fmt.Errorf("tenant: adopt setup language: %w", err)
	}
	return nil
}
