package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// prepareStaged sets up a --staged scan, the pre-commit mode: it returns
// the paths to load and fills opts.overlay with the staged contents of the
// Solidity files the index changes and opts.reportOnly with those files.
// The rest of the project is loaded from the work tree as context, so a
// finding that needs a base contract still sees it.
//
// Git costs a few milliseconds: one diff of the index lists the files and
// their blobs, one cat-file reads every blob. GIT_INDEX_FILE, which git
// sets for hooks of `git commit -a`, is honoured since git inherits the
// environment.
func prepareStaged(cmd *cobra.Command, opts *scanOptions, paths []string) ([]string, error) {
	start := "."
	if len(paths) > 0 {
		start = paths[0]
	}
	repo, err := findWorkTree(start)
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		paths = []string{repo.top}
	}
	// Every path must be inside the same work tree: the index being
	// scanned is that tree's.
	var within []string // repository-relative, "" for the top
	for _, p := range paths {
		rel, err := repo.relative(p)
		if err != nil {
			return nil, err
		}
		within = append(within, rel)
	}

	staged, err := repo.stagedSolidity()
	if err != nil {
		return nil, err
	}
	overlay, reportOnly := map[string][]byte{}, map[string]bool{}
	var blobs []stagedFile
	for _, f := range staged {
		if !underAny(f.path, within) {
			continue
		}
		abs := filepath.Join(repo.view, filepath.FromSlash(f.path))
		// The loader reads the overlay instead of the file but still
		// needs the file: a staged file deleted from the work tree is a
		// state the commit cannot be checked in.
		if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
			return nil, &exitError{code: ExitUsage,
				err:  fmt.Errorf("--staged: %s is staged but deleted from the work tree", f.path),
				hint: "restore it (git restore " + f.path + ") or stage the deletion (git rm --cached " + f.path + ")"}
		}
		blobs = append(blobs, f)
	}
	if len(blobs) == 0 {
		if !opts.quiet {
			fmt.Fprintln(cmd.ErrOrStderr(), "sleuth: no staged Solidity files; nothing to scan")
		}
		return nil, &exitError{code: ExitOK}
	}
	contents, err := repo.readBlobs(blobs)
	if err != nil {
		return nil, err
	}
	for i, f := range blobs {
		abs := filepath.Join(repo.view, filepath.FromSlash(f.path))
		overlay[abs] = contents[i]
		reportOnly[abs] = true
	}
	opts.overlay, opts.reportOnly = overlay, reportOnly
	if opts.verbose {
		fmt.Fprintf(cmd.ErrOrStderr(), "sleuth: --staged: %s staged in %s\n", plural(len(blobs), "Solidity file"), repo.top)
	}
	return paths, nil
}

// workTree is a git work tree as the scan sees it.
type workTree struct {
	// top is the work tree's top level as git reports it (symlinks
	// resolved); view is the same directory as the user's paths name it,
	// which is how the loader keys files.
	top, view string
}

// findWorkTree finds the git work tree that holds path.
func findWorkTree(path string) (*workTree, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, usageErrorf("--staged: %v", err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, usageErrorf("%s", statMessage(path, err))
	}
	dir := abs
	if !fi.IsDir() {
		dir = filepath.Dir(abs)
	}
	out, err := gitOutput(dir, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, usageErrorf("--staged needs a git work tree, and %s is not in one (%v)", path, err)
	}
	top := strings.TrimRight(string(out), "\n")
	if top == "" {
		return nil, usageErrorf("--staged needs a git work tree, and %s is in a bare repository", path)
	}
	top = filepath.FromSlash(top)
	// Find the top level as the user's path spells it: git resolves
	// symlinks (/tmp → /private/tmp), the loader does not.
	view := top
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		if rel, err := filepath.Rel(top, real); err == nil && !strings.HasPrefix(rel, "..") {
			view = dir
			if rel != "." {
				for range strings.Split(filepath.ToSlash(rel), "/") {
					view = filepath.Dir(view)
				}
			}
		}
	}
	return &workTree{top: top, view: view}, nil
}

// relative returns path relative to the work tree's top, with forward
// slashes ("" for the top itself), or an error when path is outside it.
func (w *workTree) relative(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", usageErrorf("--staged: %v", err)
	}
	rel, err := filepath.Rel(w.view, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", usageErrorf("--staged: %s is outside the git work tree %s", path, w.top)
	}
	if rel == "." {
		return "", nil
	}
	return filepath.ToSlash(rel), nil
}

