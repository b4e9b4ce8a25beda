// Package ollamatest is an httptest stand-in for Ollama's REST API, shaped
// after what Ollama 0.6.8 (the server sleuth's integration test builds)
// sends: /api/version, /api/tags, /api/show, /api/pull streaming progress,
// and /api/chat streamed as NDJSON or, with "stream": false, as one JSON
// object; errors as {"error": "…"} with Ollama's status codes and
// messages. Tests choose the model's answers and inject faults.
//
// It stands in for Ollama only where the real one cannot be used: unit
// tests that need exact control of answers and failures. The integration
// test in internal/cli runs the real server.
package ollamatest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/ollama/ollama/api"
)

// Model is a model the server has.
type Model struct {
	Name string // "qwen2.5-coder:7b"
	// Family is the architecture ("qwen2"); ContextLength its window.
	Family        string
	ContextLength int
}

// Responder writes the model's answer to a chat request. It runs once per
// request (the answer is then streamed in pieces, or sent whole).
type Responder func(req *api.ChatRequest) string

// Fault overrides the server's behaviour for one chat request.
type Fault struct {
	// Status and Error, when Status is set, answer with that status and
	// {"error": Error} instead of chatting.
	Status int
	Error  string
	// Delay holds the answer back, to exercise timeouts.
	Delay time.Duration
	// StreamError sends this error as an NDJSON line after the first
	// piece of a streamed answer, as Ollama does when generation fails
	// midway.
	StreamError string
	// Truncate cuts a streamed answer after the first piece without the
	// final done message, as a dropped connection would.
	Truncate bool
	// Aborted ends the answer without the final done message, as Ollama
	// 0.6 does when it stops a prediction at its token repeat limit:
	// unstreamed, a 200 whose one message says done false.
	Aborted bool
	// DoneReason replaces "stop" in the final message ("length": the
	// answer hit num_predict).
	DoneReason string
	// PromptEvalCount replaces the prompt token count reported.
	PromptEvalCount int
	// Interval paces a streamed answer: the pause between pieces, as a
	// model on a slow machine writes them.
	Interval time.Duration
}

// Server is a running fake Ollama.
type Server struct {
	*httptest.Server

	mu      sync.Mutex
	models  []Model
	respond Responder
	faults  []Fault
	chats   []api.ChatRequest
	pulls   []string
	// PullSteps is how many progress messages a pull sends per layer.
	PullSteps int
	// Version is what /api/version reports.
	Version string
}

// New starts a fake Ollama with the given models; respond answers chats.
func New(respond Responder, models ...Model) *Server {
	s := &Server{models: models, respond: respond, PullSteps: 4, Version: "0.6.8"}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "Ollama is running") })
	mux.HandleFunc("GET /api/version", s.version)
	mux.HandleFunc("GET /api/tags", s.tags)
	mux.HandleFunc("POST /api/show", s.show)
	mux.HandleFunc("POST /api/chat", s.chat)
	mux.HandleFunc("POST /api/pull", s.pull)
	s.Server = httptest.NewServer(mux)
	return s
}

// Fail queues faults for the next chat requests, one each, in order.
func (s *Server) Fail(faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, faults...)
}

// SetResponder changes how the model answers.
func (s *Server) SetResponder(r Responder) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.respond = r
}

// Chats returns the chat requests received so far.
func (s *Server) Chats() []api.ChatRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]api.ChatRequest(nil), s.chats...)
}

// Pulls returns the models pulled so far.
func (s *Server) Pulls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.pulls...)
}

// AddModel installs a model, as a finished pull does.
func (s *Server) AddModel(m Model) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.models = append(s.models, m)
}

func (s *Server) find(name string) (Model, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.models {
		if m.Name == name || m.Name == name+":latest" || strings.TrimSuffix(m.Name, ":latest") == name {
			return m, true
		}
	}
	return Model{}, false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func (s *Server) version(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"version": s.Version})
}

func (s *Server) tags(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := api.ListResponse{Models: []api.ListModelResponse{}}
	for _, m := range s.models {
		list.Models = append(list.Models, api.ListModelResponse{
			Name: m.Name, Model: m.Name, ModifiedAt: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC),
			Size: 4_683_087_332, Digest: strings.Repeat("ab", 32),
			Details: api.ModelDetails{Format: "gguf", Family: m.Family, Families: []string{m.Family},
				ParameterSize: "7.6B", QuantizationLevel: "Q4_K_M"},
		})
	}
	writeJSON(w, http.StatusOK, list)
}

// decode reads a JSON body the way Ollama's handlers do: an empty body is
// "missing request body", a malformed one a 400 with the decoder's words.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	body, _ := io.ReadAll(r.Body)
	if len(bytes.TrimSpace(body)) == 0 {
		writeError(w, http.StatusBadRequest, "missing request body")
		return false
	}
	if err := json.Unmarshal(body, v); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return false
	}
	return true
}

