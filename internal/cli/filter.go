package cli

import (
	"errors"
	"os"
	"slices"
	"strings"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/report"
)

// selectDetectors applies --detectors (only these) and
// --exclude-detectors (all but these) to the registry. Every id named
// must exist: a typo that silently ran nothing would read as a clean
// scan.
func selectDetectors(all []*analyzers.Analyzer, only, exclude []string) ([]*analyzers.Analyzer, error) {
	known := map[string]bool{}
	var ids []string
	for _, a := range all {
		known[a.ID] = true
		ids = append(ids, a.ID)
	}
	for _, id := range append(slices.Clone(only), exclude...) {
		if !known[id] {
			return nil, unknownDetector(id, ids)
		}
	}
	var out []*analyzers.Analyzer
	for _, a := range all {
		if len(only) > 0 && !slices.Contains(only, a.ID) {
			continue
		}
		if slices.Contains(exclude, a.ID) {
			continue
		}
		out = append(out, a)
	}
	if len(out) == 0 && len(all) > 0 {
		return nil, usageErrorf("--detectors and --exclude-detectors leave no detector to run")
	}
	return out, nil
}

// idList cleans a comma-separated flag's values: trimmed, no empties.
func idList(values []string) []string {
	var out []string
	for _, v := range values {
		for _, id := range strings.Split(v, ",") {
			if id = strings.TrimSpace(id); id != "" {
				out = append(out, id)
			}
		}
	}
	return out
}

// keepSelected drops findings of detectors the user left out. Detectors
// only report for themselves, but later stages add findings too, and the
// selection must hold for those as well.
func keepSelected(fs []analyzers.Finding, only, exclude []string) []analyzers.Finding {
	if len(only) == 0 && len(exclude) == 0 {
		return fs
	}
	return slices.DeleteFunc(fs, func(f analyzers.Finding) bool {
		return (len(only) > 0 && !slices.Contains(only, f.Detector)) || slices.Contains(exclude, f.Detector)
	})
}

// hideFindings applies --min-severity and --baseline, counting what each
// hid so the summary can say so.
func hideFindings(fs []analyzers.Finding, minSev analyzers.Severity, base report.Baseline) ([]analyzers.Finding, []report.Hidden) {
	var hidden []report.Hidden
	if minSev != "" {
		n := len(fs)
		fs = slices.DeleteFunc(fs, func(f analyzers.Finding) bool { return !f.Severity.AtLeast(minSev) })
		hidden = append(hidden, report.Hidden{Reason: "below --min-severity " + string(minSev), Count: n - len(fs)})
	}
	if base != nil {
		n := len(fs)
		fs = slices.DeleteFunc(fs, func(f analyzers.Finding) bool { return base.Contains(f.ID) })
		hidden = append(hidden, report.Hidden{Reason: "in the baseline", Count: n - len(fs)})
	}
	return fs, hidden
}

// readBaseline loads --baseline; every problem with it is the user's to
// fix, so a usage error.
func readBaseline(path string) (report.Baseline, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
			return nil, usageErrorf("--baseline: %s", statMessage(path, err))
		}
		return nil, usageErrorf("--baseline: %v", err)
	}
	defer f.Close()
	b, err := report.ReadBaseline(f)
	if err != nil {
		return nil, usageErrorf("--baseline %s: %v", path, err)
	}
	return b, nil
}

// parseMinSeverity returns the threshold, or "" to show everything.
func parseMinSeverity(s string) (analyzers.Severity, error) {
	if s == "" {
		return "", nil
	}
	sev, err := analyzers.ParseSeverity(s)
	if err != nil {
		return "", usageErrorf("unknown --min-severity %q (want critical, high, medium, low or info)", s)
	}
	return sev, nil
}