// stagedFile is a file the index adds, copies, modifies or renames.
type stagedFile struct {
	path string // repository-relative, forward slashes
	blob string // the staged blob's object id
}

// stagedSolidity lists the .sol files whose staged version differs from
// HEAD (every staged .sol file in a repository without commits yet).
func (w *workTree) stagedSolidity() ([]stagedFile, error) {
	// --raw with full object ids gives each file's staged blob in the same
	// pass; --no-renames turns a rename into a deletion (filtered out) and
	// an addition under the new name. -z keeps odd names intact.
	args := []string{"diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--diff-filter=ACM", "--no-ext-diff"}
	if _, err := gitOutput(w.top, nil, "rev-parse", "--verify", "--quiet", "HEAD"); err != nil {
		// No commit yet: compare the index with the empty tree.
		emptyTree, err := gitOutput(w.top, nil, "hash-object", "-t", "tree", "--stdin")
		if err != nil {
			return nil, failuref("--staged: %v", err)
		}
		args = append(args, strings.TrimSpace(string(emptyTree)))
	}
	out, err := gitOutput(w.top, nil, args...)
	if err != nil {
		return nil, failuref("--staged: listing the staged files: %v", err)
	}
	return parseRawDiff(out)
}

// parseRawDiff reads `git diff --raw -z` output: for each file a header
// ":srcmode dstmode srcid dstid status" and a path, each NUL-terminated.
func parseRawDiff(out []byte) ([]stagedFile, error) {
	fields := bytes.Split(out, []byte{0})
	var files []stagedFile
	for i := 0; i+1 < len(fields); i += 2 {
		head := strings.Fields(strings.TrimPrefix(string(fields[i]), ":"))
		if len(head) != 5 {
			return nil, failuref("--staged: unexpected git diff output %q", fields[i])
		}
		path := string(fields[i+1])
		// Regular files only: a symlink's blob is its target's name and a
		// gitlink (160000) is a submodule commit, neither is source.
		if !strings.HasSuffix(path, ".sol") || (head[1] != "100644" && head[1] != "100755") {
			continue
		}
		files = append(files, stagedFile{path: path, blob: head[3]})
	}
	return files, nil
}

// readBlobs reads the blobs' contents with a single `git cat-file --batch`.
func (w *workTree) readBlobs(files []stagedFile) ([][]byte, error) {
	var in bytes.Buffer
	for _, f := range files {
		in.WriteString(f.blob + "\n")
	}
	out, err := gitOutput(w.top, &in, "cat-file", "--batch")
	if err != nil {
		return nil, failuref("--staged: reading the staged files: %v", err)
	}
	r := bufio.NewReader(bytes.NewReader(out))
	contents := make([][]byte, len(files))
	for i, f := range files {
		head, err := r.ReadString('\n')
		if err != nil {
			return nil, failuref("--staged: reading the staged %s: %v", f.path, err)
		}
		// "<oid> <type> <size>", or "<oid> missing".
		parts := strings.Fields(head)
		if len(parts) != 3 || parts[1] != "blob" {
			return nil, failuref("--staged: the staged %s cannot be read (git says %q)", f.path, strings.TrimSpace(head))
		}
		size, err := strconv.Atoi(parts[2])
		if err != nil {
			return nil, failuref("--staged: the staged %s cannot be read (git says %q)", f.path, strings.TrimSpace(head))
		}
		buf := make([]byte, size+1) // contents and a newline
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, failuref("--staged: reading the staged %s: %v", f.path, err)
		}
		contents[i] = buf[:size]
	}
	return contents, nil
}

// underAny reports whether the repository-relative path is one of dirs or
// below one of them ("" is the top, which holds everything).
func underAny(path string, dirs []string) bool {
	for _, d := range dirs {
		if d == "" || path == d || strings.HasPrefix(path, d+"/") {
			return true
		}
	}
	return false
}

// gitOutput runs a git command in dir and returns its standard output; the
// error carries git's own message.
func gitOutput(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	c := exec.Command("git", args...)
	c.Dir = dir
	c.Stdin = stdin
	var stderr bytes.Buffer
	c.Stderr = &stderr
	// A hook runs with GIT_DIR and friends set for the repository being
	// committed to; they are right for it, so they stay. Only the
	// pager and prompts must never kick in.
	c.Env = append(os.Environ(), "GIT_PAGER=cat", "GIT_TERMINAL_PROMPT=0")
	out, err := c.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("git is not installed or not on PATH")
		}
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(strings.TrimPrefix(msg, "fatal: "))
		}
		return nil, err
	}
	return out, nil
}
