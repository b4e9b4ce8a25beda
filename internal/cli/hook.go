package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

func init() { moreCommands = append(moreCommands, newHookCommand) }

// hookMarker identifies a hook sleuth wrote, so reinstalling replaces it
// while a hook someone else wrote is never overwritten unasked.
const hookMarker = "# installed by: sleuth hook install"

func newHookCommand(*string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hook",
		Short: "Manage the git pre-commit hook that scans staged Solidity files",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return &exitError{code: ExitUsage, err: errors.New("hook: name a subcommand (install)"), seeHelp: true}
		},
	}
	cmd.AddCommand(newHookInstallCommand())
	return cmd
}

func newHookInstallCommand() *cobra.Command {
	var force bool
	var failOn string
	cmd := &cobra.Command{
		Use:   "install [PATH]",
		Short: "Write a git pre-commit hook that runs 'sleuth scan --staged'",
		Long: `Install writes an executable pre-commit hook into the hooks directory of the
git repository holding PATH (default: the current directory), honouring
core.hooksPath. The hook runs 'sleuth scan --staged' on every commit: the
staged versions of the changed Solidity files are scanned with the rest of
the project as context, and findings at or above --fail-on stop the commit.
'git commit --no-verify' skips it once.

An existing hook that sleuth did not write is left alone unless --force.`,
		Example: `  sleuth hook install
  sleuth hook install --fail-on medium
  sleuth hook install --force`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := parseFailOn(failOn); err != nil {
				return err
			}
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			path, err := installHook(dir, failOn, force)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "sleuth: installed the pre-commit hook at %s\n", path)
			return nil
		},
	}
	cmd.Flags().BoolVarP(&force, "force", "f", false, "overwrite an existing pre-commit hook that sleuth did not write")
	cmd.Flags().StringVar(&failOn, "fail-on", "high", "stop the commit on staged findings at least this severe (critical, high, medium, low, info or none)")
	return cmd
}

// hookScript is the pre-commit hook. Git runs hooks at the top of the work
// tree, so "." is the whole project; sleuth is looked up on PATH at commit
// time, so upgrading sleuth needs no reinstall.
func hookScript(failOn string) []byte {
	return []byte(`#!/bin/sh
` + hookMarker + `
# Scans the staged Solidity files before every commit; 'git commit --no-verify' skips it.
if ! command -v sleuth >/dev/null 2>&1; then
	echo "sleuth pre-commit hook: sleuth is not on PATH (go install github.com/sleuth-sec/sleuth@latest)" >&2
	exit 1
fi
exec sleuth scan --staged --fail-on ` + failOn + ` .
`)
}

// installHook writes the hook for the repository holding dir and returns
// where it went.
func installHook(dir, failOn string, force bool) (string, error) {
	repo, err := findWorkTree(dir)
	if err != nil {
		return "", usageErrorf("hook install: %s", strings.TrimPrefix(err.Error(), "--staged needs a git work tree, and "))
	}
	// --git-path resolves hooks/ through core.hooksPath and worktrees the
	// way git itself will when it looks for the hook.
	out, err := gitOutput(repo.top, nil, "rev-parse", "--git-path", "hooks")
	if err != nil {
		return "", failuref("hook install: finding the hooks directory: %v", err)
	}
	hooks := filepath.FromSlash(strings.TrimRight(string(out), "\n"))
	if !filepath.IsAbs(hooks) {
		hooks = filepath.Join(repo.top, hooks)
	}
	path := filepath.Join(hooks, "pre-commit")
	old, err := os.ReadFile(path)
	switch {
	case err == nil && !bytes.Contains(old, []byte(hookMarker)) && !force:
		return "", &exitError{code: ExitUsage,
			err:  fmt.Errorf("hook install: %s already exists and was not written by sleuth", path),
			hint: "add 'sleuth scan --staged .' to it yourself, or run 'sleuth hook install --force' to replace it"}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return "", failuref("hook install: %v", err)
	}
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		return "", failuref("hook install: %v", err)
	}
	if err := writeFileAtomic(path, hookScript(failOn)); err != nil {
		return "", failuref("hook install: %v", err)
	}
	// Git skips a hook that is not executable, silently.
	if err := os.Chmod(path, 0o755); err != nil {
		return "", failuref("hook install: %v", err)
	}
	return path, nil
}
