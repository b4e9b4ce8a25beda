// Command sleuth audits Solidity smart contracts. See README.md; the command
// line itself lives in internal/cli so that tests can drive it in-process.
package main

import (
	"os"
	"runtime/debug"

	"github.com/sleuth-sec/sleuth/internal/cli"
)

func main() {
	// A scan allocates many short-lived parse-tree objects and then exits:
	// collecting less often cuts the wall time of a scan of OpenZeppelin by
	// about a fifth for some 20 MB more memory (see `make bench`). GOGC set
	// by the user still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
