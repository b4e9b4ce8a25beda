package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sleuth-sec/sleuth/internal/atomicfile"
	"github.com/sleuth-sec/sleuth/report"
)

// formats are the report formats, in the order help text lists them.
var formats = []string{"text", "json", "sarif", "markdown"}

// output is one report to write: a format and where it goes ("" for
// standard output).
type output struct {
	flag   string // the flag that asked for it, for messages
	format string
	path   string
	write  func(io.Writer, report.Document) error
	// rebase, for SARIF, is the directory the log's paths are relative
	// to (--sarif-root: the repository around a scanned subdirectory);
	// "" keeps the scanned root.
	rebase string
}

// planOutputs turns --format/--output and --json/--sarif/--markdown into
// the list of reports to write, checking every destination before the
// scan starts: a typo in a path costs nothing and exits 2.
func planOutputs(opts scanOptions, stdout io.Writer) ([]output, error) {
	color, err := useColor(opts.color, stdout)
	if err != nil {
		return nil, err
	}
	text := report.TextOptions{Quiet: opts.quiet, Verbose: opts.verbose}
	primary := output{flag: "--output", format: opts.format, path: opts.output}
	if opts.output == "" {
		// Colour only ever goes to the terminal, never into a file.
		text.Color = color
	}
	var outs []output
	if primary.write, err = writerFor(opts.format, text); err != nil {
		return nil, err
	}
	outs = append(outs, primary)
	for _, extra := range []struct{ flag, format, path string }{
		{"--json", "json", opts.jsonFile},
		{"--sarif", "sarif", opts.sarifFile},
		{"--markdown", "markdown", opts.markdownFile},
	} {
		if extra.path == "" {
			continue
		}
		w, _ := writerFor(extra.format, report.TextOptions{})
		outs = append(outs, output{flag: extra.flag, format: extra.format, path: extra.path, write: w})
	}

	if opts.sarifRoot != "" {
		fi, err := os.Stat(opts.sarifRoot)
		switch {
		case err != nil:
			return nil, usageErrorf("--sarif-root: %s", statMessage(opts.sarifRoot, err))
		case !fi.IsDir():
			return nil, usageErrorf("--sarif-root: not a directory: %s", opts.sarifRoot)
		}
		for i := range outs {
			if outs[i].format == "sarif" {
				outs[i].rebase = opts.sarifRoot
			}
		}
	}

	seen := map[string]string{}
	for _, o := range append(outs, output{flag: "--write-baseline", path: opts.writeBaseline}) {
		if o.path == "" {
			continue
		}
		if err := checkOutput(o.flag, o.path); err != nil {
			return nil, err
		}
		abs, _ := filepath.Abs(o.path)
		if other, dup := seen[abs]; dup {
			return nil, usageErrorf("%s and %s both write to %s", other, o.flag, o.path)
		}
		seen[abs] = o.flag
	}
	return outs, nil
}

func writerFor(format string, text report.TextOptions) (func(io.Writer, report.Document) error, error) {
	switch format {
	case "text":
		return text.Write, nil
	case "json":
		return report.WriteJSON, nil
	case "sarif":
		return report.WriteSARIF, nil
	case "markdown":
		return report.WriteMarkdown, nil
	}
	return nil, usageErrorf("unknown format %q (want %s)", format, listOf(formats))
}

// emit renders and writes one report. Files are replaced atomically, so a
// CI step that uploads a SARIF file never sees half of one.
func (o output) emit(stdout io.Writer, doc report.Document) error {
	if o.rebase != "" {
		var err error
		if doc, err = report.Rebase(doc, o.rebase); err != nil {
			return usageErrorf("--sarif-root: %v", err)
		}
	}
	var buf bytes.Buffer
	if err := o.write(&buf, doc); err != nil {
		return failuref("writing the %s report: %v", o.format, err)
	}
	if o.path == "" {
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			return failuref("writing the report: %v", err)
		}
		return nil
	}
	if err := writeFileAtomic(o.path, buf.Bytes()); err != nil {
		return failuref("%s: %v", o.flag, err)
	}
	return nil
}

// writeFileAtomic writes a report so that readers never see half of it.
var writeFileAtomic = atomicfile.Write

// checkOutput fails fast when a report file cannot be written, instead
// of after a long scan. It leaves the file itself alone until the report
// is ready.
func checkOutput(flag, name string) error {
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return usageErrorf("%s %s is a directory", flag, name)
	}
	dir := filepath.Dir(name)
	fi, err := os.Stat(dir)
	if err != nil {
		return usageErrorf("%s: %s", flag, statMessage(dir, err))
	}
	if !fi.IsDir() {
		return usageErrorf("%s: not a directory: %s", flag, dir)
	}
	return nil
}

// describeOutputs is "text to standard output, sarif to r.sarif", for
// --verbose.
func describeOutputs(outs []output) string {
	s := ""
	for i, o := range outs {
		if i > 0 {
			s += ", "
		}
		where := o.path
		if where == "" {
			where = "standard output"
		}
		s += fmt.Sprintf("%s to %s", o.format, where)
	}
	return s
}
