package action

import (
	"fmt"
	"strconv"
	"strings"
)

// addedLines reads a file's patch as the pull-request files API returns it
// (unified diff hunks without the file header) and returns the lines of
// the new version the pull request added or changed: the only lines
// sleuth comments on, so a review never repeats what the base already had.
func addedLines(patch string) (map[int]bool, error) {
	added := map[int]bool{}
	line := 0 // the next line number on the new side; 0 before a hunk
	for _, l := range strings.Split(patch, "\n") {
		switch {
		case strings.HasPrefix(l, "@@"):
			n, err := hunkStart(l)
			if err != nil {
				return nil, err
			}
			line = n
		case line == 0:
			// Nothing before the first hunk header counts.
		case strings.HasPrefix(l, "+"):
			added[line] = true
			line++
		case strings.HasPrefix(l, "-"), strings.HasPrefix(l, `\`):
			// Removed lines and "\ No newline at end of file" take no
			// line on the new side.
		default:
			line++
		}
	}
	return added, nil
}

// hunkStart parses "@@ -a,b +c,d @@ …" and returns c.
func hunkStart(h string) (int, error) {
	fields := strings.Fields(h)
	if len(fields) < 4 || !strings.HasPrefix(fields[2], "+") {
		return 0, fmt.Errorf("malformed hunk header %q", h)
	}
	start, _, _ := strings.Cut(fields[2][1:], ",")
	n, err := strconv.Atoi(start)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("malformed hunk header %q", h)
	}
	// "+0,0" is an empty new side: nothing is added.
	return max(n, 1), nil
}
