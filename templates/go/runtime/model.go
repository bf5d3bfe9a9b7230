// Helpers the generated resources use on their typed models: what the provider hands
// each resource, prior values that must never carry unknowns into state, and the update
// mask of a change.
package mmgen

import (
	"context"
	"reflect"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// ProviderData is what the provider's Configure hands every resource.
type ProviderData struct {
	Client   *Client
	Settings map[string]string // provider settings by name (subscription_id, project, ...)
	// Map settings by name (default_labels): merged under a resource's own map.
	Maps map[string]map[string]string
}

// PriorString is a value kept from the prior state or plan: applied state may hold no
// unknowns, so an unknown becomes null.
func PriorString(v types.String) types.String {
	if v.IsUnknown() {
		return types.StringNull()
	}
	return v
}

// PriorInt64 is PriorString for integers.
func PriorInt64(v types.Int64) types.Int64 {
	if v.IsUnknown() {
		return types.Int64Null()
	}
	return v
}

// PriorFloat64 is PriorString for numbers.
func PriorFloat64(v types.Float64) types.Float64 {
	if v.IsUnknown() {
		return types.Float64Null()
	}
	return v
}

// PriorBool is PriorString for booleans.
func PriorBool(v types.Bool) types.Bool {
	if v.IsUnknown() {
		return types.BoolNull()
	}
	return v
}

// PriorList keeps a prior list; a zero value (a nested model never set) or an unknown
// becomes a null list of the right element type.
func PriorList(v types.List, elem attr.Type) types.List {
	if v.IsUnknown() || v.ElementType(context.Background()) == nil {
		return types.ListNull(elem)
	}
	return v
}

// PriorSet is PriorList for sets.
func PriorSet(v types.Set, elem attr.Type) types.Set {
	if v.IsUnknown() || v.ElementType(context.Background()) == nil {
		return types.SetNull(elem)
	}
	return v
}

// PriorMap is PriorList for maps.
func PriorMap(v types.Map, elem attr.Type) types.Map {
	if v.IsUnknown() || v.ElementType(context.Background()) == nil {
		return types.MapNull(elem)
	}
	return v
}

// PriorBlocks keeps prior list or set blocks; Terraform represents absent blocks as an
// empty list, never null.
func PriorBlocks[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// SortedKeys returns the keys of an API object in order, so flattened sets of blocks
// come out the same on every read.
func SortedKeys(obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WithoutUnknowns returns the model with every unknown value made null, at any depth:
// what a failed create stores so that Terraform taints the resource instead of losing it.
func WithoutUnknowns[T any](ctx context.Context, m *T) *T {
	out := *m
	clearUnknowns(ctx, reflect.ValueOf(&out).Elem())
	return &out
}

var attrValue = reflect.TypeOf((*attr.Value)(nil)).Elem()

func clearUnknowns(ctx context.Context, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			clearUnknowns(ctx, v.Elem())
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			clearUnknowns(ctx, v.Index(i))
		}
	case reflect.Struct:
		if v.CanInterface() && v.Type().Implements(attrValue) {
			if null, ok := nullOf(ctx, v.Interface().(attr.Value)); ok && v.CanSet() {
				v.Set(reflect.ValueOf(null).Convert(v.Type()))
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				clearUnknowns(ctx, v.Field(i))
			}
		}
	}
}

// nullOf is the null of an unknown value's type; ok is false for known values and for
// types it does not know (they are left as they are).
func nullOf(ctx context.Context, v attr.Value) (attr.Value, bool) {
	if !v.IsUnknown() {
		return nil, false
	}
	switch x := v.(type) {
	case basetypes.StringValue:
		return types.StringNull(), true
	case basetypes.Int64Value:
		return types.Int64Null(), true
	case basetypes.Float64Value:
		return types.Float64Null(), true
	case basetypes.BoolValue:
		return types.BoolNull(), true
	case basetypes.ListValue:
		return types.ListNull(x.ElementType(ctx)), true
	case basetypes.SetValue:
		return types.SetNull(x.ElementType(ctx)), true
	case basetypes.MapValue:
		return types.MapNull(x.ElementType(ctx)), true
	}
	return nil, false
}

// ChangedPaths lists the dotted API paths whose values differ between two request bodies
// (objects are compared key by key, anything else whole), sorted: an update mask.
func ChangedPaths(before, after map[string]any) []string {
	var out []string
	changed("", before, after, &out)
	sort.Strings(out)
	return out
}

func changed(prefix string, before, after map[string]any, out *[]string) {
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	for k := range keys {
		name := k
		if prefix != "" {
			name = prefix + "." + k
		}
		b, bok := before[k]
		a, aok := after[k]
		bo, bIsObj := b.(map[string]any)
		ao, aIsObj := a.(map[string]any)
		switch {
		case bok && aok && bIsObj && aIsObj:
			changed(name, bo, ao, out)
		case bok != aok || !reflect.DeepEqual(b, a):
			*out = append(*out, name)
		}
	}
}

// MaskNames is what a change inside the top-level field at API path Path (dotted) puts
// in an update mask: Names, instead of its own changed paths (mmv1 update_mask_fields).
type MaskNames struct {
	Path  string
	Names []string
}

// UpdateMask is the updateMask of an update from before to after: the changed paths,
// each inside a field of names replaced by that field's names, every name once.
func UpdateMask(before, after map[string]any, names []MaskNames) []string {
	out := []string{}
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, p := range ChangedPaths(before, after) {
		own := false
		for _, m := range names {
			if p == m.Path || strings.HasPrefix(p, m.Path+".") {
				for _, n := range m.Names {
					add(n)
				}
				own = true
				break
			}
		}
		if !own {
			add(p)
		}
	}
	return out
}

// FillUnknowns returns m with each unknown value replaced by the value at the same place
// in from (struct fields and pointers at any depth; list elements where both have one):
// what is known of a resource the API cannot read is its plan and its create answer.
// Nested values m points to are filled in place.
func FillUnknowns[T any](ctx context.Context, m, from *T) *T {
	out := *m
	fillUnknowns(reflect.ValueOf(&out).Elem(), reflect.ValueOf(from).Elem())
	return &out
}

func fillUnknowns(v, from reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() && !from.IsNil() {
			fillUnknowns(v.Elem(), from.Elem())
		}
	case reflect.Slice:
		for i := 0; i < v.Len() && i < from.Len(); i++ {
			fillUnknowns(v.Index(i), from.Index(i))
		}
	case reflect.Struct:
		if v.CanInterface() && v.Type().Implements(attrValue) {
			if v.Interface().(attr.Value).IsUnknown() && v.CanSet() {
				v.Set(from)
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fillUnknowns(v.Field(i), from.Field(i))
			}
		}
	}
}

type importingKey struct{}

// WithImporting marks ctx as the read right after an import: optional+computed blocks,
// which are otherwise left absent when the configuration leaves them out, are read from
// the API then (there is no configuration to compare with).
func WithImporting(ctx context.Context) context.Context {
	return context.WithValue(ctx, importingKey{}, true)
}

// IsImporting reports whether ctx is the read right after an import.
func IsImporting(ctx context.Context) bool {
	v, _ := ctx.Value(importingKey{}).(bool)
	return v
}

// ImportedKey is the private-state key ImportState sets for the Read that follows it.
const ImportedKey = "mmgen_imported"
