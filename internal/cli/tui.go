package cli

import "github.com/spf13/cobra"

// runTUI shows a finished scan in the terminal UI. Placeholder until the
// TUI lands.
func runTUI(cmd *cobra.Command, p *pipeline, res *scanResult) error {
	return usageErrorf("--tui is not available yet")
}
