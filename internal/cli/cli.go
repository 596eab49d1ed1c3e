// Package cli runs the pforte command: serve (default), migrate, demo, backup,
// restore, staff-login and version.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"pforte/internal/config"
)

// Version is set at build time with -ldflags "-X pforte/internal/cli.Version=…".
var Version = "dev"

// Run executes the subcommand in args (args[0] is the program name) and returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	cmd, rest := "serve", args[1:]
	if len(rest) > 0 && rest[0] != "" && rest[0][0] != '-' {
		cmd, rest = rest[0], rest[1:]
	} else if len(rest) > 0 && isHelp(rest[0]) { // "pforte --help": the commands, not serve's flags
		cmd = "help"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch cmd {
	case "serve":
		err = serve(ctx, rest, stdout)
	case "migrate":
		err = migrate(ctx, rest, stdout)
	case "demo":
		err = demoCmd(ctx, rest, stdout)
	case "backup":
		err = backupCmd(ctx, rest, stdout)
	case "restore":
		err = restoreCmd(ctx, rest, stdout)
	case "staff-login":
		err = staffLoginCmd(ctx, rest, stdout)
	case "tenant":
		err = tenantCmd(ctx, rest, stdout)
	case "version":
		if err = versionArgs(rest); err == nil {
			fmt.Fprintln(stdout, "pforte", version())
		}
	case "help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "pforte: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if ue := (*config.UsageError)(nil); errors.As(err, &ue) {
		// Asked for help: the flags, on standard output, and success. A command line
		// the flags cannot read: said once, with the flags, and exit code 2 like an
		// unknown command, so a script tells a typo from a failure.
		head := fmt.Sprintf("Usage: pforte %s [flags]%s\n\n", cmd, operands[cmd])
		if ue.Whole {
			head = ""
		}
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, head+ue.Usage)
			return 0
		}
		fmt.Fprintf(stderr, "pforte %s: %v\n\n%s%s", cmd, ue.Err, head, ue.Usage)
		return 2
	}
	if err != nil {
		printErr(stderr, err)
		return 1
	}
	return 0
}

// operands are what a command takes besides its flags, for its usage line.
var operands = map[string]string{"restore": " FILE"}

func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// versionArgs refuses arguments to "version", which takes none; -h says so.
func versionArgs(args []string) error {
	if len(args) == 0 {
		return nil
	}
	if isHelp(args[0]) {
		return &config.UsageError{Err: flag.ErrHelp, Usage: "Prints the version given at build time, else dev and the commit.\n"}
	}
	return &config.UsageError{Err: fmt.Errorf("unexpected argument %q (version takes none)", args[0])}
}

const usage = `Usage: pforte [command] [flags]

Commands:
  serve     run the portal (default)   flags: --addr :8080 --data ./data --demo
  migrate   apply database migrations   flags: --data ./data
  demo      load the demo data; --scale N adds N generated tickets   flags: --data ./data --scale 0 --seed 0
  backup    write database and files into one archive, while the portal runs   flags: --data ./data --out FILE [--overwrite]
  restore   read such an archive into an empty database (SQLite or PostgreSQL)   pforte restore [--data ./data] [--send-queued] FILE
  staff-login  print a one-time set-password link for a locked-out staff member   pforte staff-login EMAIL [--reset-2fa] [--reactivate] [--tenant HOST] [--data ./data]
               (ends their sessions; --reset-2fa also removes their two-factor sign-in; pforte staff-login -h tells more)
  tenant    list the portals of this installation, add one, print a first-administrator link
               pforte tenant list | add NAME --host HOST [--url URL] [--language LANG] | setup-link HOST   (pforte tenant -h tells more)
  version   print the version

Settings are also read from PFORTE_* environment variables; see README.md.
`
