package sevm

import (
	"context"
	"errors"

	"github.com/sleuth-sec/sleuth/symbolic/compile"
)

// Analyze explores one compiled contract within cfg.Budget.
func Analyze(ctx context.Context, art *compile.Artifact, cfg Config) (*Report, error) {
	if art == nil {
		return nil, errors.New("sevm: nil artifact")
	}
	abi := art.ABI
	return AnalyzeTarget(ctx, &Target{
		Name:     art.Name,
		Creation: art.Creation,
		Runtime:  art.Runtime,
		ABI:      &abi,
		Source:   art.PCSource,
		Def:      ASTDefs(art),
	}, cfg)
}

// ASTDefs returns the Target.Def of an artifact: the id of the innermost
// AST definition around a source offset.
func ASTDefs(art *compile.Artifact) func(file string, offset int) (int, bool) {
	return func(file string, offset int) (int, bool) {
		d, ok := art.DefAt(file, offset)
		return d.ID, ok
	}
}
