package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"
)

// TestHookHelperProcess is not a test: the pre-commit hook runs it as
// `sleuth` (through a shim on PATH), so a real `git commit` drives the
// real CLI end to end without building a binary.
func TestHookHelperProcess(t *testing.T) {
	if os.Getenv("SLEUTH_HOOK_HELPER") != "1" {
		t.Skip("helper process for TestHookBlocksACommit")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(Run(args, os.Stdout, os.Stderr))
}

// hookSleuthShim puts a `sleuth` on PATH that runs this test binary's CLI.
func hookSleuthShim(t *testing.T) {
	t.Helper()
	bin := t.TempDir()
	script := "#!/bin/sh\nSLEUTH_HOOK_HELPER=1 exec '" + os.Args[0] + "' -test.run='^TestHookHelperProcess$' -- \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "sleuth"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func TestHookBlocksACommit(t *testing.T) {
	dir := gitTestRepo(t, map[string]string{"src/VaultBase.sol": stagedVaultBase, "src/Vault.sol": stagedVaultSafe})
	code, _, stderr := run(t, "hook", "install", dir)
	if code != ExitOK {
		t.Fatalf("install: exit %d\n%s", code, stderr)
	}
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	fi, err := os.Stat(hook)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&0o111 == 0 {
		t.Fatalf("hook mode %v is not executable", fi.Mode())
	}
	hookSleuthShim(t)

	// A vulnerable change is refused...
	writeWorkFile(t, dir, "src/Vault.sol", stagedVaultBug)
	gitRun(t, dir, "add", "src/Vault.sol")
	c := exec.Command("git", "commit", "-q", "-m", "introduce a bug")
	c.Dir = dir
	c.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := c.CombinedOutput()
	if err == nil {
		t.Fatalf("the commit went through despite a high-severity finding:\n%s", out)
	}
	if !strings.Contains(string(out), "reentrancy-eth") {
		t.Fatalf("the hook's output does not name the finding:\n%s", out)
	}
	// ...and a safe one goes through.
	writeWorkFile(t, dir, "src/Vault.sol", strings.Replace(stagedVaultSafe, "uint256 amount", "uint256 amt = 0; uint256 amount", 1))
	gitRun(t, dir, "add", "src/Vault.sol")
	gitRun(t, dir, "commit", "-q", "-m", "harmless change")
}

func TestHookInstallHonoursHooksPath(t *testing.T) {
	dir := gitTestRepo(t, map[string]string{"A.sol": cleanSol})
	gitRun(t, dir, "config", "core.hooksPath", ".githooks")
	code, _, stderr := run(t, "hook", "install", "--fail-on", "medium", dir)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".githooks", "pre-commit"))
	if err != nil {
		t.Fatalf("hook not in core.hooksPath: %v", err)
	}
	if !strings.Contains(string(data), "sleuth scan --staged --fail-on medium .") {
		t.Fatalf("hook does not run the staged scan:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "hooks", "pre-commit")); err == nil {
		t.Fatal("hook written to .git/hooks despite core.hooksPath")
	}
}

func TestHookInstallRefusesForeignHook(t *testing.T) {
	dir := gitTestRepo(t, map[string]string{"A.sol": cleanSol})
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	foreign := "#!/bin/sh\nmake lint\n"
	if err := os.WriteFile(hook, []byte(foreign), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "hook", "install", dir)
	if code != ExitUsage || !strings.Contains(stderr, "was not written by sleuth") || !strings.Contains(stderr, "--force") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if data, _ := os.ReadFile(hook); string(data) != foreign {
		t.Fatalf("foreign hook changed:\n%s", data)
	}
	// Its own hook sleuth replaces freely; a foreign one with --force.
	if code, _, stderr = run(t, "hook", "install", "--force", dir); code != ExitOK {
		t.Fatalf("--force: exit %d, %s", code, stderr)
	}
	if code, _, stderr = run(t, "hook", "install", dir); code != ExitOK {
		t.Fatalf("reinstall: exit %d, %s", code, stderr)
	}
	if data, _ := os.ReadFile(hook); !strings.Contains(string(data), hookMarker) {
		t.Fatalf("hook not replaced:\n%s", data)
	}
}

func TestHookInstallErrors(t *testing.T) {
	gitRequired(t)
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	if code, _, stderr := run(t, "hook", "install", dir); code != ExitUsage || !strings.Contains(stderr, "not in one") {
		t.Fatalf("outside a repository: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := run(t, "hook", "install", "--fail-on", "severe", dir); code != ExitUsage || !strings.Contains(stderr, "--fail-on") {
		t.Fatalf("bad --fail-on: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := run(t, "hook"); code != ExitUsage {
		t.Fatalf("bare hook: exit %d", code)
	}
}

// TestPreCommitHookDefinition checks .pre-commit-hooks.yaml: the fields
// pre-commit requires, and that its entry, run the way pre-commit runs it
// (from the top of the work tree, no file names appended), scans the
// staged files.
func TestPreCommitHookDefinition(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID            string `yaml:"id"`
		Name          string `yaml:"name"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		Files         string `yaml:"files"`
		PassFilenames *bool  `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	if len(hooks) != 1 {
		t.Fatalf("%d hooks, want 1", len(hooks))
	}
	h := hooks[0]
	if h.ID != "sleuth" || h.Name == "" || h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames {
		t.Fatalf("hook %+v: want id sleuth, a name, language golang, pass_filenames false", h)
	}
	if !regexp.MustCompile(h.Files).MatchString("src/Vault.sol") || regexp.MustCompile(h.Files).MatchString("README.md") {
		t.Fatalf("files %q does not select Solidity files", h.Files)
	}
	argv := strings.Fields(h.Entry)
	if argv[0] != "sleuth" {
		t.Fatalf("entry %q does not run sleuth", h.Entry)
	}

	dir := gitTestRepo(t, map[string]string{"src/VaultBase.sol": stagedVaultBase, "src/Vault.sol": stagedVaultSafe})
	writeWorkFile(t, dir, "src/Vault.sol", stagedVaultBug)
	gitRun(t, dir, "add", "src/Vault.sol")
	t.Chdir(dir)
	if code, stdout, stderr := run(t, argv[1:]...); code != ExitFindings || !strings.Contains(stdout, "reentrancy-eth") {
		t.Fatalf("entry %q: exit %d\n%s\n%s", h.Entry, code, stdout, stderr)
	}
}
