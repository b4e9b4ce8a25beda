// Package version says which sleuth this is. Version is the release number
// that reports carry (tool.version in the JSON contract); Long adds what the
// Go toolchain recorded about the build, for bug reports.
package version

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Version is sleuth's release number, bumped by hand at each release.
const Version = "0.1.0"

// Long is "sleuth 0.1.0" followed by the build's details when the binary
// carries them: "sleuth 0.1.0 (commit 1a2b3c4d5e6f, modified; go1.26.8 linux/amd64)".
func Long() string {
	bi, _ := debug.ReadBuildInfo()
	return long(bi)
}

// long is Long on given build info, so tests can feed it any.
func long(bi *debug.BuildInfo) string {
	var details []string
	goVersion := runtime.Version()
	if bi != nil {
		if bi.GoVersion != "" {
			goVersion = bi.GoVersion
		}
		// `go install …@v0.1.0` records the module version; a binary built
		// from a tag that disagrees with Version is worth seeing.
		if v := bi.Main.Version; v != "" && v != "(devel)" && strings.TrimPrefix(v, "v") != Version {
			details = append(details, "module "+v)
		}
		commit := setting(bi, "vcs.revision")
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if commit != "" {
			c := "commit " + commit
			if setting(bi, "vcs.modified") == "true" {
				c += ", modified"
			}
			details = append(details, c)
		}
	}
	details = append(details, goVersion+" "+runtime.GOOS+"/"+runtime.GOARCH)
	return "sleuth " + Version + " (" + strings.Join(details, "; ") + ")"
}

func setting(bi *debug.BuildInfo, key string) string {
	for _, s := range bi.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}