func (s *Server) show(w http.ResponseWriter, r *http.Request) {
	var req api.ShowRequest
	if !decode(w, r, &req) {
		return
	}
	name := req.Model
	if name == "" {
		writeError(w, http.StatusBadRequest, "model is required")
		return
	}
	m, ok := s.find(name)
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("model '%s' not found", name))
		return
	}
	writeJSON(w, http.StatusOK, api.ShowResponse{
		Modelfile:  "FROM " + m.Name + "\n",
		Parameters: "stop \"<|im_end|>\"",
		Template:   "{{ .Prompt }}",
		Details: api.ModelDetails{Format: "gguf", Family: m.Family, Families: []string{m.Family},
			ParameterSize: "7.6B", QuantizationLevel: "Q4_K_M"},
		ModelInfo: map[string]any{
			"general.architecture":             m.Family,
			m.Family + ".context_length":       m.ContextLength,
			m.Family + ".embedding_length":     3584,
			"general.parameter_count":          7615616512,
			"tokenizer.ggml.model":             "gpt2",
			m.Family + ".attention.head_count": 28,
		},
		ModifiedAt: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC),
	})
}

func (s *Server) nextFault() (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.faults) == 0 {
		return Fault{}, false
	}
	f := s.faults[0]
	s.faults = s.faults[1:]
	return f, true
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	var req api.ChatRequest
	if !decode(w, r, &req) {
		return
	}
	s.mu.Lock()
	s.chats = append(s.chats, req)
	respond := s.respond
	s.mu.Unlock()
	if req.Model == "" {
		writeError(w, http.StatusBadRequest, "model is required")
		return
	}
	if _, ok := s.find(req.Model); !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("model %q not found, try pulling it first", req.Model))
		return
	}
	fault, _ := s.nextFault()
	if fault.Delay > 0 {
		select {
		case <-time.After(fault.Delay):
		case <-r.Context().Done():
			return
		}
	}
	if fault.Status != 0 {
		writeError(w, fault.Status, fault.Error)
		return
	}
	content := ""
	if respond != nil {
		content = respond(&req)
	}
	promptTokens := fault.PromptEvalCount
	if promptTokens == 0 {
		for _, m := range req.Messages {
			promptTokens += (len(m.Content) + 3) / 4
		}
	}
	reason := fault.DoneReason
	if reason == "" {
		reason = "stop"
	}
	created := time.Date(2025, 5, 1, 12, 0, 0, 0, time.UTC)
	final := api.ChatResponse{
		Model: req.Model, CreatedAt: created, Message: api.Message{Role: "assistant"},
		DoneReason: reason, Done: true,
		Metrics: api.Metrics{TotalDuration: 1500 * time.Millisecond, LoadDuration: 20 * time.Millisecond,
			PromptEvalCount: promptTokens, PromptEvalDuration: 500 * time.Millisecond,
			EvalCount: (len(content) + 3) / 4, EvalDuration: time.Second},
	}

	if req.Stream != nil && !*req.Stream {
		if fault.StreamError != "" {
			// Unstreamed, a failure midway is a 500 with the message.
			writeError(w, http.StatusInternalServerError, fault.StreamError)
			return
		}
		final.Message.Content = content
		if fault.Aborted {
			final.Done, final.DoneReason, final.Metrics = false, "", api.Metrics{}
		}
		writeJSON(w, http.StatusOK, final)
		return
	}

	w.Header().Set("Content-Type", "application/x-ndjson")
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	enc := json.NewEncoder(w)
	for i, piece := range pieces(content) {
		if i > 0 && fault.Interval > 0 {
			select {
			case <-time.After(fault.Interval):
			case <-r.Context().Done():
				return
			}
		}
		enc.Encode(api.ChatResponse{Model: req.Model, CreatedAt: created,
			Message: api.Message{Role: "assistant", Content: piece}})
		if flusher != nil {
			flusher.Flush()
		}
		if i == 0 && fault.StreamError != "" {
			enc.Encode(map[string]string{"error": fault.StreamError})
			return
		}
		if i == 0 && fault.Truncate {
			return
		}
	}
	if !fault.Aborted {
		enc.Encode(final)
	}
}

// pieces splits an answer the way a model streams it: a few characters at
// a time.
func pieces(s string) []string {
	var out []string
	for len(s) > 0 {
		n := min(len(s), 7)
		for n < len(s) && s[n]&0xC0 == 0x80 {
			n++ // never split a UTF-8 sequence
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

func (s *Server) pull(w http.ResponseWriter, r *http.Request) {
	var req api.PullRequest
	if !decode(w, r, &req) {
		return
	}
	name := req.Model
	s.mu.Lock()
	s.pulls = append(s.pulls, name)
	steps := s.PullSteps
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	enc.Encode(api.ProgressResponse{Status: "pulling manifest"})
	if strings.Contains(name, "does-not-exist") {
		enc.Encode(map[string]string{"error": "pull model manifest: file does not exist"})
		return
	}
	digest := "sha256:" + strings.Repeat("6a", 32)
	const total = 4_683_073_184
	for i := 0; i <= steps; i++ {
		enc.Encode(api.ProgressResponse{Status: "pulling " + digest[7:19], Digest: digest, Total: total,
			Completed: int64(total) * int64(i) / int64(max(steps, 1))})
	}
	for _, st := range []string{"verifying sha256 digest", "writing manifest", "success"} {
		enc.Encode(api.ProgressResponse{Status: st})
	}
	s.AddModel(Model{Name: name, Family: "qwen2", ContextLength: 32768})
}

// Verdict is a convenience Responder answer: a schema-valid verdict.
func Verdict(verdict string, confidence float64, rationale string) string {
	b, _ := json.Marshal(map[string]any{"rationale": rationale, "verdict": verdict, "confidence": confidence,
		"exploit": "", "fix": ""})
	return string(b)
}
