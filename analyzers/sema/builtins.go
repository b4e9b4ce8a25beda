package sema

// builtins are the global names of Solidity 0.4–0.8 that are not declared
// in source: magic variables, global functions and the pre-0.5 aliases.
var builtins = map[string]bool{
	"msg": true, "block": true, "tx": true, "abi": true, "this": true, "super": true,
	"now": true, "gasleft": true, "blockhash": true, "blobhash": true,
	"require": true, "assert": true, "revert": true,
	"keccak256": true, "sha3": true, "sha256": true, "ripemd160": true, "ecrecover": true,
	"addmod": true, "mulmod": true, "selfdestruct": true, "suicide": true,
	"type": true, "bytes": true, "string": true,
}

func isBuiltin(name string) bool { return builtins[name] }
