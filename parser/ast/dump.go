package ast

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/sleuth-sec/sleuth/parser/source"
)

// Dump writes a readable, stable rendering of the tree: one node per line
// with its span, scalar fields inline and children indented under their
// field names. Golden tests compare it; humans debug with it.
func Dump(w io.Writer, n Node) error {
	d := &dumper{w: w}
	d.node(reflect.ValueOf(n), 0)
	return d.err
}

type dumper struct {
	w   io.Writer
	err error
}

// Fields that point back up the tree or index Nodes a second time, by
// type and field name: UsingForDirective.Functions, say, is content and is
// dumped, ContractDefinition.Functions only indexes Nodes.
var skipFields = map[string]bool{
	"ContractDefinition.Source": true, "ContractDefinition.Functions": true, "ContractDefinition.Modifiers": true,
	"ContractDefinition.StateVars": true, "ContractDefinition.Events": true, "ContractDefinition.Errors": true,
	"ContractDefinition.Structs": true, "ContractDefinition.Enums": true, "ContractDefinition.ValueTypes": true,
	"ContractDefinition.UsingFor": true,
	"SourceUnit.File":             true, "SourceUnit.Pragmas": true, "SourceUnit.Imports": true, "SourceUnit.Contracts": true,
	"FunctionDefinition.Contract": true, "ModifierDefinition.Contract": true,
	"ImportDirective.PathSpan": true,
}

var (
	spanType  = reflect.TypeOf(source.Span{})
	identType = reflect.TypeOf(Ident{})
)

func (d *dumper) printf(format string, args ...any) {
	if d.err == nil {
		_, d.err = fmt.Fprintf(d.w, format, args...)
	}
}

func spanString(s source.Span) string {
	if s.File == nil {
		return "?"
	}
	return fmt.Sprintf("%d:%d-%d:%d", s.Start.Line, s.Start.Column, s.End.Line, s.End.Column)
}

func (d *dumper) node(v reflect.Value, depth int) {
	indent := strings.Repeat("  ", depth)
	if !v.IsValid() || (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil() {
		d.printf("%snil\n", indent)
		return
	}
	for v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	n, _ := v.Interface().(Node)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	t := v.Type()
	var line strings.Builder
	line.WriteString(indent + t.Name())
	if n != nil {
		line.WriteString(" " + spanString(n.Span()))
	}
	type child struct {
		name string
		v    reflect.Value
	}
	var children []child
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous || skipFields[t.Name()+"."+f.Name] || !f.IsExported() {
			continue
		}
		fv := v.Field(i)
		switch {
		case f.Type == identType:
			id := fv.Interface().(Ident)
			if id.Name != "" {
				fmt.Fprintf(&line, " %s=%s@%s", f.Name, id.Name, spanString(id.Src))
			}
		case f.Type == spanType:
			continue
		case fv.Kind() == reflect.String:
			if s := fv.String(); s != "" {
				fmt.Fprintf(&line, " %s=%s", f.Name, strconv.Quote(s))
			}
		case fv.Kind() == reflect.Bool:
			if fv.Bool() {
				fmt.Fprintf(&line, " %s", f.Name)
			}
		case fv.Kind() == reflect.Slice && fv.Type().Elem() == identType:
			if fv.Len() > 0 {
				names := make([]string, fv.Len())
				for j := range names {
					names[j] = fv.Index(j).Interface().(Ident).Name
				}
				fmt.Fprintf(&line, " %s=[%s]", f.Name, strings.Join(names, ","))
			}
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
			if fv.Len() > 0 {
				fmt.Fprintf(&line, " %s=%q", f.Name, fv.Interface())
			}
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.Struct:
			// ImportSymbol, UsingFunction: render inline.
			for j := 0; j < fv.Len(); j++ {
				fmt.Fprintf(&line, " %s[%d]={%s}", f.Name, j, inlineStruct(fv.Index(j)))
			}
		case fv.Kind() == reflect.Slice, fv.Kind() == reflect.Pointer, fv.Kind() == reflect.Interface:
			if fv.Kind() == reflect.Slice && fv.Len() == 0 || fv.Kind() != reflect.Slice && fv.IsNil() {
				continue
			}
			children = append(children, child{f.Name, fv})
		}
	}
	d.printf("%s\n", line.String())
	for _, c := range children {
		if c.v.Kind() == reflect.Slice {
			d.printf("%s  %s:\n", indent, c.name)
			for j := 0; j < c.v.Len(); j++ {
				d.node(c.v.Index(j), depth+2)
			}
			continue
		}
		d.printf("%s  %s:\n", indent, c.name)
		d.node(c.v, depth+2)
	}
}

func inlineStruct(v reflect.Value) string {
	var parts []string
	for i := 0; i < v.NumField(); i++ {
		f, fv := v.Type().Field(i), v.Field(i)
		switch x := fv.Interface().(type) {
		case Ident:
			if x.Name != "" {
				parts = append(parts, f.Name+"="+x.Name)
			}
		case *IdentifierPath:
			if x != nil {
				parts = append(parts, f.Name+"="+x.String())
			}
		case string:
			if x != "" {
				parts = append(parts, f.Name+"="+strconv.Quote(x))
			}
		}
	}
	return strings.Join(parts, " ")
}
