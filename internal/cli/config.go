package cli

import (
	"github.com/spf13/cobra"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/config"
)

// applyConfig merges the sleuth.toml that applies to the first scanned
// path into the options. Flags given on the command line win; lists add
// up. It returns the severity overrides. A broken sleuth.toml is a usage
// error: the user must fix it before anything runs.
func applyConfig(cmd *cobra.Command, opts *scanOptions, paths []string) (map[string]analyzers.Severity, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	cfg, path, err := config.Load(paths[0])
	if err != nil {
		return nil, usageErrorf("%v", err)
	}
	if path == "" {
		return nil, nil
	}
	changed := cmd.Flags().Changed
	if !changed("fail-on") && cfg.Scan.FailOn != "" {
		opts.failOn = cfg.Scan.FailOn
	}
	if !changed("min-severity") && cfg.Scan.MinSeverity != "" {
		opts.minSeverity = cfg.Scan.MinSeverity
	}
	opts.exclude = append(opts.exclude, cfg.Scan.Exclude...)
	opts.includeTests = opts.includeTests || cfg.Scan.IncludeTests
	opts.includeDeps = opts.includeDeps || cfg.Scan.IncludeDeps
	if !changed("detectors") && len(cfg.Detectors.Enable) > 0 {
		opts.detectors = cfg.Detectors.Enable
	}
	opts.exclDetect = append(opts.exclDetect, cfg.Detectors.Disable...)
	overrides := map[string]analyzers.Severity{}
	for id, name := range cfg.Detectors.Severity {
		if analyzers.Lookup(id) == nil {
			return nil, usageErrorf("%s: [detectors.severity]: %v", path, unknownDetector(id, registeredIDs()))
		}
		sev, err := analyzers.ParseSeverity(name)
		if err != nil {
			return nil, usageErrorf("%s: [detectors.severity] %s: %v", path, id, err)
		}
		overrides[id] = sev
	}
	return overrides, nil
}

func registeredIDs() []string {
	var ids []string
	for _, a := range analyzers.All() {
		ids = append(ids, a.ID)
	}
	return ids
}
