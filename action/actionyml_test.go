package action

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"go.yaml.in/yaml/v4"
)

// lint runs actionlint over the workflow files of a repository laid out
// in dir and returns its errors.
func lint(t *testing.T, dir string, files ...string) []*actionlint.Error {
	t.Helper()
	var out bytes.Buffer
	opts := &actionlint.LinterOptions{WorkingDir: dir}
	// shellcheck checks the run: scripts too, where it is installed.
	if _, err := exec.LookPath("shellcheck"); err == nil {
		opts.Shellcheck = "shellcheck"
	}
	l, err := actionlint.NewLinter(&out, opts)
	if err != nil {
		t.Fatal(err)
	}
	proj, err := actionlint.NewProject(dir)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := l.LintFiles(files, proj)
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestExampleWorkflowLints lints the example workflow with the action
// used from this checkout (uses: ./action): actionlint then also reads
// action.yml and checks the workflow's inputs against it.
func TestExampleWorkflowLints(t *testing.T) {
	example, err := os.ReadFile("examples/sleuth.yml")
	if err != nil {
		t.Fatal(err)
	}
	metadata, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(example, []byte("uses: sleuth-sec/sleuth/action@")) {
		t.Fatal("the example does not use the published action")
	}
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	local := bytes.Replace(example, []byte("uses: sleuth-sec/sleuth/action@main"), []byte("uses: ./action"), 1)
	wf := filepath.Join(dir, ".github", "workflows", "sleuth.yml")
	writeFile(t, wf, local)
	writeFile(t, filepath.Join(dir, "action", "action.yml"), metadata)
	for _, e := range lint(t, dir, wf) {
		t.Errorf("%s", e)
	}

	// The check can fail: an input action.yml does not declare is caught.
	bad := filepath.Join(dir, ".github", "workflows", "bad.yml")
	writeFile(t, bad, bytes.Replace(local, []byte("fail-on: high"), []byte("fail-on: high\n          no-such-input: x"), 1))
	errs := lint(t, dir, bad)
	if len(errs) == 0 || !strings.Contains(errs[0].Message, "no-such-input") {
		t.Fatalf("an undeclared input passed actionlint: %v", errs)
	}
}

// TestCompositeStepsLint lints action.yml's own steps: actionlint checks
// workflows, not composite actions, so the steps are put into a reusable
// workflow whose inputs are the action's. Expressions, contexts, the
// inputs of the actions used (setup-go, upload-sarif) and the steps'
// outputs are all checked that way.
func TestCompositeStepsLint(t *testing.T) {
	data, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Inputs  map[string]map[string]any `yaml:"inputs"`
		Outputs map[string]map[string]any `yaml:"outputs"`
		Runs    struct {
			Using string           `yaml:"using"`
			Steps []map[string]any `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &meta); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if meta.Runs.Using != "composite" || len(meta.Runs.Steps) == 0 {
		t.Fatalf("action.yml is not a composite action: %q", meta.Runs.Using)
	}
	for _, want := range []string{"path", "fail-on", "llm-model", "sarif", "comments", "version"} {
		if _, ok := meta.Inputs[want]; !ok {
			t.Errorf("action.yml lacks the input %q", want)
		}
	}
	checkUploadSarif(t, meta.Runs.Steps)
	inputs := map[string]any{}
	for name, in := range meta.Inputs {
		if in["description"] == nil {
			t.Errorf("input %q has no description", name)
		}
		def := in["default"]
		if s, ok := def.(string); ok && strings.Contains(s, "${{") {
			def = "" // workflow_call defaults cannot hold expressions
		}
		inputs[name] = map[string]any{"type": "string", "required": false, "default": def}
	}
	outputs := map[string]any{}
	for name, o := range meta.Outputs {
		v, _ := o["value"].(string)
		outputs[name] = map[string]any{"description": o["description"],
			"value": strings.ReplaceAll(v, "steps.scan.outputs.", "jobs.sleuth.outputs.")}
	}
	jobOutputs := map[string]string{}
	for name := range meta.Outputs {
		jobOutputs[name] = "${{ steps.scan.outputs." + name + " }}"
	}
	wf := map[string]any{
		"name": "composite steps of action.yml",
		"on":   map[string]any{"workflow_call": map[string]any{"inputs": inputs, "outputs": outputs}},
		"jobs": map[string]any{"sleuth": map[string]any{
			"runs-on": "ubuntu-latest", "outputs": jobOutputs, "steps": meta.Runs.Steps,
		}},
	}
	out, err := yaml.Marshal(wf)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	path := filepath.Join(dir, ".github", "workflows", "composite.yml")
	writeFile(t, path, out)
	for _, e := range lint(t, dir, path) {
		t.Errorf("%s", e)
	}
	if t.Failed() {
		t.Logf("the generated workflow:\n%s", out)
	}
}

// checkUploadSarif checks the upload step's inputs against those
// github/codeql-action/upload-sarif documents: actionlint does not know
// that action's inputs.
func checkUploadSarif(t *testing.T, steps []map[string]any) {
	t.Helper()
	documented := map[string]bool{"sarif_file": true, "category": true, "checkout_path": true, "ref": true, "sha": true,
		"token": true, "matrix": true, "wait-for-processing": true}
	for _, s := range steps {
		uses, _ := s["uses"].(string)
		if !strings.HasPrefix(uses, "github/codeql-action/upload-sarif@") {
			continue
		}
		with, _ := s["with"].(map[string]any)
		if with["sarif_file"] == nil {
			t.Error("the upload-sarif step has no sarif_file")
		}
		for k := range with {
			if !documented[k] {
				t.Errorf("the upload-sarif step passes %q, which the action does not document", k)
			}
		}
		return
	}
	t.Error("action.yml has no github/codeql-action/upload-sarif step")
}

// TestScanStepScript runs action.yml's scan step the way the runner does
// (bash -e -o pipefail) with a stand-in sleuth: the exit code must reach
// the step's outputs whatever it is, and the inputs must become the
// right command line.
func TestScanStepScript(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	data, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Runs struct {
			Steps []struct {
				ID  string `yaml:"id"`
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &meta); err != nil {
		t.Fatal(err)
	}
	var script string
	for _, s := range meta.Runs.Steps {
		if s.ID == "scan" {
			script = s.Run
		}
	}
	if script == "" {
		t.Fatal("no step with id scan")
	}
	for _, tc := range []struct {
		code                 int
		comments, model, min string
		wantArgs             string
	}{
		{1, "true", "", "", "github --fail-on high --sarif RT/sleuth.sarif --sarif-root WS --json RT/sleuth.json contracts"},
		{0, "false", "qwen2.5-coder:7b", "low", "scan --fail-on high --sarif RT/sleuth.sarif --sarif-root WS --json RT/sleuth.json --min-severity low --llm --model qwen2.5-coder:7b contracts"},
		{3, "true", "", "", "github --fail-on high --sarif RT/sleuth.sarif --sarif-root WS --json RT/sleuth.json contracts"},
	} {
		dir := t.TempDir()
		bin, temp := filepath.Join(dir, "bin"), filepath.Join(dir, "rt")
		os.Mkdir(temp, 0o755)
		os.Mkdir(bin, 0o755)
		fake := "#!/bin/sh\necho \"$@\" > " + filepath.Join(dir, "args") + "\nexit " + string(rune('0'+tc.code)) + "\n"
		if err := os.WriteFile(filepath.Join(bin, "sleuth"), []byte(fake), 0o755); err != nil {
			t.Fatal(err)
		}
		step := filepath.Join(dir, "step.sh")
		writeFile(t, step, []byte(script))
		output := filepath.Join(dir, "output")
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", step)
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "RUNNER_TEMP="+temp,
			"GITHUB_OUTPUT="+output, "GITHUB_WORKSPACE=WS", "SCAN_PATH=contracts", "FAIL_ON=high", "MIN_SEVERITY="+tc.min,
			"LLM_MODEL="+tc.model, "COMMENTS="+tc.comments)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("exit %d: the step failed: %v\n%s", tc.code, err, out)
		}
		args, _ := os.ReadFile(filepath.Join(dir, "args"))
		if got := strings.ReplaceAll(strings.TrimSpace(string(args)), temp, "RT"); got != tc.wantArgs {
			t.Errorf("sleuth %s\nwant   %s", got, tc.wantArgs)
		}
		outputs, _ := os.ReadFile(output)
		want := "exit-code=" + string(rune('0'+tc.code)) + "\nsarif-file=" + temp + "/sleuth.sarif\njson-file=" + temp + "/sleuth.json\n"
		if string(outputs) != want {
			t.Errorf("outputs:\n%s\nwant:\n%s", outputs, want)
		}
	}
}
