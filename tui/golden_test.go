package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// The golden views run the real bubbletea program (teatest), drive it with
// keys, and compare the final screen with testdata/<TestName>.golden.
// Regenerate with: go test ./tui -run Golden -update

func runGolden(t *testing.T, w, h int, o Options, drive func(tm *teatest.TestModel)) {
	t.Helper()
	m, _ := newTestModel(t, o)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(w, h))
	waitScreen(t, tm, "sleuth 4/4")
	drive(tm)
	// Quit from outside, so the final screen is the one the keys left.
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	teatest.RequireEqualOutput(t, []byte(final.View()+"\n"))
}

// waitScreen waits until the program has drawn text.
func waitScreen(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func press(tm *teatest.TestModel, ks ...tea.KeyType) {
	for _, k := range ks {
		tm.Send(tea.KeyMsg{Type: k})
	}
}

func TestGoldenList80x24(t *testing.T) {
	runGolden(t, 80, 24, Options{}, func(tm *teatest.TestModel) {})
}

func TestGoldenList120x40ByDetector(t *testing.T) {
	runGolden(t, 120, 40, Options{}, func(tm *teatest.TestModel) {
		tm.Type("s")
		waitScreen(t, tm, "by detector")
	})
}

func TestGoldenFinding80x24(t *testing.T) {
	runGolden(t, 80, 24, Options{}, func(tm *teatest.TestModel) {
		press(tm, tea.KeyDown, tea.KeyEnter)
		waitScreen(t, tm, "primary; tab")
	})
}

func TestGoldenFindingRelated120x40(t *testing.T) {
	runGolden(t, 120, 40, Options{}, func(tm *teatest.TestModel) {
		press(tm, tea.KeyDown, tea.KeyEnter, tea.KeyTab)
		waitScreen(t, tm, "related 1/1")
	})
}

func TestGoldenFindingSideBySide160x30(t *testing.T) {
	runGolden(t, 160, 30, Options{}, func(tm *teatest.TestModel) {
		press(tm, tea.KeyDown, tea.KeyEnter)
		waitScreen(t, tm, "primary; tab")
	})
}

func TestGoldenHelp80x24(t *testing.T) {
	runGolden(t, 80, 24, Options{}, func(tm *teatest.TestModel) {
		tm.Type("?")
		waitScreen(t, tm, "Any key closes")
	})
}

func TestGoldenTriaged80x24(t *testing.T) {
	runGolden(t, 80, 24, Options{}, func(tm *teatest.TestModel) {
		tm.Type("/vault.kill")
		press(tm, tea.KeyEnter)
		tm.Type("tf")
		tm.Type("test helper only")
		press(tm, tea.KeyEnter)
		waitScreen(t, tm, "marked false-positive")
		press(tm, tea.KeyEsc)
	})
}

// streamAsker writes its answer in two parts and, when hold is set, waits
// for cancellation before finishing.
type streamAsker struct {
	hold      bool
	cancelled chan struct{}
}

func (a *streamAsker) Ask(ctx context.Context, f analyzers.Finding, w io.Writer) error {
	if _, err := io.WriteString(w, "The call runs before "); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "the balance is zeroed ("+f.Detector+")."); err != nil {
		return err
	}
	if a.hold {
		<-ctx.Done()
		close(a.cancelled)
		return ctx.Err()
	}
	return nil
}

func TestAskStreamsTheAnswer(t *testing.T) {
	m, _ := newTestModel(t, Options{Asker: &streamAsker{}})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 40))
	press(tm, tea.KeyDown)
	tm.Type("a")
	waitScreen(t, tm, "balance is zeroed (reentrancy-eth).")
	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if final.ask.running || final.ask.err != "" {
		t.Errorf("after the answer: running %v, err %q", final.ask.running, final.ask.err)
	}
	if got := final.ask.text.String(); got != "The call runs before the balance is zeroed (reentrancy-eth)." {
		t.Errorf("answer = %q", got)
	}
	if !strings.Contains(final.View(), "Model explanation and fix") {
		t.Errorf("answer not in the detail pane:\n%s", final.View())
	}
}

func TestAskIsCancelledByEsc(t *testing.T) {
	a := &streamAsker{hold: true, cancelled: make(chan struct{})}
	m, _ := newTestModel(t, Options{Asker: a})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 40))
	tm.Type("a")
	waitScreen(t, tm, "esc cancels")
	press(tm, tea.KeyEsc)
	select {
	case <-a.cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("esc did not cancel the question's context")
	}
	waitScreen(t, tm, "(cancelled)")
	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if final.ask.running || !final.ask.cancelled || final.screen != findingScreen {
		t.Errorf("esc during a question should stop it and stay on the finding: running %v screen %d", final.ask.running, final.screen)
	}
}

type failingAsker struct{}

func (failingAsker) Ask(context.Context, analyzers.Finding, io.Writer) error {
	return errors.New("Ollama is not running at http://127.0.0.1:1: start it with `ollama serve`")
}

func TestAskFailureSaysWhy(t *testing.T) {
	m, _ := newTestModel(t, Options{Asker: failingAsker{}})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 40))
	tm.Type("a")
	waitScreen(t, tm, "ollama serve")
	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if !strings.Contains(final.View(), "cannot ask the model: Ollama is not running") {
		t.Errorf("view:\n%s", final.View())
	}
}

func TestAskWithoutAskerSaysWhy(t *testing.T) {
	m, _ := newTestModel(t, Options{NoAskerReason: "no Ollama host configured"})
	keys(m, "a")
	if !strings.Contains(m.View(), "cannot ask the model: no Ollama host configured") {
		t.Errorf("view:\n%s", m.View())
	}
}
