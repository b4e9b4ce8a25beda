package report

import (
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/internal/version"
	"github.com/sleuth-sec/sleuth/parser/source"
)

// SARIF 2.1.0 is what code-scanning services read (GitHub's above all);
// docs/sarif.md describes how sleuth maps onto it. The document is built
// with go-sarif v3, the maintained successor of v2, and checked against
// the OASIS schema in the tests.

const (
	// sarifSchemaURI is the schema the output is validated against: the
	// OASIS 2.1.0 errata 01 schema.
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	informationURI = "https://github.com/sleuth-sec/sleuth"
	// detectorsDocURI is docs/detectors.md, whose per-detector headings are
	// the detector ids, so "#id" lands on the detector.
	detectorsDocURI = informationURI + "/blob/main/docs/detectors.md"
	// srcRoot is the uriBaseId every artifact location is relative to.
	srcRoot = "%SRCROOT%"

	// FingerprintKey is the partialFingerprints key that carries
	// Finding.ID. The id ignores line numbers, so a code-scanning service
	// matching on it keeps an alert's identity (and its dismissal) when
	// lines are inserted above it; the "/v1" versions the id's recipe.
	FingerprintKey = "sleuthFindingId/v1"
)

// WriteSARIF writes doc as a SARIF 2.1.0 log with one run: a rule per
// detector that ran (and per detector that reported without being
// described), a result per finding in file, line, column, detector order,
// and the diagnostics as tool execution notifications.
func WriteSARIF(w io.Writer, doc Document) error {
	log := sarif.NewReport()
	log.Schema = sarifSchemaURI

	run := sarif.NewRunWithInformationURI("sleuth", informationURI)
	run.Tool.Driver.WithVersion(version.Version).WithSemanticVersion(version.Version)
	// Our columns count Unicode code points; SARIF's default for text is
	// UTF-16 code units, which differ past U+FFFF.
	run.WithColumnKind("unicodeCodePoints")
	if doc.Root != "" {
		run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{
			srcRoot: *sarif.NewArtifactLocation().WithURI(rootURI(doc.Root)),
		})
	}

	findings := sortedFindings(doc.Findings)
	rules := sarifRules(&doc, findings)
	run.Tool.Driver.WithRules(rules)
	ruleIndex := map[string]int{}
	for i, r := range rules {
		ruleIndex[*r.ID] = i
	}
	for _, f := range findings {
		run.AddResult(sarifResult(f, ruleIndex[f.Detector]))
	}
	run.AddInvocation(sarifInvocation(doc))
	log.AddRun(run)

	return writePrunedJSON(w, log)
}

// sarifRules returns the rules sorted by id: every detector that ran, then
// a rule made from the finding itself for any detector that reported but
// was not described (a finding from a later stage, or a Document built
// without Detectors), so every result has a rule to point at.
func sarifRules(doc *Document, findings []analyzers.Finding) []*sarif.ReportingDescriptor {
	seen := map[string]bool{}
	rules := []*sarif.ReportingDescriptor{} // never null: the schema wants an array
	for _, a := range doc.Detectors {
		if a == nil || seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		rules = append(rules, sarifRule(a))
	}
	for _, f := range findings {
		if seen[f.Detector] {
			continue
		}
		seen[f.Detector] = true
		rules = append(rules, sarifRule(&analyzers.Analyzer{
			ID: f.Detector, Title: f.Title, Severity: f.Severity, Confidence: f.Confidence,
			Category: f.Category, SWC: f.SWC, CWE: f.CWE,
		}))
	}
	slices.SortFunc(rules, func(a, b *sarif.ReportingDescriptor) int { return strings.Compare(*a.ID, *b.ID) })
	return rules
}

func sarifRule(a *analyzers.Analyzer) *sarif.ReportingDescriptor {
	title := a.Title
	if title == "" {
		title = a.ID
	}
	r := sarif.NewRule(a.ID).
		WithName(ruleName(a.ID)).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(title)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(a.Severity)))
	if a.Description != "" {
		r.WithFullDescription(sarif.NewMultiformatMessageString().WithText(a.Description).WithMarkdown(a.Description))
	}
	if md := detectorBody(a, 2); md != "" {
		r.WithHelp(sarif.NewMultiformatMessageString().WithText(detectorText(a)).WithMarkdown(md))
		r.WithHelpURI(detectorsDocURI + "#" + a.ID)
	}

	props := sarif.NewPropertyBag()
	if s, ok := securitySeverity[a.Severity]; ok {
		props.Add("security-severity", s)
	}
	if p, ok := precision[a.Confidence]; ok {
		props.Add("precision", p)
	}
	props.WithTags(ruleTags(a))
	return r.WithProperties(props)
}

