package cli

import (
	"encoding/json"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/report"
	"github.com/sleuth-sec/sleuth/symbolic"
)

// registered lists the static detectors and engineDetectors the symbolic
// engine's own (`--symbolic`), which have docs but no Run; variables so
// tests can register fakes.
var (
	registered      = analyzers.All
	engineDetectors = func() []*analyzers.Analyzer { return symbolic.Detectors }
)

// documented is every detector a report can name.
func documented() []*analyzers.Analyzer {
	return append(slices.Clone(registered()), engineDetectors()...)
}

// lookup finds a documented detector by id.
func lookup(id string) *analyzers.Analyzer {
	for _, a := range documented() {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func detectorIDs() []string {
	var ids []string
	for _, a := range registered() {
		ids = append(ids, a.ID)
	}
	return ids
}

func newDetectorsCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "detectors",
		Short: "List the detectors",
		Long: `Detectors lists every detector: its id, severity, confidence, category and
title. --format markdown prints the full documentation (docs/detectors.md is
this output); --format json is the same as data, for tools.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			all := documented()
			switch format {
			case "text":
				return report.WriteDetectorsTable(w, all)
			case "markdown":
				return report.WriteDetectorsMarkdown(w, all)
			case "json":
				return writeDetectorsJSON(w, all)
			}
			return usageErrorf("unknown format %q (want text, markdown or json)", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, markdown or json")
	return cmd
}

// detectorJSON is a detector's metadata as `sleuth detectors --format
// json` writes it; field names follow the finding contract.
type detectorJSON struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	Severity       string   `json:"severity"`
	Confidence     string   `json:"confidence"`
	Category       string   `json:"category"`
	SWC            string   `json:"swc"`
	CWE            []string `json:"cwe"`
	Description    string   `json:"description"`
	Exploit        string   `json:"exploit"`
	Recommendation string   `json:"recommendation"`
}

func writeDetectorsJSON(w io.Writer, all []*analyzers.Analyzer) error {
	out := []detectorJSON{}
	for _, a := range all {
		cwe := a.CWE
		if cwe == nil {
			cwe = []string{}
		}
		out = append(out, detectorJSON{a.ID, a.Title, string(a.Severity), string(a.Confidence), string(a.Category),
			a.SWC, cwe, a.Description, a.Exploit, a.Recommendation})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func newExplainCommand(colorMode *string) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "explain DETECTOR",
		Short: "Explain a detector: what it finds, how it is exploited, how to fix it",
		Example: `  sleuth explain reentrancy-eth
  sleuth explain --format markdown tx-origin`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a := lookup(args[0])
			if a == nil {
				return unknownDetector(args[0], detectorIDs())
			}
			w := cmd.OutOrStdout()
			switch format {
			case "text":
				color, err := useColor(*colorMode, w)
				if err != nil {
					return err
				}
				return report.WriteExplain(w, a, color)
			case "markdown":
				return report.WriteDetectorMarkdown(w, a)
			}
			return usageErrorf("unknown format %q (want text or markdown)", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or markdown")
	return cmd
}
