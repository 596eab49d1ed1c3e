package cli

import (
	"context"
	"fmt"
	"io"

	"pforte/internal/config"
)

func migrate(ctx context.Context, args []string, out io.Writer) error {
	cfg, err := config.Parse("migrate", args)
	if err != nil {
		return err
	}
	d, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := refreshSearch(ctx, d); err != nil {
		return err
	}
	fmt.Fprintf(out, "migrations applied (%s)\n", d.Engine())
	return nil
}
