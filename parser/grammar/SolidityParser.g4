// SolidityParser.g4 — the syntactic grammar of Solidity 0.4.x through 0.8.x.
//
// Written for sleuth to be SLL-friendly, so that almost every file parses in
// ANTLR's fast SLL mode and never needs the full-LL re-parse:
//  * local variable declarations are parsed the way solc parses them: first an
//    expression (a type name is also an expression: `uint`, `a.B`, `T[]`),
//    then an optional location and name. A statement therefore never needs
//    unbounded lookahead to choose between "declaration" and "expression";
//  * tuple elements may carry a location and a name, so `(uint a, , bool b) =`
//    is an ordinary tuple assignment that the AST builder turns into a
//    declaration;
//  * `revert Err(...)` and `emit E(...)` start with distinct tokens.
// The grammar accepts a superset of Solidity: solc, not sleuth, is the judge of
// validity; sleuth only needs a faithful tree for every valid program.
//
// Regenerate with `go generate ./parser/...`.
parser grammar SolidityParser;

options { tokenVocab = SolidityLexer; }

sourceUnit
    : sourceUnitElement* EOF
    ;

sourceUnitElement
    : pragmaDirective
    | importDirective
    | contractDefinition
    | functionDefinition
    | structDefinition
    | enumDefinition
    | userDefinedValueTypeDefinition
    | usingDirective
    | errorDefinition
    | eventDefinition
    | stateVariableDeclaration
    ;

pragmaDirective
    : Pragma PragmaToken? PragmaSemicolon
    ;

importDirective
    : Import (
          path=StringLiteral (As unitAlias=identifier)?
        | (Mul | identifier) As unitAlias=identifier From path=StringLiteral
        | LBrace importAlias (Comma importAlias)* RBrace From path=StringLiteral
      ) Semicolon
    ;

importAlias
    : symbol=identifier (As alias=identifier)?
    ;

// ---- contracts, interfaces, libraries --------------------------------------------------

contractDefinition
    : Abstract? kind=(Contract | Interface | Library) name=identifier
      (inheritanceSpecifierList | layoutSpecifier)*
      LBrace contractBodyElement* RBrace
    ;

inheritanceSpecifierList
    : Is inheritanceSpecifier (Comma inheritanceSpecifier)*
    ;

inheritanceSpecifier
    : identifierPath callArgumentList?
    ;

layoutSpecifier
    : Layout At expression
    ;

contractBodyElement
    : constructorDefinition
    | functionDefinition
    | specialFunctionDefinition
    | modifierDefinition
    | structDefinition
    | enumDefinition
    | userDefinedValueTypeDefinition
    | eventDefinition
    | errorDefinition
    | usingDirective
    | stateVariableDeclaration
    ;

constructorDefinition
    : Constructor LParen parameterList? RParen functionAttribute* block
    ;

// `function f(...)`, and before 0.6 the unnamed fallback `function () ...`.
functionDefinition
    : Function name=identifier? LParen parameterList? RParen functionAttribute*
      (Returns LParen returnParameters=parameterList? RParen)?
      (Semicolon | block)
    ;

// `fallback(...)` and `receive()` from 0.6 on.
specialFunctionDefinition
    : kind=(Fallback | Receive) LParen parameterList? RParen functionAttribute*
      (Returns LParen returnParameters=parameterList? RParen)?
      (Semicolon | block)
    ;

functionAttribute
    : visibility
    | stateMutability
    | Virtual
    | overrideSpecifier
    | modifierInvocation
    ;

visibility
    : Public | Private | Internal | External
    ;

stateMutability
    : Pure | View | Payable | Constant
    ;

overrideSpecifier
    : Override (LParen identifierPath (Comma identifierPath)* RParen)?
    ;

modifierInvocation
    : identifierPath callArgumentList?
    ;

modifierDefinition
    : Modifier name=identifier (LParen parameterList? RParen)? (Virtual | overrideSpecifier)*
      (Semicolon | block)
    ;

stateVariableDeclaration
    : typeName stateVariableAttribute* name=identifier (Assign expression)? Semicolon
    ;

stateVariableAttribute
    : Public | Private | Internal | Constant | Immutable | Transient | overrideSpecifier
    ;

eventDefinition
    : Event name=identifier LParen (eventParameter (Comma eventParameter)*)? RParen Anonymous? Semicolon
    ;

eventParameter
    : typeName Indexed? name=identifier?
    ;

errorDefinition
    : Error name=identifier LParen (parameterDeclaration (Comma parameterDeclaration)*)? RParen Semicolon
    ;

structDefinition
    : Struct name=identifier LBrace structMember* RBrace
    ;

