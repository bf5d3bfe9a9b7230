// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/nested.go
// Template:    go/runtime/nested.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// This file holds what a nested resource needs: one that is an entry of a list
// inside another object's read response (Magic Modules' nested_query). The
// generated resource flattens each entry to find its own by its identity
// attributes; a read-modify-write of the parent (modify_by_patch) edits the
// list and sends it back under the same keys.

package mmgen

import (
	"errors"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// The edits of a read-modify-write.
const (
	NestedAdd     = "add"
	NestedReplace = "replace"
	NestedRemove  = "remove"
)

// NestedList is the list at keys in a read response: a single object there is
// a list of one, anything missing an empty list.
func NestedList(api map[string]any, keys []string) []any {
	v, ok := Get(api, keys...)
	if !ok {
		return nil
	}
	switch t := v.(type) {
	case []any:
		return append([]any(nil), t...)
	case map[string]any:
		return []any{t}
	}
	return nil
}

// NestedEntries is NestedList as objects, index for index. With idPath (a list
// of plain ids) each id becomes the object {idPath: id} the resource reads.
func NestedEntries(api map[string]any, keys []string, idPath []string) []map[string]any {
	list := NestedList(api, keys)
	out := make([]map[string]any, len(list))
	for i, item := range list {
		if len(idPath) > 0 {
			out[i] = map[string]any{}
			Put(out[i], item, idPath...)
		} else if m, ok := Object(item); ok {
			out[i] = m
		} else {
			out[i] = map[string]any{}
		}
	}
	return out
}

// SameIdentity reports whether an entry's identity value (flattened) is the
// state's: equal, both null/unknown/empty, or one string the other's last
// path segment (a self link against a name).
func SameIdentity(found, expected attr.Value) bool {
	if emptyIdentity(found) && emptyIdentity(expected) {
		return true
	}
	fs, fok := found.(basetypes.StringValue)
	es, eok := expected.(basetypes.StringValue)
	if fok && eok {
		a, b := fs.ValueString(), es.ValueString()
		return a == b || strings.HasSuffix(a, "/"+b) || strings.HasSuffix(b, "/"+a)
	}
	return found.Equal(expected)
}

func emptyIdentity(v attr.Value) bool {
	if v == nil || v.IsNull() || v.IsUnknown() {
		return true
	}
	switch t := v.(type) {
	case basetypes.StringValue:
		return t.ValueString() == ""
	case basetypes.Int64Value:
		return t.ValueInt64() == 0
	case basetypes.BoolValue:
		return !t.ValueBool()
	case basetypes.Float64Value:
		return t.ValueFloat64() == 0
	}
	return false
}

// ErrNestedConflict is a read-modify-write that cannot apply: the entry to add is
// already in the list, or the one to replace is not.
var ErrNestedConflict = errors.New("the parent's list cannot take this change")

// NestedEdit is list with entry added, merged over the one at index (replace),
// or that one removed; index is -1 when the resource is not in the list.
// found is false when there was nothing to remove.
func NestedEdit(list []any, index int, entry any, op string) (out []any, found bool, err error) {
	out = append([]any(nil), list...)
	switch op {
	case NestedAdd:
		if index >= 0 {
			return nil, true, errors.Join(ErrNestedConflict, errors.New("an entry with the same identity already exists"))
		}
		return append(out, entry), false, nil
	case NestedReplace:
		if index < 0 {
			return nil, false, errors.Join(ErrNestedConflict, errors.New("the entry to update is not in the list"))
		}
		old, oldOK := Object(out[index])
		next, nextOK := Object(entry)
		if oldOK && nextOK {
			merged := map[string]any{}
			for k, v := range old {
				merged[k] = v
			}
			for k, v := range next {
				merged[k] = v
			}
			entry = merged
		}
		out[index] = entry
		return out, true, nil
	}
	if index < 0 {
		return out, false, nil
	}
	return append(out[:index], out[index+1:]...), true, nil
}

// NestedEntry is what a read-modify-write puts in the list for a request body:
// the body itself, or in a list of plain ids the value at idPath.
func NestedEntry(body map[string]any, idPath []string) any {
	if len(idPath) == 0 {
		return body
	}
	v, _ := Get(body, idPath...)
	return v
}

// NestedBody wraps list under keys: {keys[0]: {...: {keys[n-1]: list}}}.
func NestedBody(keys []string, list []any) map[string]any {
	var body any = list
	if list == nil {
		body = []any{}
	}
	for i := len(keys) - 1; i >= 0; i-- {
		body = map[string]any{keys[i]: body}
	}
	m, _ := body.(map[string]any)
	return m
}
