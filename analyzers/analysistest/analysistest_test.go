package analysistest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sleuth-sec/sleuth/analyzers"
	"github.com/sleuth-sec/sleuth/analyzers/analysistest"
)

// recorder is a testing.TB that records errors instead of failing.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
	panic(r)
}

// TestHarnessReportsMismatches makes sure the harness can fail: an
// unannotated finding and an annotation without finding are both errors,
// and a correct annotation is not.
func TestHarnessReportsMismatches(t *testing.T) {
	rec := &recorder{TB: t}
	res := analysistest.Run(rec, "../../testdata/analysistest/mismatch", analyzers.TxOrigin)
	all := strings.Join(rec.errors, "\n")
	if !strings.Contains(all, "wallet.sol:8: unexpected finding \"tx-origin\"") {
		t.Errorf("unannotated finding not reported:\n%s", all)
	}
	if !strings.Contains(all, "wallet.sol:12: missing finding \"tx-origin\"") {
		t.Errorf("annotation without finding not reported:\n%s", all)
	}
	if strings.Contains(all, "wallet.sol:16") {
		t.Errorf("correct annotation reported:\n%s", all)
	}
	if len(rec.errors) != 2 || res.Wants != 2 {
		t.Errorf("want exactly 2 errors and 2 wants, got %d errors, %d wants:\n%s", len(rec.errors), res.Wants, all)
	}
}
