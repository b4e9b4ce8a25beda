package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// go-sarif v3 serialises every property its constructors default: -1 for
// indexes and offsets ("not set" in the spec), [] for every list, {} for
// empty property bags. That is valid SARIF but triples the file, and a
// naive consumer that sees "charOffset": -1 or "index": -1 may act on it.
// writePrunedJSON removes exactly those spec defaults before writing, so a
// log says only what sleuth set.

// unsetMinusOne are the properties for which the schema's default -1
// means "absent".
var unsetMinusOne = map[string]bool{
	"index": true, "parentIndex": true, "byteOffset": true, "charOffset": true,
	"rank": true, "executionOrder": true, "id": true, "length": true,
}

// keepEmpty are the lists that must stay even when empty: GitHub rejects a
// run without "results".
var keepEmpty = map[string]bool{"results": true, "runs": true}

func writePrunedJSON(w io.Writer, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // keep numbers exactly as written
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Messages quote Solidity; "<" as \u003c only hinders reading.
	enc.SetEscapeHTML(false)
	return enc.Encode(prune(tree))
}

func prune(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			val = prune(val)
			x[k] = val
			switch y := val.(type) {
			case []any:
				if len(y) == 0 && !keepEmpty[k] {
					delete(x, k)
				}
			case map[string]any:
				if len(y) == 0 && k == "properties" {
					delete(x, k)
				}
			case json.Number:
				if y == "-1" && unsetMinusOne[k] {
					delete(x, k)
				}
			}
		}
	case []any:
		for i := range x {
			x[i] = prune(x[i])
		}
	}
	return v
}
