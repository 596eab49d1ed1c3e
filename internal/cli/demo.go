package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"pforte/internal/config"
	"pforte/internal/db"
	"pforte/internal/demo"
	"pforte/internal/scale"
	"pforte/internal/tenant"
)

// demoCmd loads the demo tenant into an empty database and, with --scale N, fills the
// default tenant with N generated tickets for load tests.
func demoCmd(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	n := fs.Int("scale", 0, "add this many generated tickets (with companies and contacts) to the default tenant")
	seed := fs.Uint64("seed", 0, "random seed of the generated data (0: a new data set every run)")
	data := fs.String("data", "", "data directory (PFORTE_DATA)")
	if err := config.ParseFlags(fs, args); err != nil {
		return err
	}
	if err := config.ExtraOperands(fs, "demo", 0); err != nil {
		return err
	}
	if *n < 0 {
		return fmt.Errorf("demo: --scale must not be negative")
	}
	cfg, err := dataConfig("demo", *data)
	if err != nil {
		return err
	}
	d, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	t, err := tenant.Default(ctx, d)
	if errors.Is(err, db.ErrNotFound) {
		logins, lerr := demo.Load(ctx, d, time.Now())
		if lerr != nil && !errors.Is(lerr, demo.ErrNotEmpty) {
			return fmt.Errorf("demo: %w", lerr)
		}
		printLogins(out, cfg, logins)
		t, err = tenant.Default(ctx, d)
	} else if err == nil && *n == 0 {
		fmt.Fprintln(out, "The database is not empty; the demo data loads only into an empty one. Add tickets with --scale N.")
	}
	if err != nil || *n == 0 {
		return err
	}
	fmt.Fprintf(out, "Generating %d tickets for tenant %q (%s)…\n", *n, t.Name, d.Engine())
	res, err := scale.Run(ctx, d, t.ID, scale.Options{Tickets: *n, Password: demo.ContactPassword, Seed: *seed, Progress: out})
	if err != nil {
		return err
	}
	secs := res.Elapsed.Seconds()
	fmt.Fprintf(out, "\n%d tickets, %d messages, %d history entries, %d followers for %d companies and %d contacts in %s: %.0f tickets/s (%.0f rows/s).\n",
		res.Tickets, res.Messages, res.Events, res.Followers, res.Companies, res.Contacts, res.Elapsed.Round(time.Millisecond),
		float64(res.Tickets)/secs, float64(res.Tickets+res.Messages+res.Events+res.Followers)/secs)
	fmt.Fprintf(out, "\nCompany with most tickets: %s (%d tickets)\n", res.Main.Company, res.CompanyTickets)
	fmt.Fprintf(out, "Benchmark login: %s %s (main contact)\n", res.Main.Email, res.Main.Password)
	fmt.Fprintf(out, "Benchmark user: %s %s (user)\n", res.User.Email, res.User.Password)
	fmt.Fprintf(out, "Benchmark ticket: %d\n", res.TicketID)
	return nil
}
