// Package cli is sleuth's command line: the commands and flags, the wiring of
// the stages, and the mapping of every outcome onto an exit code. main only
// calls Run, so tests drive the whole CLI in-process.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sleuth-sec/sleuth/internal/version"
)

// Exit codes, as DESIGN.md fixes them; CI pipelines branch on these.
const (
	ExitOK       = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on
	ExitUsage    = 2 // usage or configuration error
	ExitFailure  = 3 // the analysis could not run
)

// exitError carries an exit code to Run. A nil err means the message was
// already shown (or there is nothing to say) and only the code matters.
type exitError struct {
	code int
	err  error
	hint string // a second line telling the user what to do
	// seeHelp points the user at the command's --help: for errors about
	// the command line's shape, where the list of flags is the answer.
	// Errors about a value say what is valid themselves.
	seeHelp bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, args...)}
}

func failuref(format string, args ...any) error {
	return &exitError{code: ExitFailure, err: fmt.Errorf(format, args...)}
}

// Run executes the command line args (without the program name), writing
// the report to stdout and messages to stderr, and returns the exit code.
// It never panics: a bug anywhere below becomes a message and ExitFailure.
func Run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "sleuth: internal error: %v\n", r)
			fmt.Fprintln(stderr, "sleuth: this is a bug; please report it with the command you ran at https://github.com/sleuth-sec/sleuth/issues")
			if os.Getenv("SLEUTH_DEBUG") != "" {
				stderr.Write(debug.Stack())
			} else {
				fmt.Fprintln(stderr, "sleuth: set SLEUTH_DEBUG=1 to print the stack trace")
			}
			code = ExitFailure
		}
	}()

	root := newRootCommand(stdout, stderr)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if !errors.As(err, &ee) {
		// Everything cobra itself rejects (unknown command, wrong argument
		// count) is a usage error.
		ee = &exitError{code: ExitUsage, err: err, seeHelp: true}
	}
	if ee.err != nil {
		// Cobra's own messages ("Did you mean this?") end in a newline.
		fmt.Fprintf(stderr, "sleuth: %s\n", strings.TrimRight(ee.err.Error(), "\n"))
	}
	if ee.seeHelp {
		ee.hint = fmt.Sprintf("run '%s --help' for usage", cmd.CommandPath())
	}
	if ee.hint != "" {
		fmt.Fprintf(stderr, "sleuth: %s\n", ee.hint)
	}
	return ee.code
}

func newRootCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "sleuth",
		Short: "Audit Solidity smart contracts",
		Long: `sleuth audits Solidity smart contracts: it parses every file of a project
(0.4 to the newest 0.8, no compiler needed) and reports findings and problems.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage or configuration error, 3 the analysis could not run.`,
		// `sleuth --version` says the same as `sleuth version`.
		Version: version.Long(),
		// Run reports errors itself, once, in its own words; cobra's usage
		// dump after every error buries the one line that matters.
		SilenceErrors: true,
		SilenceUsage:  true,
		// A bare `sleuth` is a usage error, as with go and git: show the help
		// where the user will see it and exit 2.
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(stderr)
			cmd.Help()
			return &exitError{code: ExitUsage}
		},
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: true},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &exitError{code: ExitUsage, err: withFlagSuggestion(cmd, err), seeHelp: true}
	})
	// --color is global: every command that writes to a terminal obeys it.
	colorMode := root.PersistentFlags().String("color", "auto", "colour output: "+colorModes+" (auto: on a terminal, unless NO_COLOR is set)")
	root.AddCommand(newScanCommand(colorMode), newDetectorsCommand(), withFindingExplain(newExplainCommand(colorMode), colorMode), newVersionCommand())
	for _, c := range moreCommands {
		root.AddCommand(c(colorMode))
	}
	return root
}

// moreCommands are the commands built on top of scanning (the TUI, the
// GitHub integration, git hooks); each registers itself from its own file.
var moreCommands []func(colorMode *string) *cobra.Command

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print sleuth's version and build details",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), version.Long())
			return err
		},
	}
}
