// SolidityLexer.g4 — the lexical grammar of Solidity 0.4.x through 0.8.x.
//
// Written for sleuth. Three things keep it fast and simple for the parser:
//  * `pragma` switches to a mode that captures everything up to `;` as one
//    token, so version expressions never reach the parser;
//  * `assembly` switches to a mode for the optional dialect string and flags,
//    and `{` from there to a Yul mode with Yul's own tokens (identifiers with
//    dots, `:=`, `->`, …); braces nest through the mode stack;
//  * comments stay on the hidden channel, so NatSpec and suppression comments
//    can be recovered from the token stream.
//
// Regenerate with `go generate ./parser/...`. Parsing does not use the
// generated lexer but parser/lexer.go, which implements this grammar by
// hand, several times faster: change both together. The generated one is
// the reference the tests hold the hand-written one to (lexer_test.go).
lexer grammar SolidityLexer;

// ---- keywords -------------------------------------------------------------
Abstract: 'abstract';
Address: 'address';
Anonymous: 'anonymous';
As: 'as';
Assembly: 'assembly' -> pushMode(AssemblyBlockMode);
Break: 'break';
Calldata: 'calldata';
Catch: 'catch';
Constant: 'constant';
Constructor: 'constructor';
Continue: 'continue';
Contract: 'contract';
Delete: 'delete';
Do: 'do';
Else: 'else';
Emit: 'emit';
Enum: 'enum';
Event: 'event';
External: 'external';
False: 'false';
For: 'for';
Function: 'function';
If: 'if';
Immutable: 'immutable';
Import: 'import';
Indexed: 'indexed';
Interface: 'interface';
Internal: 'internal';
Is: 'is';
Library: 'library';
Mapping: 'mapping';
Memory: 'memory';
Modifier: 'modifier';
New: 'new';
Override: 'override';
Payable: 'payable';
Pragma: 'pragma' -> pushMode(PragmaMode);
Private: 'private';
Public: 'public';
Pure: 'pure';
Return: 'return';
Returns: 'returns';
Storage: 'storage';
Struct: 'struct';
Throw: 'throw';
True: 'true';
Try: 'try';
Type: 'type';
Unchecked: 'unchecked';
Using: 'using';
Var: 'var';
View: 'view';
Virtual: 'virtual';
While: 'while';

// Contextual keywords: the parser also accepts them as identifiers.
At: 'at';
Error: 'error';
Fallback: 'fallback';
From: 'from';
Global: 'global';
Layout: 'layout';
Receive: 'receive';
Revert: 'revert';
Transient: 'transient';

// Units. finney, szabo and years are gone from 0.7/0.5 on, so they are
// contextual too.
Wei: 'wei';
Gwei: 'gwei';
Ether: 'ether';
Seconds: 'seconds';
Minutes: 'minutes';
Hours: 'hours';
Days: 'days';
Weeks: 'weeks';
Years: 'years';
Finney: 'finney';
Szabo: 'szabo';

// Elementary type names other than address. Only the sizes Solidity defines
// are types: `uint7` is an ordinary identifier.
ElementaryType
    : 'bool' | 'string' | 'byte'
    | 'int' IntSize? | 'uint' IntSize?
    | 'bytes' BytesSize?
    | 'fixed' FixedSize? | 'ufixed' FixedSize?
    ;
fragment IntSize
    : '8' | '16' | '24' | '32' | '40' | '48' | '56' | '64' | '72' | '80' | '88' | '96'
    | '104' | '112' | '120' | '128' | '136' | '144' | '152' | '160' | '168' | '176'
    | '184' | '192' | '200' | '208' | '216' | '224' | '232' | '240' | '248' | '256'
    ;
fragment BytesSize
    : [1-9] | [12] [0-9] | '3' [0-2]
    ;
fragment FixedSize: IntSize 'x' [0-9]+;

// ---- punctuation and operators ----------------------------------------------
LParen: '(';
RParen: ')';
LBrack: '[';
RBrack: ']';
LBrace: '{';
RBrace: '}';
Colon: ':';
Semicolon: ';';
Period: '.';
Comma: ',';
Question: '?';
DoubleArrow: '=>';

Assign: '=';
AssignBitOr: '|=';
AssignBitXor: '^=';
AssignBitAnd: '&=';
AssignShl: '<<=';
AssignSar: '>>=';
AssignShr: '>>>=';
AssignAdd: '+=';
AssignSub: '-=';
AssignMul: '*=';
AssignDiv: '/=';
AssignMod: '%=';

Or: '||';
And: '&&';
BitOr: '|';
BitXor: '^';
BitAnd: '&';
Shl: '<<';
Sar: '>>';
Shr: '>>>';
Add: '+';
Sub: '-';
Mul: '*';
Div: '/';
Mod: '%';
Exp: '**';
Equal: '==';
NotEqual: '!=';
LessThan: '<';
GreaterThan: '>';
LessThanOrEqual: '<=';
GreaterThanOrEqual: '>=';
Not: '!';
BitNot: '~';
Inc: '++';
Dec: '--';

