package compile_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sleuth-sec/sleuth/symbolic/compile"
	"github.com/sleuth-sec/sleuth/symbolic/compile/compiletest"
)

// BenchmarkCompile measures one Compile of each version's fixture with
// solc-js: mostly node starting and loading the emscripten compiler.
func BenchmarkCompile(b *testing.B) {
	for _, tc := range []struct{ dir, version string }{
		{"v04", "0.4.26"}, {"v05", "0.5.17"}, {"v07", "0.7.6"}, {"v08", "0.8.28"},
	} {
		b.Run(tc.version, func(b *testing.B) {
			proj := compiletest.Load(b, filepath.Join(compiletest.ModuleRoot(b), "testdata", "compile", tc.dir))
			opts := compiletest.Options(b, tc.version)
			for b.Loop() {
				if _, _, err := compile.Compile(context.Background(), proj, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
