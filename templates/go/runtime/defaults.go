package mmgen

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// DefaultString is v, or the provider setting when v is null or unknown and the setting
// is set: an argument such as project that the provider configuration supplies.
func DefaultString(v types.String, setting string) types.String {
	if Known(v) || setting == "" {
		return v
	}
	return types.StringValue(setting)
}

// MergedMap is configured merged over defaults (configured keys win): what a resource
// sends for a non-authoritative map such as labels. Unknown while configured is; null
// when both are empty and configured is null.
func MergedMap(configured types.Map, defaults map[string]string) types.Map {
	if configured.IsUnknown() {
		return types.MapUnknown(types.StringType)
	}
	elems := map[string]attr.Value{}
	for k, v := range defaults {
		elems[k] = types.StringValue(v)
	}
	if !configured.IsNull() {
		for k, v := range configured.Elements() {
			elems[k] = v
		}
	}
	if len(elems) == 0 && configured.IsNull() {
		return types.MapNull(types.StringType)
	}
	return types.MapValueMust(types.StringType, elems)
}

// ManagedKeys is the part of an API map whose keys prior holds: a non-authoritative map
// reads back only the keys it manages. A null or unknown prior manages none (null).
func ManagedKeys(ctx context.Context, api types.Map, prior types.Map) types.Map {
	if prior.IsNull() || prior.IsUnknown() || prior.ElementType(ctx) == nil {
		return types.MapNull(types.StringType)
	}
	read := map[string]attr.Value{}
	if !api.IsNull() && !api.IsUnknown() {
		read = api.Elements()
	}
	elems := map[string]attr.Value{}
	for k := range prior.Elements() {
		if v, ok := read[k]; ok {
			elems[k] = v
		}
	}
	return types.MapValueMust(types.StringType, elems)
}

// StringMap is a map setting's known string values (empty when null or unknown).
func StringMap(v types.Map) map[string]string {
	out := map[string]string{}
	if v.IsNull() || v.IsUnknown() {
		return out
	}
	for k, e := range v.Elements() {
		if s, ok := e.(types.String); ok && Known(s) {
			out[k] = s.ValueString()
		}
	}
	return out
}
