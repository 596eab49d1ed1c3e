package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/tenant"
)

// addTenant creates a portal named name answering on o.hosts and prints the link
// that creates its first administrator. Everything is checked before anything is
// written; the portal, its host names, portal address and audit entry are one
// transaction, so a refusal or failure leaves no half portal behind.
func addTenant(ctx context.Context, d *db.DB, out io.Writer, name string, o tenantOpts) error {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 100 {
		return errors.New("tenant add: name the new portal (1 to 100 characters), e.g. \"Beta Service AG\"")
	}
	if err := checkTenantLanguage(o.lang); err != nil {
		return err
	}
	hosts, err := newTenantHosts(ctx, d, o.hosts)
	if err != nil {
		return err
	}
	portalURL := "https://" + hosts[0]
	if o.url != "" {
		var ok bool
		if portalURL, ok = tenant.NormalPortalURL(o.url); !ok {
			return fmt.Errorf("tenant add: --url %q is no portal address: write http:// or https:// and a host name, without a path (https://%s)", o.url, hosts[0])
		}
	}
	unreachable, err := tenant.Unreachable(ctx, d)
	if err != nil {
		return err
	}
	if len(unreachable) > 0 {
		return fmt.Errorf("tenant add: no host name yet for %s. While there is one portal every host name reaches it; once there are two, nobody reaches a portal without a host name of its own. Enter its host names in its back office first (Settings → Host names), then add the new portal",
			quoteNames(unreachable))
	}
	now := time.Now()
	var t tenant.Tenant
	err = d.InTx(ctx, func(tx *db.Tx) error {
		var err error
		if t, err = tenant.Create(ctx, tx, name, o.lang, tenant.Available, now); err != nil {
			return err
		}
		if err := tenant.SetHosts(ctx, tx, t.ID, hosts); err != nil {
			return err
		}
		if err := tenant.SetPortalURL(ctx, tx, t.ID, portalURL); err != nil {
			return err
		}
		t.PortalURL = portalURL
		return audit.Log(ctx, tx, t.ID, audit.Operator(systemAccount()), audit.SettingsChanged,
			"portal created: "+strings.Join(hosts, ", "), "", now)
	})
	var taken *tenant.HostTakenError
	if errors.As(err, &taken) { // another portal took it since the check
		return fmt.Errorf("tenant add: the host name %s belongs to another portal now; choose another", taken.Host)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Portal %q created, answering on %s; links in its mails point to %s.\n",
		t.Name, strings.Join(hosts, ", "), portalURL)
	return printSetupLink(ctx, d, out, t, portalURL)
}

// newTenantHosts checks the host names of a new portal: at least one, each a valid DNS
// name that no portal answers on yet.
func newTenantHosts(ctx context.Context, d *db.DB, raw []string) ([]string, error) {
	if len(raw) == 0 {
		return nil, errors.New("tenant add: give the new portal a host name with --host (e.g. --host portal.beta-service.de): with several portals, the host name decides which one a request reaches")
	}
	var hosts []string
	for _, h := range raw {
		n, ok := tenant.NormalHost(h)
		if !ok {
			return nil, fmt.Errorf("tenant add: --host %q is no host name: write the bare name, without http:// or a port (portal.example.com)", h)
		}
		owner, err := tenant.HostOwner(ctx, d, n)
		if err != nil {
			return nil, err
		}
		if owner != "" {
			return nil, fmt.Errorf("tenant add: the host name %s belongs to the portal %q already", n, owner)
		}
		hosts = append(hosts, n)
	}
	return hosts, nil
}

func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return "the portal " + strings.Join(q, ", the portal ")
}
