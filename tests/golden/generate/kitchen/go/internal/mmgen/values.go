// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/values.go
// Template:    go/runtime/values.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// This file converts API JSON into terraform-plugin-framework values. APIs
// are loose about types (numbers as strings, booleans as "true", ids as
// numbers), and a provider that insists on exact JSON types breaks on the
// first one that is not; so values are coerced to the schema's type, and a
// value that cannot be read becomes null rather than a failed read.

package mmgen

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringValue converts raw; absent (ok false), JSON null or an uncoercible
// value gives null.
func StringValue(raw any, ok bool) types.String {
	if s, good := coerceString(raw); ok && raw != nil && good {
		return types.StringValue(s)
	}
	return types.StringNull()
}

// Int64Value converts raw (numbers, numeric strings, booleans as 0/1); a
// fractional or out-of-range number gives null.
func Int64Value(raw any, ok bool) types.Int64 {
	if n, good := coerceInt64(raw); ok && raw != nil && good {
		return types.Int64Value(n)
	}
	return types.Int64Null()
}

// Float64Value converts raw (numbers, numeric strings, booleans as 0/1); NaN
// and infinities, which Terraform cannot hold, give null.
func Float64Value(raw any, ok bool) types.Float64 {
	if f, good := coerceFloat64(raw); ok && raw != nil && good {
		return types.Float64Value(f)
	}
	return types.Float64Null()
}

// BoolValue converts a boolean or a "true"/"false" string (any case).
func BoolValue(raw any, ok bool) types.Bool {
	if b, good := coerceBool(raw); ok && raw != nil && good {
		return types.BoolValue(b)
	}
	return types.BoolNull()
}

// Known reports whether v is neither null nor unknown.
func Known(v attr.Value) bool {
	return v != nil && !v.IsNull() && !v.IsUnknown()
}

func coerceString(raw any) (string, bool) {
	switch v := raw.(type) {
	case nil:
		return "", false
	case string:
		return v, true
	case bool:
		return strconv.FormatBool(v), true
	case json.Number:
		return v.String(), true
	case int:
		return strconv.Itoa(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case int32:
		return strconv.FormatInt(int64(v), 10), true
	case uint64:
		return strconv.FormatUint(v, 10), true
	}
	text, err := compactJSON(raw) // float64 as JSON writes it; objects and arrays with sorted keys
	if err != nil {
		return "", false
	}
	return text, true
}

// compactJSON is raw as compact JSON, object keys sorted (encoding/json
// sorts map keys), without HTML escaping.
func compactJSON(raw any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(raw); err != nil {
		return "", err
	}
	return strings.TrimRight(buf.String(), "\n"), nil
}

func coerceInt64(raw any) (int64, bool) {
	switch v := raw.(type) {
	case json.Number:
		return parseInt64(string(v))
	case string:
		return parseInt64(v)
	case bool:
		if v {
			return 1, true
		}
		return 0, true
	case float64:
		return floatToInt64(v)
	case float32:
		return floatToInt64(float64(v))
	case int:
		return int64(v), true
	case int64:
		return v, true
	case int32:
		return int64(v), true
	case uint64:
		if v > math.MaxInt64 {
			return 0, false
		}
		return int64(v), true
	}
	return 0, false
}

func parseInt64(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(s, 64) // "1e3", "3.0"
	if err != nil {
		return 0, false
	}
	return floatToInt64(f)
}

func floatToInt64(f float64) (int64, bool) {
	if f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 { // also rejects NaN and infinities
		return 0, false
	}
	return int64(f), true
}

func coerceFloat64(raw any) (float64, bool) {
	var f float64
	switch v := raw.(type) {
	case json.Number:
		return parseFloat64(string(v))
	case string:
		return parseFloat64(v)
	case bool:
		if v {
			return 1, true
		}
		return 0, true
	case float64:
		f = v
	case float32:
		f = float64(v)
	case int:
		f = float64(v)
	case int64:
		f = float64(v)
	case int32:
		f = float64(v)
	case uint64:
		f = float64(v)
	default:
		return 0, false
	}
	return f, !math.IsNaN(f) && !math.IsInf(f, 0)
}

func parseFloat64(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func coerceBool(raw any) (bool, bool) {
	switch v := raw.(type) {
	case bool:
		return v, true
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

// KeepEmptyString, KeepEmptyInt64, KeepEmptyFloat64 and KeepEmptyBool return
// prior when the API left out a value that was set empty ("", 0, false): a
// field that omits empty values does not send it, so the API cannot return
// it, and the configured value stays.
func KeepEmptyString(flattened, prior types.String) types.String {
	if flattened.IsNull() && Known(prior) && prior.ValueString() == "" {
		return prior
	}
	return flattened
}

// KeepEmptyInt64 is KeepEmptyString for whole numbers (0).
func KeepEmptyInt64(flattened, prior types.Int64) types.Int64 {
	if flattened.IsNull() && Known(prior) && prior.ValueInt64() == 0 {
		return prior
	}
	return flattened
}

// KeepEmptyFloat64 is KeepEmptyString for numbers (0).
func KeepEmptyFloat64(flattened, prior types.Float64) types.Float64 {
	if flattened.IsNull() && Known(prior) && prior.ValueFloat64() == 0 {
		return prior
	}
	return flattened
}

// KeepEmptyBool is KeepEmptyString for booleans (false).
func KeepEmptyBool(flattened, prior types.Bool) types.Bool {
	if flattened.IsNull() && Known(prior) && !prior.ValueBool() {
		return prior
	}
	return flattened
}
