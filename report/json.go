package report

import (
	"bytes"
	"encoding/json"
	"io"
	"time"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/version"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// SchemaVersion is the version of the JSON contract; it changes only when a
// change would break an existing reader (docs/json.md).
const SchemaVersion = 1

// The wire types mirror docs/json.md field for field; Document stays a
// plain Go value and this is the only place that knows the encoding.
type jsonDocument struct {
	SchemaVersion int                 `json:"schemaVersion"`
	Tool          jsonTool            `json:"tool"`
	Findings      []jsonFinding       `json:"findings"`
	Diagnostics   []source.Diagnostic `json:"diagnostics"`
	Stats         jsonStats           `json:"stats"`
}

// jsonFinding is a Finding without its MarshalJSON method. That method
// encodes through json.Marshal, which escapes "<", ">" and "&" as \u003c
// and friends whatever the outer encoder says; messages quote Solidity
// ("solc < 0.8", "a && b"), so the report encodes the fields itself and
// keeps the method's one rule: lists are [] rather than null.
type jsonFinding analyzers.Finding

func jsonFindings(fs []analyzers.Finding) []jsonFinding {
	out := make([]jsonFinding, len(fs))
	for i, f := range fs {
		if f.CWE == nil {
			f.CWE = []string{}
		}
		if f.Related == nil {
			f.Related = []analyzers.Related{}
		}
		out[i] = jsonFinding(f)
	}
	return out
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonStats struct {
	Files      int        `json:"files"`
	Lines      int        `json:"lines"`
	DurationMs int64      `json:"durationMs"`
	Stages     jsonStages `json:"stages"`
}

// jsonStages encodes as an object whose keys keep pipeline order (parse
// before analyze), which a Go map would sort alphabetically.
type jsonStages []Stage

func (s jsonStages) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, st := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		name, err := json.Marshal(st.Name)
		if err != nil {
			return nil, err
		}
		b.Write(name)
		b.WriteByte(':')
		b.Write(ms(st.Duration))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func ms(d time.Duration) []byte {
	out, _ := json.Marshal(d.Milliseconds())
	return out
}

// WriteJSON writes doc as the versioned JSON report: two-space indentation,
// a trailing newline, findings sorted by location and detector, and empty
// lists as [] rather than null.
func WriteJSON(w io.Writer, doc Document) error {
	out := jsonDocument{
		SchemaVersion: SchemaVersion,
		Tool:          jsonTool{Name: "sleuth", Version: version.Version},
		Findings:      jsonFindings(sortedFindings(doc.Findings)),
		Diagnostics:   doc.Diagnostics,
		Stats: jsonStats{
			Files:      doc.Stats.Files,
			Lines:      doc.Stats.Lines,
			DurationMs: doc.Stats.Duration.Milliseconds(),
			Stages:     jsonStages(doc.Stats.Stages),
		},
	}
	if out.Diagnostics == nil {
		out.Diagnostics = []source.Diagnostic{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Messages quote Solidity source; "<" and "&" escaped as \u003c would
	// only make the report harder to read.
	enc.SetEscapeHTML(false)
	return enc.Encode(out) // Encode ends with the trailing newline
}
