package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"pforte/internal/config"
)

// errHelpShown tells a command that parseInterleaved printed its usage for -h: the
// command ends there, successfully.
var errHelpShown = errors.New("help shown")

// parseInterleaved reads args into fs with flags before, between or after the operands
// ("staff-login anna@x --reset-2fa", "tenant add Beta --host b.example"): the flag
// package stops at the first operand, so it reads on after each one. It returns the
// operands; for -h it prints usage to out and returns errHelpShown, and a flag it
// cannot read is a usage error (exit code 2).
func parseInterleaved(fs *flag.FlagSet, args []string, usage string, out io.Writer) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(out, usage)
			return nil, errHelpShown
		} else if err != nil {
			return nil, &config.UsageError{Err: err, Usage: usage, Whole: true}
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest, args = append(rest, fs.Arg(0)), fs.Args()[1:]
	}
}

// usageErr is a command line with an argument or flag the command does not take, said
// with the command's own usage text: Run ends it with exit code 2, as the README says,
// so a script tells a typo from a failure.
func usageErr(usage, format string, a ...any) error {
	return &config.UsageError{Err: fmt.Errorf(format, a...), Usage: usage, Whole: true}
}
