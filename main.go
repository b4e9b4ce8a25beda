// Command sleuth audits Solidity smart contracts. See README.md; the command
// line itself lives in internal/cli so that tests can drive it in-process.
package main

import (
	"os"

	"github.com/sleuth-sec/sleuth/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
