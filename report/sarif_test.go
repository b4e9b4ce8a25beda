package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/version"
)

// sarifSchema compiles the official SARIF 2.1.0 schema, kept beside the
// repository at ../shared/schemas. Without it the test skips, unless
// SLEUTH_REQUIRE_SCHEMA is set (CI sets it), so a missing schema cannot
// pass unnoticed there.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join(moduleRoot(t), "..", "shared", "schemas", "sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("SLEUTH_REQUIRE_SCHEMA") == "" {
			t.Skipf("SARIF schema not available (%v); set SLEUTH_REQUIRE_SCHEMA=1 to make this a failure", err)
		}
		t.Fatalf("SLEUTH_REQUIRE_SCHEMA is set but the SARIF schema is missing: %v", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri and uri-reference formats are part of the contract
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, doc Document) map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSARIF(&b, doc); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v\n%s", err, b.String())
	}
	var out map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSARIFSchemaEmptyRun(t *testing.T) {
	log := validateSARIF(t, sarifSchema(t), Document{})
	run := log["runs"].([]any)[0].(map[string]any)
	// GitHub rejects a run without a results array, even an empty one.
	if res, ok := run["results"].([]any); !ok || len(res) != 0 {
		t.Errorf("results = %#v, want []", run["results"])
	}
	if _, ok := run["originalUriBaseIds"]; ok {
		t.Error("no root, so no originalUriBaseIds")
	}
	inv := run["invocations"].([]any)[0].(map[string]any)
	if inv["executionSuccessful"] != true {
		t.Errorf("invocation = %v", inv)
	}
}

func TestSARIFSchemaEveryFeature(t *testing.T) {
	doc := goldenDoc(t)
	doc.Failure = "none of the files in scope could be parsed"
	log := validateSARIF(t, sarifSchema(t), doc)
	if log["version"] != "2.1.0" {
		t.Errorf("version = %v", log["version"])
	}
	run := log["runs"].([]any)[0].(map[string]any)
	inv := run["invocations"].([]any)[0].(map[string]any)
	if inv["executionSuccessful"] != false {
		t.Error("a Failure must make executionSuccessful false")
	}
	if n := len(inv["toolExecutionNotifications"].([]any)); n != 4 {
		t.Errorf("%d notifications, want 3 diagnostics and the failure", n)
	}
}