// ---- literals -----------------------------------------------------------------
StringLiteral
    : '"' DoubleQuotedChar* '"'
    | '\'' SingleQuotedChar* '\''
    ;
UnicodeStringLiteral
    : 'unicode' StringLiteral
    ;
HexStringLiteral
    : 'hex' ('"' HexDigits? '"' | '\'' HexDigits? '\'')
    ;
fragment DoubleQuotedChar: ~["\r\n\\] | EscapeSequence;
fragment SingleQuotedChar: ~['\r\n\\] | EscapeSequence;
fragment EscapeSequence: '\\' ('\r\n' | .);
fragment HexDigits: HexDigit ('_'? HexDigit)*;
fragment HexDigit: [0-9a-fA-F];

HexNumber: '0' [xX] HexDigits;
DecimalNumber
    : (DecimalDigits | DecimalDigits? '.' DecimalDigits) ([eE] '-'? DecimalDigits)?
    ;
fragment DecimalDigits: [0-9] ('_'? [0-9])*;

Identifier: IdentifierStart IdentifierPart*;
fragment IdentifierStart: [a-zA-Z$_];
fragment IdentifierPart: [a-zA-Z0-9$_];

// ---- trivia ----------------------------------------------------------------------
WS: [ \t\r\n\u000C]+ -> skip;
// A UTF-8 byte-order mark at the start of a file is not Solidity, but
// editors write it and solc accepts it.
ByteOrderMark: '\uFEFF' -> skip;
BlockComment: '/*' .*? '*/' -> channel(HIDDEN);
LineComment: '//' ~[\r\n]* -> channel(HIDDEN);
// A `/*` that is never closed runs to the end of the file. It cannot
// contain `*/`, so a closed comment is always the longer match; matching
// it as one token (on the default channel, where the parser rejects it)
// lets the error say "unterminated comment" instead of "unexpected '/'".
UnterminatedBlockComment: '/*' (~'*' | '*'+ ~[*/])* '*'*;

// ---- after `pragma`: everything up to `;` is one token ----------------------------
// A pragma fits on one line; a line break continues it only when the next
// line starts like a version constraint (`>=0.8.0`, `|| ^0.7.0`) or is the
// `;`. Otherwise the line break ends the pragma, so a forgotten `;` is one
// error at the end of the line instead of the rest of the file swallowed.
mode PragmaMode;
PragmaToken: PragmaChunk+;
fragment PragmaChunk
    : ~[;\r\n]
    | [\r\n] [ \t\r\n]* [0-9^~<>=|*.]
    ;
PragmaSemicolon: [ \t\r\n]* ';' -> popMode;
PragmaLineEnd: [\r\n] -> skip, popMode;

// ---- after `assembly`: optional dialect and flags, then `{` ------------------------
mode AssemblyBlockMode;
AssemblyFlagString: '"' DoubleQuotedChar* '"';
AssemblyLParen: '(';
AssemblyRParen: ')';
AssemblyComma: ',';
AssemblyLBrace: '{' -> popMode, pushMode(YulMode);
AssemblyWS: [ \t\r\n\u000C]+ -> skip;
AssemblyBlockComment: '/*' .*? '*/' -> channel(HIDDEN);
AssemblyLineComment: '//' ~[\r\n]* -> channel(HIDDEN);
AssemblyUnterminatedBlockComment: '/*' (~'*' | '*'+ ~[*/])* '*'* -> type(UnterminatedBlockComment);

// ---- Yul -------------------------------------------------------------------------------
mode YulMode;
YulLBrace: '{' -> pushMode(YulMode);
YulRBrace: '}' -> popMode;
YulLParen: '(';
YulRParen: ')';
YulComma: ',';
YulAssign: ':=';
YulStackAssign: '=:';
YulArrow: '->';
YulColon: ':';

YulLet: 'let';
YulFunction: 'function';
YulIf: 'if';
YulFor: 'for';
YulSwitch: 'switch';
YulCase: 'case';
YulDefault: 'default';
YulLeave: 'leave';
YulBreak: 'break';
YulContinue: 'continue';
YulTrue: 'true';
YulFalse: 'false';

YulHexStringLiteral: 'hex' ('"' HexDigits? '"' | '\'' HexDigits? '\'');
YulStringLiteral
    : '"' DoubleQuotedChar* '"'
    | '\'' SingleQuotedChar* '\''
    ;
YulHexNumber: '0x' [0-9a-fA-F]+;
YulDecimalNumber: [0-9]+;
// Yul identifiers may contain dots (`x.slot`, `x.offset`, `x.length`).
YulIdentifier: [a-zA-Z$_] [a-zA-Z0-9$_.]*;

YulWS: [ \t\r\n\u000C]+ -> skip;
YulBlockComment: '/*' .*? '*/' -> channel(HIDDEN);
YulLineComment: '//' ~[\r\n]* -> channel(HIDDEN);
YulUnterminatedBlockComment: '/*' (~'*' | '*'+ ~[*/])* '*'* -> type(UnterminatedBlockComment);
