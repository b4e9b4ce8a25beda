package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// requireGit skips a test when git is missing, unless CI demands it.
func gitRequired(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("SLEUTH_REQUIRE_TMUX") != "" || os.Getenv("SLEUTH_REQUIRE_Z3") != "" {
			t.Fatalf("git is required here: %v", err)
		}
		t.Skip("git is not installed")
	}
}

// gitRepo makes a real git repository in a temporary directory with files
// committed, and returns its top level.
func gitTestRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	gitRequired(t)
	dir := tree(t, files)
	gitRun(t, dir, "init", "-q")
	gitRun(t, dir, "config", "user.name", "Sleuth Test")
	gitRun(t, dir, "config", "user.email", "test@example.com")
	gitRun(t, dir, "config", "commit.gpgsign", "false")
	if len(files) > 0 {
		gitRun(t, dir, "add", "-A")
		gitRun(t, dir, "commit", "-q", "-m", "initial")
	}
	return dir
}

func gitRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	c := exec.Command("git", args...)
	c.Dir = dir
	// The user's global configuration (hooks, signing) must not leak in.
	c.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func writeWorkFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// scanJSON runs a scan with a JSON report and decodes it.
func stagedScanJSON(t *testing.T, args ...string) (code int, doc map[string]any, stderr string) {
	t.Helper()
	code, out, stderr := run(t, append([]string{"scan", "--format", "json"}, args...)...)
	if out != "" {
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("bad JSON report: %v\n%s", err, out)
		}
	}
	return code, doc, stderr
}

func stagedFindings(doc map[string]any) []string {
	var got []string
	fs, _ := doc["findings"].([]any)
	for _, f := range fs {
		m := f.(map[string]any)
		loc := m["location"].(map[string]any)
		got = append(got, m["detector"].(string)+"@"+loc["file"].(string))
	}
	return got
}

const stagedVaultBase = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract VaultBase {
    mapping(address => uint256) public balances;
}
`

// stagedVaultBug inherits its state from VaultBase, which is not staged: the
// reentrancy is only visible with the rest of the project as context.
const stagedVaultBug = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./VaultBase.sol";

contract Vault is VaultBase {
    function withdraw() external {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        balances[msg.sender] = 0;
    }
}
`

const stagedVaultSafe = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./VaultBase.sol";

