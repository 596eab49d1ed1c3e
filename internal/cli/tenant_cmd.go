package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"pforte/internal/access"
	"pforte/internal/db"
	"pforte/internal/i18n"
	"pforte/internal/staff"
	"pforte/internal/tenant"
)

const tenantUsage = `Usage: pforte tenant list [--data DIR]
       pforte tenant add NAME --host HOST [--host HOST …] [--url URL] [--language LANG] [--data DIR]
       pforte tenant setup-link HOST [--data DIR]

One installation can run several portals (tenants): each for a service company of its
own, with its own staff, customers, settings, mail and host names. A request reaches
the portal its host name belongs to; while there is a single portal, every host name
reaches it.

  list        the portals: name, host names, portal address, administrators
  add         a new portal answering on the host names given, with the helpdesk,
              knowledge base and downloads switched on; prints the one-time link
              (valid 24 h) that creates its first administrator. Every existing portal
              needs a host name of its own first (back office → Settings → Host names):
              with two portals, a host name no portal claims reaches none.
  setup-link  a fresh first-administrator link for the portal on HOST, while it has no
              administrator (earlier links stay valid until they expire)

  --host HOST      a host name of the new portal (repeat for several)
  --url URL        its portal address, where links in its mails point
                   (default: https:// and the first host name)
  --language LANG  its default language: de en fr da nl he pt es th (default de)
  --data DIR       data directory (PFORTE_DATA); PFORTE_DATABASE_URL selects PostgreSQL
`

// hostList is a repeatable --host flag.
type hostList []string

func (h *hostList) String() string     { return strings.Join(*h, ",") }
func (h *hostList) Set(s string) error { *h = append(*h, s); return nil }

// tenantOpts are the flags of "pforte tenant".
type tenantOpts struct {
	data, url, lang string
	hosts           hostList
}

// tenantCmd is "pforte tenant": the operator's way to list portals, add one and get a
// new portal its first administrator (access.SetupLink, as serve prints it for the
// default portal).
func tenantCmd(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("tenant", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned; the usage is printed with them
	var o tenantOpts
	fs.StringVar(&o.data, "data", "", "data directory (PFORTE_DATA)")
	fs.StringVar(&o.url, "url", "", "portal address of the new portal")
	fs.StringVar(&o.lang, "language", tenant.InstallLanguage, "default language of the new portal")
	fs.Var(&o.hosts, "host", "host name of the new portal")
	rest, err := parseInterleaved(fs, args, tenantUsage, out) // flags may follow the operands
	if errors.Is(err, errHelpShown) {
		return nil
	} else if err != nil {
		return err
	}
	if len(rest) == 0 {
		return fmt.Errorf("tenant: name what to do: list, add or setup-link\n\n%s", tenantUsage)
	}
	verb, operands := rest[0], rest[1:]
	want := map[string]int{"list": 0, "add": 1, "setup-link": 1}
	n, ok := want[verb]
	// A missing name is a failure (exit code 1); what the action does not take, a usage
	// error (2).
	switch {
	case !ok:
		return usageErr(tenantUsage, "unknown action %q: list, add or setup-link", verb)
	case len(operands) == 0 && verb == "add":
		return fmt.Errorf("tenant add: name the new portal, in quotes when it has spaces (\"Beta Service AG\")\n\n%s", tenantUsage)
	case len(operands) != n && verb == "add":
		return usageErr(tenantUsage, "add takes the new portal's name once, in quotes when it has spaces (\"Beta Service AG\"), not %d words", len(operands))
	case len(operands) == 0 && verb == "setup-link":
		return fmt.Errorf("tenant setup-link: name one host name of the portal\n\n%s", tenantUsage)
	case len(operands) != n && verb == "setup-link":
		return usageErr(tenantUsage, "setup-link takes one host name of the portal, not %d", len(operands))
	case len(operands) != n:
		return usageErr(tenantUsage, "list takes no %q", operands[0])
	case verb != "add" && (len(o.hosts) > 0 || o.url != "" || o.lang != tenant.InstallLanguage):
		return usageErr(tenantUsage, "--host, --url and --language belong to tenant add, not to %s", verb)
	}
	d, cfgOrigin, err := tenantDB(ctx, o.data)
	if err != nil {
		return err
	}
	defer d.Close()
	switch verb {
	case "list":
		return listTenants(ctx, d, out)
	case "add":
		return addTenant(ctx, d, out, operands[0], o)
	}
	t, err := operatorTenant(ctx, d, operands[0])
	if err != nil {
		return fmt.Errorf("tenant setup-link: %w", err)
	}
	return printSetupLink(ctx, d, out, t, cfgOrigin(t))
}

// tenantDB opens the installation's database, refusing a data directory without one
// (a wrong --data must not create an empty portal), and returns how links are made.
func tenantDB(ctx context.Context, data string) (*db.DB, func(tenant.Tenant) string, error) {
	cfg, err := dataConfig("tenant", data)
	if err != nil {
		return nil, nil, err
	}
	if cfg.DatabaseURL == "" {
		if _, err := os.Stat(filepath.Join(cfg.DataDir, db.SQLiteFile)); err != nil {
			return nil, nil, fmt.Errorf("tenant: no portal database in %s: name the data directory with --data (or PFORTE_DATA), or set PFORTE_DATABASE_URL; `pforte serve` creates the first portal", cfg.DataDir)
		}
	}
	d, err := openMigrated(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	return d, func(t tenant.Tenant) string { return linkOrigin(cfg, t) }, nil
}

// printSetupLink prints a first-administrator link for t, or says who administers it.
func printSetupLink(ctx context.Context, d *db.DB, out io.Writer, t tenant.Tenant, origin string) error {
	svc := &access.Service{DB: d, Now: time.Now}
	link, err := svc.SetupLink(ctx, t.ID, origin)
	if errors.Is(err, access.ErrHasAdmin) {
		return fmt.Errorf("tenant setup-link: %s has an administrator already; a locked-out one gets back in with pforte staff-login", portalName(t))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Open this one-time link to create the first administrator of %s (valid 24 h):\n  %s\n", portalName(t), link)
	return nil
}

// listTenants prints every portal of the installation.
func listTenants(ctx context.Context, d *db.DB, out io.Writer) error {
	ts, err := tenant.List(ctx, d)
	if err != nil {
		return err
	}
	for _, t := range ts {
		hosts, err := tenant.Hosts(ctx, d, t.ID)
		if err != nil {
			return err
		}
		admins, err := staff.CountAdmins(ctx, d, t.ID)
		if err != nil {
			return err
		}
		mark := ""
		if t.IsDefault {
			mark = " (default)"
		}
		fmt.Fprintf(out, "%s%s\n  host names: %s\n  portal address: %s\n  administrators: %d\n",
			t.Name, mark, orNone(strings.Join(hosts, ", ")), orNone(t.PortalURL), admins)
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// checkTenantLanguage refuses a language the portal does not speak.
func checkTenantLanguage(lang string) error {
	if !i18n.Supported(lang) {
		return fmt.Errorf("tenant add: --language %q is none of the portal's languages: %s", lang, strings.Join(i18n.Languages, " "))
	}
	return nil
}
