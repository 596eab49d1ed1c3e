package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"pforte/internal/access"
	"pforte/internal/audit"
	"pforte/internal/config"
	"pforte/internal/db"
	"pforte/internal/staff"
	"pforte/internal/tenant"
)

const staffLoginUsage = `Usage: pforte staff-login EMAIL [--reset-2fa] [--reactivate] [--tenant HOST] [--data DIR]

Prints a one-time link (valid 1 hour) that sets a new password for the staff member
with EMAIL, for one locked out of the back office: the link "forgot password" mails,
printed here, so it works without a mail server and when the only administrator is
the one locked out. Their sessions end, earlier reset links stop working and failed
sign-ins of the address are forgotten. The audit log names the command line and the
system account that ran it.

  --reset-2fa    also remove their two-factor sign-in (authenticator and recovery
                 codes), when those are lost too; they set it up again after signing in
                 (at once where two-factor sign-in is required of staff)
  --reactivate   let a deactivated member in again; without it they are refused, as an
                 admin switched them off on purpose
  --tenant HOST  the portal answering on host name HOST (default: the default portal)
  --data DIR     data directory (PFORTE_DATA); PFORTE_DATABASE_URL selects PostgreSQL

The link starts with PFORTE_BASE_URL, else the portal address of Settings, else
http://localhost and the port of PFORTE_ADDR. PFORTE_BASE_URL is the default portal's:
another portal (--tenant) links to its own portal address first.
`

// staffLoginCmd is "pforte staff-login": the operator's way back in for a locked-out
// staff member (access.OperatorStaffLogin).
func staffLoginCmd(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("staff-login", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned; the usage is printed once, by Run
	data := fs.String("data", "", "data directory (PFORTE_DATA)")
	host := fs.String("tenant", "", "the portal answering on this host name")
	reset2FA := fs.Bool("reset-2fa", false, "also remove the two-factor sign-in")
	reactivate := fs.Bool("reactivate", false, "let a deactivated member in again")
	rest, err := parseInterleaved(fs, args, staffLoginUsage, out) // the address may stand first
	if errors.Is(err, errHelpShown) {
		return nil
	} else if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return fmt.Errorf("staff-login: name the staff member's email address\n\n%s", staffLoginUsage)
	case len(rest) > 1: // "name the address" read as if the one given were missing
		return usageErr(staffLoginUsage, "name one staff member's email address, not %d (%s)",
			len(rest), strings.Join(rest, " "))
	case !strings.Contains(rest[0], "@"):
		return fmt.Errorf("staff-login: %q is not an email address; name the staff member's email address\n\n%s", rest[0], staffLoginUsage)
	}
	email := strings.ToLower(strings.TrimSpace(rest[0]))
	cfg, err := dataConfig("staff-login", *data)
	if err != nil {
		return err
	}
	// A wrong --data must not create an empty database and then report an unknown address.
	if cfg.DatabaseURL == "" {
		if _, err := os.Stat(filepath.Join(cfg.DataDir, db.SQLiteFile)); err != nil {
			return fmt.Errorf("staff-login: no portal database in %s: name the data directory with --data (or PFORTE_DATA), or set PFORTE_DATABASE_URL", cfg.DataDir)
		}
	}
	d, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	t, err := operatorTenant(ctx, d, *host)
	if err != nil {
		return err
	}
	svc := &access.Service{DB: d, Now: time.Now}
	origin := linkOrigin(cfg, t)
	res, err := svc.OperatorStaffLogin(ctx, t, access.OperatorLogin{Email: email, ResetTwoFactor: *reset2FA,
		Reactivate: *reactivate, Actor: audit.Operator(systemAccount()), Origin: origin})
	switch {
	case errors.Is(err, access.ErrStaffUnknown):
		// A portal without any staff has nobody to let in again, and no back office
		// to look the address up in: its first administrator comes from serve's link.
		if members, lerr := staff.List(ctx, d, t.ID); lerr == nil && len(members) == 0 {
			return fmt.Errorf("staff-login: %s has no staff yet, so nobody to let in again: create the first administrator with the one-time link `pforte serve` prints when it starts (every start prints a fresh one)", portalName(t))
		}
		return fmt.Errorf("staff-login: %s has no staff member %s (staff are listed in the back office under Staff)", portalName(t), email)
	case errors.Is(err, access.ErrStaffInactive):
		return fmt.Errorf("staff-login: %s is deactivated in %s; an admin switched the account off. Run again with --reactivate to let them in again", email, portalName(t))
	case err != nil:
		return err
	}
	m := res.Member
	fmt.Fprintf(out, "Staff member %s <%s> (%s) of %s.\n", m.Name, m.Email, m.Role, portalName(t))
	if res.Reactivated {
		fmt.Fprintln(out, "The account was deactivated and is active again.")
	}
	switch {
	case *reset2FA && res.TOTPRemoved && t.Has(tenant.FeatureStaffTwoFactor):
		fmt.Fprintln(out, "Two-factor sign-in removed. The portal requires it of staff: after setting the password they are led to set it up again.")
	case *reset2FA && res.TOTPRemoved:
		fmt.Fprintln(out, "Two-factor sign-in removed; they can set it up again under My account.")
	case *reset2FA:
		fmt.Fprintln(out, "Two-factor sign-in was not on; nothing to remove.")
	case res.TOTPOn:
		fmt.Fprintln(out, "Two-factor sign-in stays on: the link's form asks for a code from their authenticator app or a recovery code, and the password changes only with the right one (--reset-2fa removes it).")
	}
	fmt.Fprintf(out, "Their sessions were ended. Open this one-time link to set a new password (valid 1 hour, until %s):\n  %s\n",
		res.Expires.Format("15:04 MST"), res.Link)
	if t.BaseURLFor(cfg.BaseURL) == "" && t.PortalURL == "" {
		fmt.Fprintln(out, "(Neither PFORTE_BASE_URL nor a portal address in Settings is set: on a remote server put its name in place of localhost.)")
	}
	return nil
}

// operatorTenant is the portal a command acts on: the default one, or the one answering
// on host. An unknown host is an error even on an installation with one portal (where
// the web falls back to it), so a typo never acts on another portal than named.
func operatorTenant(ctx context.Context, d *db.DB, host string) (tenant.Tenant, error) {
	if host == "" {
		t, err := tenant.Default(ctx, d)
		if errors.Is(err, db.ErrNotFound) {
			return t, errors.New("the database holds no portal yet: is --data (or PFORTE_DATA / PFORTE_DATABASE_URL) the one serve uses?")
		}
		return t, err
	}
	t, err := tenant.ForHost(ctx, d, host)
	if (err == nil && !t.ViaHost) || errors.Is(err, db.ErrNotFound) {
		return t, fmt.Errorf("no portal answers on host %q (host names are set in the back office under Settings)", host)
	}
	return t, err
}

// linkOrigin is where a printed link points, as for links in mails (web.Env.TenantOrigin):
// PFORTE_BASE_URL, the tenant's portal address, else the listen address on localhost.
func linkOrigin(cfg config.Config, t tenant.Tenant) string {
	return t.Origin(cfg.BaseURL, "http://localhost:"+portOf(cfg.Addr))
}

func portalName(t tenant.Tenant) string { return fmt.Sprintf("the portal %q", t.Name) }

// systemAccount is who ran the command, for the audit log: the account behind sudo
// when there is one, else the process's own.
func systemAccount() string {
	if s := os.Getenv("SUDO_USER"); s != "" {
		return s
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return fmt.Sprintf("uid%d", os.Getuid())
}