contract Vault is VaultBase {
    function withdraw() external {
        uint256 amount = balances[msg.sender];
        balances[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
    }
}
`

func TestStagedScansTheIndexNotTheWorkTree(t *testing.T) {
	dir := gitTestRepo(t, map[string]string{
		"src/VaultBase.sol": stagedVaultBase,
		"src/Vault.sol":     stagedVaultSafe,
		// Old.sol has the same bug, committed: not staged, not reported.
		"src/Old.sol": strings.ReplaceAll(stagedVaultBug, "contract Vault ", "contract Old "),
	})
	// The staged version is vulnerable; the work tree has been fixed
	// since. The commit is what --staged must judge.
	writeWorkFile(t, dir, "src/Vault.sol", stagedVaultBug)
	gitRun(t, dir, "add", "src/Vault.sol")
	writeWorkFile(t, dir, "src/Vault.sol", stagedVaultSafe)

	code, doc, stderr := stagedScanJSON(t, "--staged", "--detectors", "reentrancy-eth", dir)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFindings, stderr)
	}
	got := stagedFindings(doc)
	if len(got) != 1 || got[0] != "reentrancy-eth@src/Vault.sol" {
		t.Fatalf("findings = %v, want the staged Vault.sol's reentrancy only", got)
	}

	// Unstaged, the same work tree has nothing to say.
	gitRun(t, dir, "add", "src/Vault.sol")
	code, _, stderr = stagedScanJSON(t, "--staged", "--detectors", "reentrancy-eth", dir)
	if code != ExitOK || !strings.Contains(stderr, "no staged Solidity files") {
		t.Fatalf("exit %d, stderr %q; want 0 and a note that nothing is staged", code, stderr)
	}
}

func TestStagedNewFileInFreshRepository(t *testing.T) {
	// No commit at all yet: everything staged is new.
	dir := gitTestRepo(t, nil)
	writeWorkFile(t, dir, "VaultBase.sol", stagedVaultBase)
	writeWorkFile(t, dir, "Vault.sol", stagedVaultBug)
	writeWorkFile(t, dir, "notes.txt", "not solidity")
	gitRun(t, dir, "add", "Vault.sol", "notes.txt")
	// VaultBase.sol is untracked: context from the work tree, not reported.
	code, doc, stderr := stagedScanJSON(t, "--staged", "--detectors", "reentrancy-eth", dir)
	if code != ExitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if got := stagedFindings(doc); len(got) != 1 || got[0] != "reentrancy-eth@Vault.sol" {
		t.Fatalf("findings = %v", got)
	}
}

func TestStagedRenamedFileAndSubdirectoryPath(t *testing.T) {
	dir := gitTestRepo(t, map[string]string{"src/VaultBase.sol": stagedVaultBase, "src/A.sol": stagedVaultSafe, "other/B.sol": stagedVaultSafe})
	gitRun(t, dir, "mv", "src/A.sol", "src/Renamed.sol")
	writeWorkFile(t, dir, "src/Renamed.sol", stagedVaultBug)
	writeWorkFile(t, dir, "other/B.sol", stagedVaultBug)
	gitRun(t, dir, "add", "-A")
	// Only src/ is asked for: other/B.sol is staged but outside it.
	code, doc, stderr := stagedScanJSON(t, "--staged", "--detectors", "reentrancy-eth", filepath.Join(dir, "src"))
	if code != ExitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if got := stagedFindings(doc); len(got) != 1 || got[0] != "reentrancy-eth@Renamed.sol" {
		t.Fatalf("findings = %v", got)
	}
}

func TestStagedErrors(t *testing.T) {
	gitRequired(t)
	t.Run("not a repository", func(t *testing.T) {
		dir := tree(t, map[string]string{"A.sol": cleanSol})
		t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
		code, _, stderr := run(t, "scan", "--staged", dir)
		if code != ExitUsage || !strings.Contains(stderr, "--staged needs a git work tree") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("deleted from the work tree", func(t *testing.T) {
		dir := gitTestRepo(t, map[string]string{"A.sol": cleanSol})
		writeWorkFile(t, dir, "B.sol", cleanSol)
		gitRun(t, dir, "add", "B.sol")
		os.Remove(filepath.Join(dir, "B.sol"))
		code, _, stderr := run(t, "scan", "--staged", dir)
		if code != ExitUsage || !strings.Contains(stderr, "B.sol is staged but deleted from the work tree") ||
			!strings.Contains(stderr, "git rm --cached B.sol") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("path outside the repository", func(t *testing.T) {
		dir := gitTestRepo(t, map[string]string{"A.sol": cleanSol})
		outside := tree(t, map[string]string{"C.sol": cleanSol})
		code, _, stderr := run(t, "scan", "--staged", dir, outside)
		if code != ExitUsage || !strings.Contains(stderr, "is outside the git work tree") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("staged deletion is nothing to scan", func(t *testing.T) {
		dir := gitTestRepo(t, map[string]string{"A.sol": cleanSol, "B.sol": cleanSol})
		gitRun(t, dir, "rm", "-q", "B.sol")
		code, _, stderr := run(t, "scan", "--staged", dir)
		if code != ExitOK || !strings.Contains(stderr, "no staged Solidity files") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
}

func TestParseRawDiff(t *testing.T) {
	raw := ":000000 100644 0000000000000000000000000000000000000000 1111111111111111111111111111111111111111 A\x00src/New.sol\x00" +
		":100644 100644 2222222222222222222222222222222222222222 3333333333333333333333333333333333333333 M\x00odd name\n.sol\x00" +
		":000000 120000 0000000000000000000000000000000000000000 4444444444444444444444444444444444444444 A\x00link.sol\x00" +
		":100644 100644 5555555555555555555555555555555555555555 6666666666666666666666666666666666666666 M\x00README.md\x00"
	got, err := parseRawDiff([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	want := []stagedFile{{"src/New.sol", strings.Repeat("1", 40)}, {"odd name\n.sol", strings.Repeat("3", 40)}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %q, want %q", got, want)
	}
	if _, err := parseRawDiff([]byte("garbage\x00x.sol\x00")); err == nil {
		t.Fatal("malformed output accepted")
	}
}

// TestStagedIsFast measures a --staged scan of a project of typical size
// (40 files, one staged): the pre-commit budget is well under a second.
func TestStagedIsFast(t *testing.T) {
	files := map[string]string{"src/VaultBase.sol": stagedVaultBase}
	for i := range 40 {
		files[filepath.Join("src", "C"+strings.Repeat("x", i%5)+string(rune('a'+i%26))+string(rune('a'+i/26))+".sol")] =
			strings.ReplaceAll(stagedVaultSafe, "contract Vault ", "contract V"+string(rune('a'+i%26))+string(rune('a'+i/26))+" ")
	}
	dir := gitTestRepo(t, files)
	writeWorkFile(t, dir, "src/Vault.sol", stagedVaultBug)
	gitRun(t, dir, "add", "src/Vault.sol")
	best := time.Hour
	for range 3 {
		start := time.Now()
		code, _, stderr := run(t, "scan", "--staged", "--quiet", dir)
		if code != ExitFindings {
			t.Fatalf("exit %d; stderr:\n%s", code, stderr)
		}
		best = min(best, time.Since(start))
	}
	t.Logf("--staged on %d files: %v", len(files)+1, best)
	// Generous for -race on a loaded 2-core machine; without -race it is
	// a small fraction of this.
	if limit := 3 * time.Second; best > limit {
		t.Fatalf("--staged took %v, more than %v", best, limit)
	}
}
