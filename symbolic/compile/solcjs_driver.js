// sleuth's solc-js driver: standard JSON on stdin, standard JSON on stdout.
// The target (a solc npm package directory or a bare soljson.js) comes in
// SLEUTH_SOLCJS_TARGET; with SLEUTH_SOLCJS_VERSION=1 it prints the version
// instead of compiling. Sources come with their content, so no import
// callback is needed: a missing import is the compiler's own error.
'use strict';
const fs = require('fs');
const path = require('path');

function load(target) {
  if (fs.statSync(target).isDirectory()) {
    const solc = require(path.resolve(target));
    return {
      version: () => solc.version(),
      // solc-js 0.4.x exposes standard JSON as compileStandardWrapper;
      // from 0.5 on, compile() is standard JSON.
      compile: typeof solc.compileStandardWrapper === 'function'
        ? (input) => solc.compileStandardWrapper(input)
        : (input) => solc.compile(input),
    };
  }
  // A bare emscripten build: call its C entry points directly.
  const m = require(path.resolve(target));
  const has = (name) => typeof m['_' + name] === 'function';
  const version = has('solidity_version')
    ? m.cwrap('solidity_version', 'string', [])
    : m.cwrap('version', 'string', []);
  let compile;
  if (has('solidity_compile')) {
    const f = m.cwrap('solidity_compile', 'string', ['string', 'number', 'number']);
    compile = (input) => f(input, 0, 0);
  } else if (has('compileStandard')) {
    const f = m.cwrap('compileStandard', 'string', ['string', 'number']);
    compile = (input) => f(input, 0);
  } else {
    throw new Error(target + ': this soljson.js has no standard-JSON entry point (solc < 0.4.11)');
  }
  return { version, compile };
}

function main() {
  const target = process.env.SLEUTH_SOLCJS_TARGET;
  if (!target) throw new Error('SLEUTH_SOLCJS_TARGET is not set');
  const solc = load(target);
  if (process.env.SLEUTH_SOLCJS_VERSION === '1') {
    process.stdout.write(solc.version() + '\n');
    return;
  }
  const input = fs.readFileSync(0, 'utf8');
  process.stdout.write(solc.compile(input));
}

try {
  main();
} catch (e) {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
}