// TestSARIFMapping checks the fields code-scanning services act on.
func TestSARIFMapping(t *testing.T) {
	doc := goldenDoc(t)
	var b bytes.Buffer
	if err := WriteSARIF(&b, doc); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID, Name             string
						ShortDescription     struct{ Text string }
						FullDescription      *struct{ Text, Markdown string }
						Help                 *struct{ Text, Markdown string }
						HelpURI              string
						DefaultConfiguration struct{ Level string }
						Properties           map[string]any
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				RuleID              string
				RuleIndex           int
				Level               string
				Message             struct{ Text string }
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
					LogicalLocations []struct{ Name, FullyQualifiedName, Kind string }
				}
				RelatedLocations []struct {
					ID      int
					Message struct{ Text string }
				}
				CodeFlows  []struct{ ThreadFlows []struct{ Locations []any } }
				Properties map[string]any
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "sleuth" || d.Version != version.Version || !strings.HasPrefix(d.InformationURI, "https://") {
		t.Errorf("driver = %s %s %s", d.Name, d.Version, d.InformationURI)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///home/auditor/project/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}

	// One rule per detector that ran, plus integer-overflow, which
	// reported without being described; sorted by id.
	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
	}
	if want := "integer-overflow low-level-calls reentrancy-eth solc-version suicidal tx-origin weak-prng"; strings.Join(ids, " ") != want {
		t.Errorf("rules = %v, want %s", ids, want)
	}
	rule := d.Rules[2]
	if rule.Name != "ReentrancyEth" || rule.ShortDescription.Text != fakeDetectors()[0].Title || rule.DefaultConfiguration.Level != "error" {
		t.Errorf("rule = %+v", rule)
	}
	if rule.FullDescription == nil || !strings.HasPrefix(rule.FullDescription.Text, "An external call") {
		t.Errorf("fullDescription = %+v", rule.FullDescription)
	}
	for _, part := range []string{"## Description", "## Exploit scenario", "## Recommendation", "checks-effects-interactions"} {
		if rule.Help == nil || !strings.Contains(rule.Help.Markdown, part) {
			t.Errorf("help.markdown lacks %q", part)
		}
	}
	if rule.Help == nil || strings.Contains(rule.Help.Text, "##") || !strings.Contains(rule.Help.Text, "Exploit scenario") {
		t.Errorf("help.text = %+v", rule.Help)
	}
	if !strings.HasSuffix(rule.HelpURI, "docs/detectors.md#reentrancy-eth") {
		t.Errorf("helpUri = %s", rule.HelpURI)
	}
	if rule.Properties["security-severity"] != "8.0" || rule.Properties["precision"] != "high" {
		t.Errorf("properties = %v", rule.Properties)
	}
	if tags := jsonList(rule.Properties["tags"]); tags != "security reentrancy SWC-107 CWE-841 external/cwe/cwe-841" {
		t.Errorf("tags = %s", tags)
	}
	levels := map[string]string{}
	for _, r := range d.Rules {
		levels[r.ID] = r.DefaultConfiguration.Level + " " + r.Properties["security-severity"].(string)
	}
	for id, want := range map[string]string{"suicidal": "error 9.5", "tx-origin": "warning 5.5", "low-level-calls": "note 3.0", "solc-version": "note 1.0"} {
		if levels[id] != want {
			t.Errorf("%s: level and security-severity %q, want %q", id, levels[id], want)
		}
	}
	if tags := jsonList(d.Rules[1].Properties["tags"]); tags != "code-quality" {
		t.Errorf("a code-quality rule is not a security alert; tags = %s", tags)
	}

	var re *struct {
		RuleID              string
		RuleIndex           int
		Level               string
		Message             struct{ Text string }
		PartialFingerprints map[string]string
		Locations           []struct {
			PhysicalLocation struct {
				ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
				Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
			}
			LogicalLocations []struct{ Name, FullyQualifiedName, Kind string }
		}
		RelatedLocations []struct {
			ID      int
			Message struct{ Text string }
		}
		CodeFlows  []struct{ ThreadFlows []struct{ Locations []any } }
		Properties map[string]any
	}
	for i := range run.Results {
		r := &run.Results[i]
		if d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s points at rule %d, %s", r.RuleID, r.RuleIndex, d.Rules[r.RuleIndex].ID)
		}
		if r.RuleID == "reentrancy-eth" {
			re = r
		}
	}
	if re == nil {
		t.Fatal("no reentrancy-eth result")
	}
	loc := re.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "examples/EtherBank.sol" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
		loc.Region.StartLine != 32 || loc.Region.StartColumn != 23 || loc.Region.EndLine != 32 || loc.Region.EndColumn != 57 {
		t.Errorf("location = %+v", loc)
	}
	if ll := re.Locations[0].LogicalLocations; len(ll) != 1 || ll[0].FullyQualifiedName != "EtherBank.withdrawAll()" || ll[0].Kind != "function" {
		t.Errorf("logical locations = %+v", ll)
	}
	if re.Level != "error" || re.PartialFingerprints[FingerprintKey] == "" || len(re.PartialFingerprints) != 1 {
		t.Errorf("level %s, fingerprints %v", re.Level, re.PartialFingerprints)
	}
	if len(re.RelatedLocations) != 2 || re.RelatedLocations[0].ID != 1 || re.RelatedLocations[0].Message.Text != "state written after the call" {
		t.Errorf("related = %+v", re.RelatedLocations)
	}
	if len(re.CodeFlows) != 1 || len(re.CodeFlows[0].ThreadFlows[0].Locations) != 3 {
		t.Errorf("two related locations make a code flow of three steps: %+v", re.CodeFlows)
	}
	sym, _ := re.Properties["symbolic"].(map[string]any)
	tri, _ := re.Properties["triage"].(map[string]any)
	if sym["status"] != "confirmed" || sym["replayed"] != true || len(sym["witness"].([]any)) != 2 {
		t.Errorf("symbolic = %v", sym)
	}
	if tri["verdict"] != "true-positive" || tri["model"] != "qwen2.5-coder:7b" || tri["fix"] == "" {
		t.Errorf("triage = %v", tri)
	}
	for _, r := range run.Results {
		if r.RuleID == "suicidal" && len(r.CodeFlows) != 0 {
			t.Error("one related location is no flow")
		}
		if r.RuleID == "tx-origin" && r.Level != "warning" {
			t.Errorf("medium → warning, got %s", r.Level)
		}
	}
}

// TestSARIFNoSpecDefaults: go-sarif's -1 and [] defaults are pruned.
func TestSARIFNoSpecDefaults(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSARIF(&b, goldenDoc(t)); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`": -1`, `": []`, `"properties": {}`} {
		if strings.Contains(b.String(), bad) {
			t.Errorf("SARIF contains %s", bad)
		}
	}
}

func TestSARIFURIs(t *testing.T) {
	if got := rootURI("/home/me/my project"); got != "file:///home/me/my%20project/" {
		t.Errorf("rootURI = %s", got)
	}
	if got := rootURI(`C:/work/proj/`); got != "file:///C:/work/proj/" {
		t.Errorf("rootURI = %s", got)
	}
	if got := relativeURI("src/My Token#1.sol"); got != "src/My%20Token%231.sol" {
		t.Errorf("relativeURI = %s", got)
	}
}

func TestSARIFRegionClamps(t *testing.T) {
	// An end before the start is dropped rather than written backwards.
	l := sarifLocation(analyzers.Location{File: "a.sol", StartLine: 3, StartColumn: 9, EndLine: 3, EndColumn: 2})
	r := l.PhysicalLocation.Region
	if r.EndColumn != nil || r.EndLine == nil || *r.EndLine != 3 {
		t.Errorf("region = %+v", r)
	}
	l = sarifLocation(analyzers.Location{File: "a.sol"})
	if l.PhysicalLocation.Region != nil {
		t.Error("a file-level location has no region")
	}
}

func jsonList(v any) string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return strings.Join(out, " ")
}

// TestSARIFSchemaRejects makes sure the validation above can fail: a
// level outside SARIF's enum must not pass.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := sarifSchema(t)
	var b bytes.Buffer
	if err := WriteSARIF(&b, goldenDoc(t)); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(b.String(), `"level": "error"`, `"level": "fatal"`, 1)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(inst) == nil {
		t.Error("the schema accepted level \"fatal\"")
	}
}
