package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// unknownDetector words the error for a detector id that is not
// registered, with the closest registered id when one is close enough.
func unknownDetector(id string, known []string) error {
	switch {
	case len(known) == 0:
		return usageErrorf("unknown detector %q (no detectors are registered)", id)
	case suggest(id, known) != "":
		return usageErrorf("unknown detector %q (did you mean %q?)", id, suggest(id, known))
	}
	return usageErrorf("unknown detector %q (run 'sleuth detectors' for the list)", id)
}

// suggest returns the candidate closest to name by edit distance, if it
// is within a third of name's length (at least 2 edits), or one that
// contains name ("reentrancy" → "reentrancy-eth"); "" otherwise. Ties go
// to the alphabetically first, so the hint is stable.
func suggest(name string, candidates []string) string {
	best, bestScore := "", -1
	limit := max(2, len(name)/3)
	for _, c := range candidates {
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if d > limit && !(len(name) >= 3 && strings.Contains(c, strings.ToLower(name))) {
			continue
		}
		if bestScore < 0 || d < bestScore || (d == bestScore && c < best) {
			best, bestScore = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes
// (detector ids are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// listOf is "a, b or c".
func listOf(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return fmt.Sprintf("%s or %s", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}

// withFlagSuggestion adds the closest flag of cmd to pflag's "unknown
// flag: --fromat", as cobra does for unknown commands: "unknown flag:
// --fromat (did you mean --format?)". Other errors pass unchanged.
func withFlagSuggestion(cmd *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok || name == "" {
		return err
	}
	var known []string
	add := func(f *pflag.Flag) {
		if !f.Hidden {
			known = append(known, f.Name)
		}
	}
	cmd.Flags().VisitAll(add)
	cmd.InheritedFlags().VisitAll(add)
	if s := suggest(name, known); s != "" {
		return fmt.Errorf("%w (did you mean --%s?)", err, s)
	}
	return err
}
