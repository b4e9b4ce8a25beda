package version

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestLong(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "sleuth " + Version + " (" + runtime.Version() + " " + platform + ")"},
		{"devel build", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"sleuth " + Version + " (go1.26.8 " + platform + ")"},
		{"vcs stamped", &debug.BuildInfo{GoVersion: "go1.26.8", Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d"},
			{Key: "vcs.modified", Value: "true"},
		}}, "sleuth " + Version + " (commit 1a2b3c4d5e6f, modified; go1.26.8 " + platform + ")"},
		{"installed at the matching tag", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v" + Version}},
			"sleuth " + Version + " (go1.26.8 " + platform + ")"},
		{"installed at a pseudo-version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.1.1-0.20260101000000-1a2b3c4d5e6f"}},
			"sleuth " + Version + " (module v0.1.1-0.20260101000000-1a2b3c4d5e6f; go1.26.8 " + platform + ")"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := long(tt.bi); got != tt.want {
				t.Errorf("long() = %q, want %q", got, tt.want)
			}
		})
	}
	if got := Long(); !strings.HasPrefix(got, "sleuth "+Version+" (") {
		t.Errorf("Long() = %q", got)
	}
}
