package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// errHelpShown tells a command that parseInterleaved printed its usage for -h: the
// command ends there, successfully.
var errHelpShown = errors.New("help shown")

// parseInterleaved reads args into fs with flags before, between or after the operands
// ("staff-login anna@x --reset-2fa", "tenant add Beta --host b.example"): the flag
// package stops at the first operand, so it reads on after each one. It returns the
// operands; for -h it prints usage to out and returns errHelpShown, and a flag it
// cannot read is an error carrying usage, prefixed with the command's name.
func parseInterleaved(fs *flag.FlagSet, args []string, name, usage string, out io.Writer) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(out, usage)
			return nil, errHelpShown
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w\n\n%s", name, err, usage)
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest, args = append(rest, fs.Arg(0)), fs.Args()[1:]
	}
}
