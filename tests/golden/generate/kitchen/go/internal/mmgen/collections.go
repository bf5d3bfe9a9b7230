// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/collections.go
// Template:    go/runtime/collections.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// This file converts collections of primitives between API JSON and the
// framework's List, Set and Map, and back. It also keeps null and empty
// collections apart only where Terraform would see a difference, because
// APIs freely answer [] for an omitted list and omit a list sent as [].

package mmgen

import (
	"context"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// ListValue converts a JSON array to a list of elem (types.StringType,
// Int64Type, Float64Type or BoolType). A non-array value becomes a
// one-element list; JSON null elements are dropped, since the API means
// nothing by them and Terraform collections do not want them.
func ListValue(raw any, ok bool, elem attr.Type) (types.List, diag.Diagnostics) {
	if !ok || raw == nil {
		return types.ListNull(elem), nil
	}
	vals, diags := elemValues(elem, asArray(raw))
	if diags.HasError() {
		return types.ListNull(elem), diags
	}
	return types.ListValue(elem, vals)
}

// SetValue is ListValue for sets; duplicate elements are dropped.
func SetValue(raw any, ok bool, elem attr.Type) (types.Set, diag.Diagnostics) {
	if !ok || raw == nil {
		return types.SetNull(elem), nil
	}
	vals, diags := elemValues(elem, asArray(raw))
	if diags.HasError() {
		return types.SetNull(elem), diags
	}
	seen := make(map[string]bool, len(vals))
	unique := vals[:0]
	for _, v := range vals {
		if key := v.String(); !seen[key] {
			seen[key] = true
			unique = append(unique, v)
		}
	}
	return types.SetValue(elem, unique)
}

// MapValue converts a JSON object to a map of elem; null values are dropped.
func MapValue(raw any, ok bool, elem attr.Type) (types.Map, diag.Diagnostics) {
	if !ok || raw == nil {
		return types.MapNull(elem), nil
	}
	obj, isObj := raw.(map[string]any)
	if !isObj {
		if sm, isStrings := raw.(map[string]string); isStrings {
			obj = make(map[string]any, len(sm))
			for k, v := range sm {
				obj[k] = v
			}
		} else {
			var diags diag.Diagnostics
			diags.AddError("Unexpected API value", "expected a JSON object for a map, got "+describe(raw))
			return types.MapNull(elem), diags
		}
	}
	var diags diag.Diagnostics
	vals := make(map[string]attr.Value, len(obj))
	for k, item := range obj {
		if item == nil {
			continue
		}
		v, err := elemValue(elem, item)
		if err != nil {
			diags.AddError("Unexpected API value", fmt.Sprintf("map key %q: %v", k, err))
			continue
		}
		vals[k] = v
	}
	if diags.HasError() {
		return types.MapNull(elem), diags
	}
	return types.MapValue(elem, vals)
}

func asArray(raw any) []any {
	switch v := raw.(type) {
	case []any:
		return v
	case []string:
		out := make([]any, len(v))
		for i, s := range v {
			out[i] = s
		}
		return out
	}
	return []any{raw}
}

func elemValues(elem attr.Type, items []any) ([]attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	vals := make([]attr.Value, 0, len(items))
	for i, item := range items {
		if item == nil {
			continue
		}
		v, err := elemValue(elem, item)
		if err != nil {
			diags.AddError("Unexpected API value", fmt.Sprintf("element %d: %v", i, err))
			continue
		}
		vals = append(vals, v)
	}
	return vals, diags
}

// elemValue converts one non-null element, reporting what could not be read.
func elemValue(elem attr.Type, raw any) (attr.Value, error) {
	var v attr.Value
	good := false
	switch {
	case elem == nil:
		return nil, fmt.Errorf("no element type")
	case elem.Equal(types.StringType):
		s, ok := coerceString(raw)
		v, good = types.StringValue(s), ok
	case elem.Equal(types.Int64Type):
		n, ok := coerceInt64(raw)
		v, good = types.Int64Value(n), ok
	case elem.Equal(types.Float64Type):
		f, ok := coerceFloat64(raw)
		v, good = types.Float64Value(f), ok
	case elem.Equal(types.BoolType):
		b, ok := coerceBool(raw)
		v, good = types.BoolValue(b), ok
	default:
		return nil, fmt.Errorf("element type %s is not a primitive this runtime converts", elem)
	}
	if !good {
		return nil, fmt.Errorf("cannot read %s as %s", describe(raw), elem)
	}
	return v, nil
}

// describe shows a value in an error message, shortened.
func describe(raw any) string {
	s, err := compactJSON(raw)
	if err != nil {
		s = fmt.Sprintf("%v", raw)
	}
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return fmt.Sprintf("%s (%T)", s, raw)
}

// ExpandList converts v to JSON-able values; null and unknown elements are
// skipped. A null or unknown list gives nil, an empty one a non-nil empty
// slice (JSON [] rather than null).
func ExpandList(v types.List) []any {
	if !Known(v) {
		return nil
	}
	return expandElems(v.Elements())
}

// ExpandSet is ExpandList for sets.
func ExpandSet(v types.Set) []any {
	if !Known(v) {
		return nil
	}
	return expandElems(v.Elements())
}

// ExpandMap is ExpandList for maps.
func ExpandMap(v types.Map) map[string]any {
	if !Known(v) {
		return nil
	}
	return expandAttrs(v.Elements())
}

func expandElems(elems []attr.Value) []any {
	out := make([]any, 0, len(elems))
	for _, e := range elems {
		if x, ok := expandValue(e); ok {
			out = append(out, x)
		}
	}
	return out
}

func expandAttrs(elems map[string]attr.Value) map[string]any {
	out := make(map[string]any, len(elems))
	for k, e := range elems {
		if x, ok := expandValue(e); ok {
			out[k] = x
		}
	}
	return out
}

// expandValue handles primitives and, for elements of custom or nested
// types, anything that converts to a base type.
func expandValue(v attr.Value) (any, bool) {
	if !Known(v) {
		return nil, false
	}
	ctx := context.Background()
	switch t := v.(type) {
	case basetypes.StringValuable:
		s, d := t.ToStringValue(ctx)
		return s.ValueString(), !d.HasError() && Known(s)
	case basetypes.Int64Valuable:
		n, d := t.ToInt64Value(ctx)
		return n.ValueInt64(), !d.HasError() && Known(n)
	case basetypes.Int32Valuable:
		n, d := t.ToInt32Value(ctx)
		return int64(n.ValueInt32()), !d.HasError() && Known(n)
	case basetypes.Float64Valuable:
		f, d := t.ToFloat64Value(ctx)
		return f.ValueFloat64(), !d.HasError() && Known(f)
	case basetypes.Float32Valuable:
		f, d := t.ToFloat32Value(ctx)
		return float64(f.ValueFloat32()), !d.HasError() && Known(f)
	case basetypes.BoolValuable:
		b, d := t.ToBoolValue(ctx)
		return b.ValueBool(), !d.HasError() && Known(b)
	case basetypes.NumberValuable:
		n, d := t.ToNumberValue(ctx)
		if d.HasError() || !Known(n) {
			return nil, false
		}
		return bigNumber(n.ValueBigFloat()), true
	case basetypes.ListValuable:
		l, d := t.ToListValue(ctx)
		return expandElems(l.Elements()), !d.HasError() && Known(l)
	case basetypes.SetValuable:
		s, d := t.ToSetValue(ctx)
		return expandElems(s.Elements()), !d.HasError() && Known(s)
	case basetypes.MapValuable:
		m, d := t.ToMapValue(ctx)
		return expandAttrs(m.Elements()), !d.HasError() && Known(m)
	case basetypes.ObjectValuable:
		o, d := t.ToObjectValue(ctx)
		return expandAttrs(o.Attributes()), !d.HasError() && Known(o)
	case basetypes.DynamicValuable:
		dv, d := t.ToDynamicValue(ctx)
		if d.HasError() || dv.IsUnderlyingValueNull() || dv.IsUnderlyingValueUnknown() {
			return nil, false
		}
		return expandValue(dv.UnderlyingValue())
	}
	return nil, false
}

func bigNumber(f *big.Float) any {
	if f.IsInt() {
		if n, acc := f.Int64(); acc == big.Exact {
			return n
		}
	}
	x, _ := f.Float64()
	return x
}

// KeepEmptyList returns prior when both values are null or empty, so the
// API answering [] for null (or nothing for []) causes no diff; otherwise
// flattened.
func KeepEmptyList(flattened, prior types.List) types.List {
	if nullOrEmpty(flattened, len(flattened.Elements())) &&
		nullOrEmpty(prior, len(prior.Elements())) && prior.ElementType(context.Background()) != nil {
		return prior
	}
	return flattened
}

// KeepEmptySet is KeepEmptyList for sets.
func KeepEmptySet(flattened, prior types.Set) types.Set {
	if nullOrEmpty(flattened, len(flattened.Elements())) &&
		nullOrEmpty(prior, len(prior.Elements())) && prior.ElementType(context.Background()) != nil {
		return prior
	}
	return flattened
}

// KeepEmptyMap is KeepEmptyList for maps.
func KeepEmptyMap(flattened, prior types.Map) types.Map {
	if nullOrEmpty(flattened, len(flattened.Elements())) &&
		nullOrEmpty(prior, len(prior.Elements())) && prior.ElementType(context.Background()) != nil {
		return prior
	}
	return flattened
}

func nullOrEmpty(v attr.Value, n int) bool {
	return v.IsNull() || (!v.IsUnknown() && n == 0)
}
