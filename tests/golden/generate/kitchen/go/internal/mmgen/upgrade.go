// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/upgrade.go
// Template:    go/runtime/upgrade.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// State upgrades between schema versions: the state is carried over by attribute name,
// at every depth (values of attributes that still exist are kept, new ones start null,
// removed ones are dropped), which is what the python target's runtime does too. A spec
// that needs more (renamed fields, changed types) names custom code for it.

package mmgen

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ConformingUpgraders upgrade state of every version below current to current.
func ConformingUpgraders(current int64, schemaOf func(context.Context) schema.Schema) map[int64]resource.StateUpgrader {
	out := map[int64]resource.StateUpgrader{}
	for v := int64(0); v < current; v++ {
		out[v] = resource.StateUpgrader{
			StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
				if req.RawState == nil {
					resp.Diagnostics.AddError("Cannot upgrade state", "no prior state was given")
					return
				}
				s := schemaOf(ctx)
				value, err := ConformJSON(req.RawState.JSON, s.Type().TerraformType(ctx))
				if err != nil {
					resp.Diagnostics.AddError("Cannot upgrade state", err.Error())
					return
				}
				resp.State = tfsdk.State{Schema: s, Raw: value}
			},
		}
	}
	return out
}

// ConformJSON decodes a prior state's JSON into a value of type t, keeping what fits.
func ConformJSON(raw []byte, t tftypes.Type) (tftypes.Value, error) {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return tftypes.Value{}, fmt.Errorf("prior state is not JSON: %w", err)
	}
	return conform(t, v, "")
}

func conform(t tftypes.Type, v any, at string) (tftypes.Value, error) {
	if v == nil {
		return tftypes.NewValue(t, nil), nil
	}
	switch {
	case t.Is(tftypes.String):
		if s, ok := v.(string); ok {
			return tftypes.NewValue(t, s), nil
		}
		return tftypes.NewValue(t, fmt.Sprint(v)), nil
	case t.Is(tftypes.Bool):
		if b, ok := v.(bool); ok {
			return tftypes.NewValue(t, b), nil
		}
		return tftypes.NewValue(t, nil), nil
	case t.Is(tftypes.Number):
		n, ok := v.(json.Number)
		if !ok {
			return tftypes.NewValue(t, nil), nil
		}
		f, _, err := big.ParseFloat(n.String(), 10, 512, big.ToNearestEven)
		if err != nil {
			return tftypes.Value{}, fmt.Errorf("%s: %w", at, err)
		}
		return tftypes.NewValue(t, f), nil
	}
	switch tt := t.(type) {
	case tftypes.Object:
		obj, _ := v.(map[string]any)
		vals := map[string]tftypes.Value{}
		for name, at2 := range tt.AttributeTypes {
			cv, err := conform(at2, obj[name], at+"."+name)
			if err != nil {
				return tftypes.Value{}, err
			}
			vals[name] = cv
		}
		return tftypes.NewValue(t, vals), nil
	case tftypes.List:
		return conformElems(t, tt.ElementType, v, at)
	case tftypes.Set:
		return conformElems(t, tt.ElementType, v, at)
	case tftypes.Map:
		obj, _ := v.(map[string]any)
		vals := map[string]tftypes.Value{}
		for k, item := range obj {
			cv, err := conform(tt.ElementType, item, at+"."+k)
			if err != nil {
				return tftypes.Value{}, err
			}
			vals[k] = cv
		}
		return tftypes.NewValue(t, vals), nil
	}
	return tftypes.NewValue(t, nil), nil
}

func conformElems(t, elem tftypes.Type, v any, at string) (tftypes.Value, error) {
	items, _ := v.([]any)
	vals := make([]tftypes.Value, 0, len(items))
	for i, item := range items {
		cv, err := conform(elem, item, fmt.Sprintf("%s[%d]", at, i))
		if err != nil {
			return tftypes.Value{}, err
		}
		vals = append(vals, cv)
	}
	return tftypes.NewValue(t, vals), nil
}
