#!/bin/sh
# Regenerates parser/gen from the grammar with the ANTLR 4.13.2 tool.
# Run through `go generate ./parser/...`. The output is byte-for-byte stable:
# the tool is pinned, and it is run from this directory with relative paths.
set -eu
cd "$(dirname "$0")"
VERSION=4.13.2
JAR="${ANTLR_JAR:-$HOME/.m2/repository/org/antlr/antlr4/$VERSION/antlr4-$VERSION-complete.jar}"
if [ ! -f "$JAR" ]; then
	command -v mvn >/dev/null || { echo "generate.sh: need the ANTLR $VERSION jar (set ANTLR_JAR) or Maven to fetch it" >&2; exit 1; }
	mvn -q dependency:get -Dartifact=org.antlr:antlr4:$VERSION:jar:complete
fi
rm -f ../gen/*.go ../gen/*.interp ../gen/*.tokens
java -jar "$JAR" -Dlanguage=Go -package gen -o ../gen -Xexact-output-dir -no-listener -no-visitor \
	SolidityLexer.g4 SolidityParser.g4
# The tool writes lower-case file names; gofmt keeps `go vet` and review quiet.
gofmt -w ../gen/*.go
