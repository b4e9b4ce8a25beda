package cli

import "github.com/spf13/cobra"

// prepareStaged sets up a --staged scan: it returns the paths to load and
// fills opts.overlay (the staged contents) and opts.reportOnly (the changed
// files). Placeholder until the pre-commit mode lands.
func prepareStaged(cmd *cobra.Command, opts *scanOptions, paths []string) ([]string, error) {
	return nil, usageErrorf("--staged is not available yet")
}
