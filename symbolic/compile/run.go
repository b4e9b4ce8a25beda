package compile

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// solcJSDriver runs a solc-js package or soljson.js under node: standard
// JSON in on stdin, out on stdout (see the script for the protocol).
//
//go:embed solcjs_driver.js
var solcJSDriver string

// errNoNode is returned when solc-js is chosen but node is not installed.
var errNoNode = errors.New("solc-js needs node, which is not on PATH")

func nodeCommand(ctx context.Context, target string, env ...string) (*exec.Cmd, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errNoNode
	}
	cmd := exec.CommandContext(ctx, node, "-e", solcJSDriver)
	cmd.Env = append(os.Environ(), "SLEUTH_SOLCJS_TARGET="+target)
	cmd.Env = append(cmd.Env, env...)
	return cmd, nil
}

// solcJSVersion asks a solc-js package or soljson.js for its long version.
func solcJSVersion(ctx context.Context, target string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	cmd, err := nodeCommand(ctx, target, "SLEUTH_SOLCJS_VERSION=1")
	if err != nil {
		return "", err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("solc-js %s: %v: %s", target, err, firstLine(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

// run compiles a standard-JSON input with c and decodes the output.
func (c *compiler) run(ctx context.Context, in *stdInput) (*stdOutput, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	var cmd *exec.Cmd
	if c.kind == kindSolcJS {
		if cmd, err = nodeCommand(ctx, c.path); err != nil {
			return nil, err
		}
	} else {
		cmd = exec.CommandContext(ctx, c.path, "--standard-json")
	}
	cmd.Stdin = bytes.NewReader(body)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%s %s: %v: %s", c.kind, c.long, err, firstLine(stderr.String()))
	}
	var out stdOutput
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("%s %s: reading its standard-JSON output: %v", c.kind, c.long, err)
	}
	return &out, nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return "no error output"
	}
	return s
}
