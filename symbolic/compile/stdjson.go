package compile

import "encoding/json"

// Standard JSON, the compiler interface solc and solc-js share, and the
// format of Hardhat's and Foundry's build-info files.

type stdInput struct {
	Language string               `json:"language"`
	Sources  map[string]stdSource `json:"sources"`
	Settings stdSettings          `json:"settings"`
}

type stdSource struct {
	Content string `json:"content"`
}

type stdSettings struct {
	Optimizer       stdOptimizer                   `json:"optimizer"`
	Remappings      []string                       `json:"remappings,omitempty"`
	OutputSelection map[string]map[string][]string `json:"outputSelection"`
}

type stdOptimizer struct {
	Enabled bool `json:"enabled"`
}

// outputs is what Compile asks for of each contract; fileOutputs of each
// source unit: the compact AST, for the ids of its definitions (the source
// ids come with every output).
var fileOutputs = []string{"ast"}

var outputs = []string{
	"abi",
	"evm.bytecode.object", "evm.bytecode.sourceMap", "evm.bytecode.linkReferences",
	"evm.deployedBytecode.object", "evm.deployedBytecode.sourceMap",
}

type stdOutput struct {
	Errors    []stdError                        `json:"errors"`
	Sources   map[string]stdSourceOut           `json:"sources"`
	Contracts map[string]map[string]stdContract `json:"contracts"`
}

type stdError struct {
	Severity         string       `json:"severity"`
	Type             string       `json:"type"`
	Message          string       `json:"message"`
	FormattedMessage string       `json:"formattedMessage"`
	SourceLocation   *stdLocation `json:"sourceLocation"`
}

type stdLocation struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type stdSourceOut struct {
	ID  int             `json:"id"`
	AST json.RawMessage `json:"ast"`
}

// outputSelection asks for outputs of every contract and fileOutputs of
// every source unit.
func outputSelection() map[string]map[string][]string {
	return map[string]map[string][]string{"*": {"*": outputs, "": fileOutputs}}
}

type stdContract struct {
	ABI json.RawMessage `json:"abi"`
	EVM struct {
		Bytecode         stdBytecode `json:"bytecode"`
		DeployedBytecode stdBytecode `json:"deployedBytecode"`
	} `json:"evm"`
}

type stdBytecode struct {
	Object         string                     `json:"object"`
	SourceMap      string                     `json:"sourceMap"`
	LinkReferences map[string]json.RawMessage `json:"linkReferences"`
}