structMember
    : typeName name=identifier Semicolon
    ;

enumDefinition
    : Enum name=identifier LBrace (identifier (Comma identifier)*)? Comma? RBrace
    ;

userDefinedValueTypeDefinition
    : Type name=identifier Is elementaryTypeName Semicolon
    ;

usingDirective
    : Using (identifierPath | LBrace usingAlias (Comma usingAlias)* RBrace)
      For (Mul | typeName) Global? Semicolon
    ;

usingAlias
    : identifierPath (As userDefinableOperator)?
    ;

userDefinableOperator
    : BitAnd | BitNot | BitOr | BitXor | Add | Sub | Mul | Div | Mod
    | Equal | NotEqual | LessThan | GreaterThan | LessThanOrEqual | GreaterThanOrEqual
    ;

parameterList
    : parameterDeclaration (Comma parameterDeclaration)*
    ;

parameterDeclaration
    : typeName dataLocation? name=identifier?
    ;

// ---- types -----------------------------------------------------------------------------

typeName
    : elementaryTypeName
    | functionTypeName
    | mappingType
    | identifierPath
    | typeName LBrack expression? RBrack
    ;

elementaryTypeName
    : Address Payable?
    | ElementaryType
    ;

functionTypeName
    : Function LParen parameterList? RParen (visibility | stateMutability)*
      (Returns LParen returnParameters=parameterList? RParen)?
    ;

mappingType
    : Mapping LParen key=typeName keyName=identifier? DoubleArrow value=typeName valueName=identifier? RParen
    ;

dataLocation
    : Memory | Storage | Calldata
    ;

identifierPath
    : identifier (Period identifier)*
    ;

identifier
    : Identifier
    | At | Error | Fallback | From | Global | Layout | Receive | Revert | Transient
    | Years | Finney | Szabo
    ;

// ---- statements ------------------------------------------------------------------------

block
    : LBrace statement* RBrace
    ;

statement
    : block
    | uncheckedBlock
    | ifStatement
    | forStatement
    | whileStatement
    | doWhileStatement
    | continueStatement
    | breakStatement
    | tryStatement
    | returnStatement
    | throwStatement
    | emitStatement
    | revertStatement
    | assemblyStatement
    | variableDeclarationStatement
    | simpleStatement
    ;

uncheckedBlock
    : Unchecked block
    ;

// An expression statement, or a declaration whose type was parsed as an
// expression: `uint x = 1;`, `a.S memory s;`, `T[] storage t = ts;`.
simpleStatement
    : expression (dataLocation? name=identifier (Assign value=expression)?)? Semicolon
    ;

// Declarations whose type cannot be an expression.
variableDeclarationStatement
    : (mappingType | functionTypeName) (LBrack expression? RBrack)* dataLocation? name=identifier (Assign value=expression)? Semicolon
    | Var name=identifier (Assign value=expression)? Semicolon
    | Var LParen identifier? (Comma identifier?)* RParen Assign value=expression Semicolon
    ;

ifStatement
    : If LParen expression RParen statement (Else statement)?
    ;

forStatement
    : For LParen (simpleStatement | variableDeclarationStatement | Semicolon)
      (condition=expression? Semicolon) update=expression? RParen statement
    ;

whileStatement
    : While LParen expression RParen statement
    ;

doWhileStatement
    : Do statement While LParen expression RParen Semicolon
    ;

continueStatement
    : Continue Semicolon
    ;

breakStatement
    : Break Semicolon
    ;

tryStatement
    : Try expression (Returns LParen parameterList? RParen)? block catchClause+
    ;

catchClause
    : Catch (name=identifier? LParen parameterList? RParen)? block
    ;

returnStatement
    : Return expression? Semicolon
    ;

throwStatement
    : Throw Semicolon
    ;

emitStatement
    : Emit expression Semicolon
    ;

revertStatement
    : Revert identifierPath callArgumentList Semicolon
    ;

assemblyStatement
    : Assembly dialect=AssemblyFlagString?
      (AssemblyLParen AssemblyFlagString (AssemblyComma AssemblyFlagString)* AssemblyRParen)?
      AssemblyLBrace yulStatement* YulRBrace
    ;

// ---- expressions -------------------------------------------------------------------------

