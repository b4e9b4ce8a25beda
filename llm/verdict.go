package llm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sleuth-sec/sleuth/analyzers"
)

// Limits on the verdict's texts, matching verdictSchema. Ollama enforces
// the schema while the model writes; these hold when a server does not.
const (
	maxRationale = 800
	maxExploit   = 800
	maxFix       = 1500
)

// rawVerdict is the model's answer as the schema shapes it. Confidence is
// a pointer so that a missing one is told from 0.
type rawVerdict struct {
	Rationale  *string  `json:"rationale"`
	Verdict    *string  `json:"verdict"`
	Confidence *float64 `json:"confidence"`
	Exploit    *string  `json:"exploit"`
	Fix        *string  `json:"fix"`
}

// ParseVerdict validates a model's answer against the verdict schema and
// returns the triage it carries. It never fills in what the model left
// out: a missing or invalid field is an error, and the caller keeps the
// finding untriaged.
func ParseVerdict(content, model string) (*analyzers.Triage, error) {
	text := strings.TrimSpace(content)
	// Some models wrap JSON in a Markdown fence despite the format.
	if strings.HasPrefix(text, "```") {
		text = strings.TrimPrefix(text, "```json")
		text = strings.TrimPrefix(text, "```")
		text = strings.TrimSuffix(strings.TrimSpace(text), "```")
	}
	if text == "" {
		return nil, errors.New("empty answer")
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	var raw rawVerdict
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", err)
	}
	if dec.More() {
		return nil, errors.New("text after the JSON object")
	}
	if raw.Verdict == nil {
		return nil, errors.New(`no "verdict"`)
	}
	v := analyzers.Verdict(strings.TrimSpace(*raw.Verdict))
	switch v {
	case analyzers.TruePositive, analyzers.FalsePositive, analyzers.Uncertain:
	default:
		return nil, fmt.Errorf("verdict %q is not true-positive, false-positive or uncertain", *raw.Verdict)
	}
	if raw.Confidence == nil {
		return nil, errors.New(`no "confidence"`)
	}
	c := *raw.Confidence
	if math.IsNaN(c) || c < 0 || c > 1 {
		return nil, fmt.Errorf("confidence %v is not between 0 and 1", c)
	}
	if !isConfidenceStep(c) {
		return nil, fmt.Errorf("confidence %v is not one of the schema's steps (0, 0.05, 0.1, …, 1)", c)
	}
	if raw.Rationale == nil || strings.TrimSpace(*raw.Rationale) == "" {
		return nil, errors.New(`no "rationale"`)
	}
	if raw.Exploit == nil {
		return nil, errors.New(`no "exploit"`)
	}
	if raw.Fix == nil {
		return nil, errors.New(`no "fix"`)
	}
	return &analyzers.Triage{
		Verdict:    v,
		Confidence: c,
		Rationale:  clean(*raw.Rationale, maxRationale),
		Exploit:    clean(*raw.Exploit, maxExploit),
		Fix:        clean(*raw.Fix, maxFix),
		Model:      model,
	}, nil
}

// isConfidenceStep reports whether c is one of the schema's confidences.
func isConfidenceStep(c float64) bool {
	for _, f := range strings.Split(confidenceSteps, ",") {
		step, err := strconv.ParseFloat(f, 64)
		if err == nil && math.Abs(c-step) < 1e-9 {
			return true
		}
	}
	return false
}

// ValidTriage reports whether t is a complete verdict: a known verdict,
// a confidence in [0, 1], a rationale and the model's name.
func ValidTriage(t *analyzers.Triage) error {
	if t == nil {
		return errors.New("no triage")
	}
	switch t.Verdict {
	case analyzers.TruePositive, analyzers.FalsePositive, analyzers.Uncertain:
	default:
		return fmt.Errorf("verdict %q", t.Verdict)
	}
	if math.IsNaN(t.Confidence) || t.Confidence < 0 || t.Confidence > 1 {
		return fmt.Errorf("confidence %v", t.Confidence)
	}
	if strings.TrimSpace(t.Rationale) == "" {
		return errors.New("empty rationale")
	}
	if t.Model == "" {
		return errors.New("no model")
	}
	return nil
}

// clean trims model text, drops control characters (model output may echo
// escape sequences that would drive a terminal) and bounds its length to
// limit characters, as the schema's maxLength counts them, the ellipsis
// that marks a cut included.
func clean(s string, limit int) string {
	s = strings.TrimSpace(stripControl(s))
	if utf8.RuneCountInString(s) > limit {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:limit-1])) + "…"
	}
	return s
}