// securitySeverity is GitHub's "security-severity": a CVSS-like score as a
// string, which GitHub buckets back into critical (9.0+), high (7.0-8.9),
// medium (4.0-6.9) and low; each value sits inside its severity's bucket.
var securitySeverity = map[analyzers.Severity]string{
	analyzers.Critical: "9.5",
	analyzers.High:     "8.0",
	analyzers.Medium:   "5.5",
	analyzers.Low:      "3.0",
	analyzers.Info:     "1.0",
}

// precision maps confidence onto SARIF's precision vocabulary one to one;
// "very-high" stays unused until something (a replayed witness) can claim
// it for a whole rule.
var precision = map[analyzers.Confidence]string{
	analyzers.ConfidenceHigh:   "high",
	analyzers.ConfidenceMedium: "medium",
	analyzers.ConfidenceLow:    "low",
}

// ruleTags are "security", the category, the SWC id and the CWE ids, each
// CWE also in the "external/cwe/cwe-N" form GitHub links. GitHub lists
// rules tagged "security" as security alerts; gas advice and low-severity
// code-quality notes are not that, but a code-quality detector of medium
// severity or more (a hidden right-to-left override) is.
func ruleTags(a *analyzers.Analyzer) []string {
	var tags []string
	if a.Category != analyzers.CatGas && (a.Category != analyzers.CatCodeQuality || a.Severity.AtLeast(analyzers.Medium)) {
		tags = append(tags, "security")
	}
	if a.Category != "" {
		tags = append(tags, string(a.Category))
	}
	if a.SWC != "" {
		tags = append(tags, a.SWC)
	}
	for _, c := range a.CWE {
		tags = append(tags, c)
		if n, ok := strings.CutPrefix(strings.ToUpper(c), "CWE-"); ok {
			tags = append(tags, "external/cwe/cwe-"+n)
		}
	}
	// SARIF requires tags to be distinct.
	var out []string
	for _, t := range tags {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// ruleName is the id in PascalCase ("reentrancy-eth" → "ReentrancyEth"):
// SARIF wants a name that is an identifier, not a sentence.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// sarifLevel: error for critical and high, warning for medium, note for
// low and info.
func sarifLevel(s analyzers.Severity) string {
	switch s {
	case analyzers.Critical, analyzers.High:
		return sarif.LevelError
	case analyzers.Medium:
		return sarif.LevelWarning
	}
	return sarif.LevelNote
}

func sarifResult(f analyzers.Finding, ruleIndex int) *sarif.Result {
	msg := f.Message
	if msg == "" {
		msg = f.Title
	}
	if msg == "" {
		msg = f.Detector
	}
	r := sarif.NewRuleResult(f.Detector).
		WithRuleIndex(ruleIndex).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(msg))

	primary := sarifLocation(f.Location)
	if ll := logicalLocation(f.Location); ll != nil {
		primary.AddLogicalLocation(ll)
	}
	r.AddLocation(primary)

	for i, rel := range f.Related {
		loc := sarifLocation(rel.Location).WithID(i + 1)
		if rel.Message != "" {
			loc.WithMessage(sarif.NewTextMessage(rel.Message))
		}
		r.AddRelatedLocation(loc)
	}
	if flow := codeFlow(f, msg); flow != nil {
		r.AddCodeFlow(flow)
	}
	if f.ID != "" {
		r.WithPartialFingerprints(map[string]string{FingerprintKey: f.ID})
	}

	props := sarif.NewPropertyBag()
	props.Add("severity", f.Severity)
	props.Add("confidence", f.Confidence)
	if f.Symbolic != nil {
		props.Add("symbolic", f.Symbolic)
	}
	if f.Triage != nil {
		props.Add("triage", f.Triage)
	}
	// A person's "false positive" is what SARIF calls an external
	// suppression, which code-scanning services show as dismissed; other
	// reviews are information, kept in the properties.
	if rv := f.Review; rv != nil {
		if rv.Status == analyzers.ReviewFalsePositive {
			sup := sarif.NewSuppression().WithKind("external").WithStatus("accepted")
			if rv.Note != "" {
				sup.WithJustification(rv.Note)
			}
			r.AddSuppression(sup)
		} else {
			props.Add("review", rv)
		}
	}
	return r.WithProperties(props)
}

// codeFlow turns a finding with two or more related locations into one
// thread flow: the primary location, then the related ones in the
// detector's order. Detectors list related statements in execution order
// (the call, then the state written after it), so a viewer can step
// through them; a single related location is no path and gets none.
func codeFlow(f analyzers.Finding, msg string) *sarif.CodeFlow {
	if len(f.Related) < 2 {
		return nil
	}
	tf := sarif.NewThreadFlow()
	tf.AddLocation(sarif.NewThreadFlowLocation().WithLocation(sarifLocation(f.Location).WithMessage(sarif.NewTextMessage(msg))))
	for _, rel := range f.Related {
		loc := sarifLocation(rel.Location)
		if rel.Message != "" {
			loc.WithMessage(sarif.NewTextMessage(rel.Message))
		}
		tf.AddLocation(sarif.NewThreadFlowLocation().WithLocation(loc))
	}
	return sarif.NewCodeFlow().AddThreadFlow(tf)
}

// sarifLocation is a physical location relative to %SRCROOT%, with as
// much of the region as the location has.
func sarifLocation(l analyzers.Location) *sarif.Location {
	loc := sarif.NewLocation()
	if l.File == "" {
		return loc
	}
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(
		sarif.NewSimpleArtifactLocation(relativeURI(l.File)).WithURIBaseID(srcRoot))
	if l.StartLine > 0 {
		reg := sarif.NewRegion().WithStartLine(l.StartLine)
		if l.StartColumn > 0 {
			reg.WithStartColumn(l.StartColumn)
		}
		if l.EndLine >= l.StartLine {
			reg.WithEndLine(l.EndLine)
			if l.EndColumn > 0 && (l.EndLine > l.StartLine || l.EndColumn >= l.StartColumn) {
				reg.WithEndColumn(l.EndColumn)
			}
		}
		phys.WithRegion(reg)
	}
	return loc.WithPhysicalLocation(phys)
}

// logicalLocation names the innermost declaration around a location: the
// function, fully qualified with its contract, or else the contract.
// SARIF's logicalLocations lists alternative names for one place, not a
// nesting, so one entry carries both through fullyQualifiedName.
func logicalLocation(l analyzers.Location) *sarif.LogicalLocation {
	switch {
	case l.Function != "":
		fq := l.Function
		if l.Contract != "" {
			fq = l.Contract + "." + l.Function
		}
		return sarif.NewLogicalLocation().WithName(l.Function).WithFullyQualifiedName(fq).WithKind("function")
	case l.Contract != "":
		return sarif.NewLogicalLocation().WithName(l.Contract).WithFullyQualifiedName(l.Contract).WithKind("type")
	}
	return nil
}

// sarifInvocation records whether the analysis ran to completion and the
// diagnostics (syntax errors, unresolved imports) as notifications.
func sarifInvocation(doc Document) *sarif.Invocation {
	inv := sarif.NewInvocation().WithExecutionSuccessful(doc.Failure == "")
	for _, d := range sortedDiagnostics(doc.Diagnostics) {
		n := sarif.NewNotification().WithLevel(notificationLevel(d.Severity)).WithMessage(sarif.NewTextMessage(d.Message))
		if d.File != "" {
			n.AddLocation(sarifLocation(analyzers.Location{File: d.File, StartLine: d.Line, StartColumn: d.Column}))
		}
		inv.AddToolExecutionNotification(n)
	}
	if doc.Failure != "" {
		inv.AddToolExecutionNotification(sarif.NewNotification().WithLevel(sarif.LevelError).
			WithMessage(sarif.NewTextMessage(doc.Failure)))
	}
	if !doc.Generated.IsZero() {
		inv.WithEndTimeUtc(doc.Generated.UTC().Format(time.RFC3339))
	}
	return inv
}

func notificationLevel(s source.Severity) string {
	switch s {
	case source.Error:
		return sarif.LevelError
	case source.Warning:
		return sarif.LevelWarning
	}
	return sarif.LevelNote
}

// rootURI is the file URI of the scanned root with the trailing slash
// SARIF requires of a base URI ("file:///home/me/proj/",
// "file:///C:/proj/").
func rootURI(root string) string {
	p := filepath.ToSlash(root)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// relativeURI escapes a root-relative path as a relative URI reference
// ("src/My Token.sol" → "src/My%20Token.sol").
func relativeURI(path string) string {
	return (&url.URL{Path: path}).String()
}