expression
    : expression LBrack index=expression? (Colon end=expression?)? RBrack          # IndexExpr
    | expression Period (identifier | Address)                                  # MemberExpr
    | expression LBrace namedArgument (Comma namedArgument)* RBrace             # CallOptionsExpr
    | expression callArgumentList                                               # CallExpr
    | expression op=(Inc | Dec)                                                 # PostfixExpr
    | op=(Inc | Dec | Not | BitNot | Delete | Sub | Add) expression              # PrefixExpr
    | <assoc=right> expression op=Exp expression                                # BinaryExpr
    | expression op=(Mul | Div | Mod) expression                                # BinaryExpr
    | expression op=(Add | Sub) expression                                      # BinaryExpr
    | expression op=(Shl | Sar | Shr) expression                                # BinaryExpr
    | expression op=BitAnd expression                                           # BinaryExpr
    | expression op=BitXor expression                                           # BinaryExpr
    | expression op=BitOr expression                                            # BinaryExpr
    | expression op=(LessThan | GreaterThan | LessThanOrEqual | GreaterThanOrEqual) expression # BinaryExpr
    | expression op=(Equal | NotEqual) expression                               # BinaryExpr
    | expression op=And expression                                              # BinaryExpr
    | expression op=Or expression                                               # BinaryExpr
    | <assoc=right> expression Question expression Colon expression             # ConditionalExpr
    | <assoc=right> expression op=(Assign | AssignBitOr | AssignBitXor | AssignBitAnd | AssignShl
        | AssignSar | AssignShr | AssignAdd | AssignSub | AssignMul | AssignDiv | AssignMod) expression # AssignmentExpr
    | New typeName                                                              # NewExpr
    | Type LParen typeName RParen                                               # MetaTypeExpr
    | Payable                                                                   # PayableExpr
    | LParen tupleElement? (Comma tupleElement?)* RParen                        # TupleExpr
    | LBrack (expression (Comma expression)*)? RBrack                           # InlineArrayExpr
    | elementaryTypeName                                                        # ElementaryTypeExpr
    | literal                                                                   # LiteralExpr
    | identifier                                                                # IdentifierExpr
    ;

// An element of a parenthesised list; the location and name are only there
// in tuple declarations: `(uint a, , bytes memory b) = f();`.
tupleElement
    : expression (dataLocation? name=identifier)?
    ;

callArgumentList
    : LParen (expression (Comma expression)*)? RParen
    | LParen LBrace (namedArgument (Comma namedArgument)*)? RBrace RParen
    ;

namedArgument
    : name=identifier Colon value=expression
    ;

literal
    : StringLiteral+
    | UnicodeStringLiteral+
    | HexStringLiteral+
    | (DecimalNumber | HexNumber) numberUnit?
    | True
    | False
    ;

numberUnit
    : Wei | Gwei | Ether | Seconds | Minutes | Hours | Days | Weeks | Years | Finney | Szabo
    ;

// ---- Yul -------------------------------------------------------------------------------

yulBlock
    : YulLBrace yulStatement* YulRBrace
    ;

yulStatement
    : yulBlock
    | yulVariableDeclaration
    | yulAssignment
    | yulFunctionCall
    | yulIfStatement
    | yulForStatement
    | yulSwitchStatement
    | YulLeave
    | YulBreak
    | YulContinue
    | yulFunctionDefinition
    | yulLabel
    | yulStackAssignment
    | yulInstruction
    ;

yulVariableDeclaration
    : YulLet yulTypedName (YulComma yulTypedName)* (YulAssign yulExpression)?
    ;

yulTypedName
    : YulIdentifier (YulColon YulIdentifier)?
    ;

yulAssignment
    : YulIdentifier (YulComma YulIdentifier)* YulAssign yulExpression
    ;

yulIfStatement
    : YulIf yulExpression yulBlock
    ;

yulForStatement
    : YulFor init=yulBlock yulExpression post=yulBlock body=yulBlock
    ;

yulSwitchStatement
    : YulSwitch yulExpression (yulCase+ yulDefault? | yulDefault)
    ;

yulCase
    : YulCase yulLiteral yulBlock
    ;

yulDefault
    : YulDefault yulBlock
    ;

yulFunctionDefinition
    : YulFunction name=YulIdentifier YulLParen (yulTypedName (YulComma yulTypedName)*)? YulRParen
      (YulArrow yulTypedName (YulComma yulTypedName)*)? yulBlock
    ;

// Pre-0.5 assembly: labels, stack assignments and bare instructions.
yulLabel
    : YulIdentifier YulColon
    ;

yulStackAssignment
    : YulStackAssign YulIdentifier
    ;

yulInstruction
    : YulIdentifier
    | yulLiteral
    ;

yulExpression
    : yulFunctionCall
    | YulIdentifier
    | yulLiteral
    ;

yulFunctionCall
    : YulIdentifier YulLParen (yulExpression (YulComma yulExpression)*)? YulRParen
    ;

yulLiteral
    : YulDecimalNumber
    | YulHexNumber
    | YulStringLiteral
    | YulHexStringLiteral
    | YulTrue
    | YulFalse
    ;
