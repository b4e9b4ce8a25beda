package action

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestAddedLines(t *testing.T) {
	for _, tc := range []struct {
		patch string
		want  []int
	}{
		{vaultPatch, []int{8, 9, 10, 11}},
		// Two hunks, a removal, and no newline at the end.
		{"@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10,2 +10,3 @@ f()\n x\n+y\n z\n\\ No newline at end of file", []int{2, 11}},
		// A new file.
		{"@@ -0,0 +1,2 @@\n+one\n+two", []int{1, 2}},
		// A deletion only.
		{"@@ -1,2 +0,0 @@\n-one\n-two", nil},
		{"", nil},
	} {
		got, err := addedLines(tc.patch)
		if err != nil {
			t.Fatalf("%q: %v", tc.patch, err)
		}
		lines := slices.Sorted(maps.Keys(got))
		if !slices.Equal(lines, tc.want) {
			t.Errorf("%q: added %v, want %v", tc.patch, lines, tc.want)
		}
	}
	for _, bad := range []string{"@@ garbage @@\n+x", "@@ -1 +x,2 @@\n+a"} {
		if _, err := addedLines(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestEscaping(t *testing.T) {
	if got := escapeData("50% done\r\nnext: a,b"); got != "50%25 done%0D%0Anext: a,b" {
		t.Errorf("escapeData: %q", got)
	}
	if got := escapeProperty("a:b,c%\n"); got != "a%3Ab%2Cc%25%0A" {
		t.Errorf("escapeProperty: %q", got)
	}
}

// A 403 that is not a rate limit (a missing permission) is returned at
// once, never retried.
func TestForbiddenIsNotRetried(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte(`{"message":"Resource not accessible by integration"}`))
	}))
	defer srv.Close()
	rt := &retrying{base: http.DefaultTransport, token: "t", maxWait: time.Minute, now: time.Now, tries: 5,
		sleep: func(context.Context, time.Duration) error { t.Fatal("slept on a permission error"); return nil }}
	req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(`{"a":1}`))
	resp, err := rt.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || calls != 1 {
		t.Fatalf("status %d after %d calls", resp.StatusCode, calls)
	}
}

func TestTruncateKeepsUTF8(t *testing.T) {
	s := strings.Repeat("é", maxCommentLen)
	got := truncate(s)
	if len(got) > maxCommentLen+20 || !strings.HasSuffix(got, "…(truncated)") || !strings.HasPrefix(got, "éé") {
		t.Fatalf("truncate: %d bytes, suffix %q", len(got), got[len(got)-20:])
	}
	if !utf8.ValidString(got) {
		t.Fatal("truncate split a character")
	}
}
