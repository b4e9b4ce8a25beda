package analyzers

import "sort"

// registry lists every detector. Each detector lives in its own file and
// adds itself here, in this one list, so `sleuth detectors` and the docs
// are generated from it.
var registry = []*Analyzer{}

// All returns every registered detector, sorted by id.
func All() []*Analyzer {
	out := append([]*Analyzer(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup returns the detector with that id, or nil.
func Lookup(id string) *Analyzer {
	for _, a := range registry {
		if a.ID == id {
			return a
		}
	}
	return nil
}
