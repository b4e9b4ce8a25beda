package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sleuth-sec/sleuth/report"
)

var updateExamples = flag.Bool("update-examples", false, "rewrite the golden scans of examples/")

// timings are the only parts of a scan's output that vary between runs.
var timings = []*regexp.Regexp{
	regexp.MustCompile(`\b\d+ ms\b`),
	regexp.MustCompile(`("durationMs"|"parse"|"analyze"|"symbolic"|"llm"): \d+`),
	regexp.MustCompile(`\b\d+(\.\d+)? ?(ms|s)\)`),
}

func normalise(b []byte) []byte {
	for _, re := range timings {
		b = re.ReplaceAllFunc(b, func(m []byte) []byte {
			return regexp.MustCompile(`\d+(\.\d+)?`).ReplaceAll(m, []byte("0"))
		})
	}
	return b
}

// TestScanExamplesGolden scans examples/ end to end, in every format, and
// compares with the golden files in testdata/golden/: what a user sees when
// trying sleuth for the first time. Review diffs with -update-examples.
func TestScanExamplesGolden(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	t.Setenv("NO_COLOR", "1")
	for _, format := range []string{"text", "json", "sarif", "markdown"} {
		t.Run(format, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Run([]string{"scan", "--format", format, "--fail-on", "none", "../../examples/"}, &out, &errOut)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			got := normalise(out.Bytes())
			// The scan root is absolute in SARIF (originalUriBaseIds) and in
			// the Markdown scope; where the checkout lives must not matter.
			root, err := filepath.Abs(filepath.Join("..", "..", "examples"))
			if err != nil {
				t.Fatal(err)
			}
			got = bytes.ReplaceAll(got, []byte(root), []byte("$ROOT"))
			if format == "sarif" {
				validateAgainstSARIFSchema(t, out.Bytes())
			}
			golden := filepath.Join("..", "..", "testdata", "golden", "scan-examples."+format)
			if *updateExamples {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/cli -run TestScanExamplesGolden -update-examples)", err)
			}
			if !bytes.Equal(want, got) {
				t.Errorf("scan of examples/ (%s) differs from %s; rerun with -update-examples and review the diff", format, golden)
			}
		})
	}
}

func validateAgainstSARIFSchema(t *testing.T, sarif []byte) {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("SLEUTH_REQUIRE_SCHEMA") == "" {
			t.Skipf("SARIF schema not available: %v", err)
		}
		t.Fatalf("SLEUTH_REQUIRE_SCHEMA is set but the schema is missing: %v", err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(sarif))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("the SARIF of the examples/ scan does not validate: %v", err)
	}
}

// TestSARIFFingerprintsSurviveInsertedLines scans a copy of examples/ with
// the real detectors, inserts lines at the top of every file and scans
// again: every result keeps its partialFingerprints (so code scanning keeps
// an alert and its dismissal) while its line moves with the code.
func TestSARIFFingerprintsSurviveInsertedLines(t *testing.T) {
	dir := copyExamples(t)
	type result struct {
		RuleID              string            `json:"ruleId"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Locations           []struct {
			PhysicalLocation struct {
				ArtifactLocation struct {
					URI string `json:"uri"`
				} `json:"artifactLocation"`
				Region struct {
					StartLine int `json:"startLine"`
				} `json:"region"`
			} `json:"physicalLocation"`
		} `json:"locations"`
	}
	scan := func() map[string]result {
		t.Helper()
		var out, errb bytes.Buffer
		if code := Run([]string{"scan", "--format", "sarif", "--fail-on", "none", dir}, &out, &errb); code != ExitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		var log struct {
			Runs []struct {
				Results []result `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(out.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		byID := map[string]result{}
		for _, r := range log.Runs[0].Results {
			id := r.PartialFingerprints[report.FingerprintKey]
			if id == "" {
				t.Fatalf("a %s result has no fingerprint", r.RuleID)
			}
			if _, dup := byID[id]; dup {
				t.Fatalf("two results share the fingerprint %s", id)
			}
			byID[id] = r
		}
		return byID
	}
	before := scan()
	if len(before) < 5 {
		t.Fatalf("only %d results in the examples", len(before))
	}
	const inserted = "// SPDX-License-Identifier: MIT\n// Audited: see SECURITY.md\n\n"
	files, err := filepath.Glob(filepath.Join(dir, "*.sol"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, append([]byte(inserted), data...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	after := scan()
	if len(after) != len(before) {
		t.Errorf("%d results before the edit, %d after", len(before), len(after))
	}
	for id, b := range before {
		a, ok := after[id]
		if !ok {
			t.Errorf("%s at %s:%d lost its fingerprint %s", b.RuleID, b.Locations[0].PhysicalLocation.ArtifactLocation.URI,
				b.Locations[0].PhysicalLocation.Region.StartLine, id)
			continue
		}
		bl, al := b.Locations[0].PhysicalLocation.Region.StartLine, a.Locations[0].PhysicalLocation.Region.StartLine
		if a.RuleID != b.RuleID || al != bl+3 {
			t.Errorf("fingerprint %s: %s line %d before, %s line %d after (want %d)", id, b.RuleID, bl, a.RuleID, al, bl+3)
		}
	}
}
