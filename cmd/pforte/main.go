// Command pforte runs the Pforte customer portal; see internal/cli for the commands.
package main

import (
	"os"

	"pforte/internal/cli"
)

func main() { os.Exit(cli.Run(os.Args, os.Stdout, os.Stderr)) }
