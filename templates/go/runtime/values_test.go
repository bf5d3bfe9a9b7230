// Tests for JSON <-> framework value conversion: the coercions APIs need,
// null versus absent, collections both ways, KeepEmpty* and the env helpers.

package mmgen

import (
	"encoding/json"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestScalarValues(t *testing.T) {
	obj := map[string]any{"a": 1}
	tests := []struct {
		raw any
		ok  bool
		s   types.String
		i   types.Int64
		f   types.Float64
		b   types.Bool
	}{
		{"hello", true, types.StringValue("hello"), types.Int64Null(), types.Float64Null(), types.BoolNull()},
		{json.Number("42"), true, types.StringValue("42"), types.Int64Value(42), types.Float64Value(42), types.BoolNull()},
		{json.Number("9007199254740993"), true, types.StringValue("9007199254740993"), types.Int64Value(9007199254740993), types.Float64Value(9007199254740993), types.BoolNull()},
		{json.Number("2.5"), true, types.StringValue("2.5"), types.Int64Null(), types.Float64Value(2.5), types.BoolNull()},
		{json.Number("1e3"), true, types.StringValue("1e3"), types.Int64Value(1000), types.Float64Value(1000), types.BoolNull()},
		{3.0, true, types.StringValue("3"), types.Int64Value(3), types.Float64Value(3), types.BoolNull()},
		{" 17 ", true, types.StringValue(" 17 "), types.Int64Value(17), types.Float64Value(17), types.BoolNull()},
		{"3.0", true, types.StringValue("3.0"), types.Int64Value(3), types.Float64Value(3), types.BoolNull()},
		{"TRUE", true, types.StringValue("TRUE"), types.Int64Null(), types.Float64Null(), types.BoolValue(true)},
		{"false", true, types.StringValue("false"), types.Int64Null(), types.Float64Null(), types.BoolValue(false)},
		{true, true, types.StringValue("true"), types.Int64Value(1), types.Float64Value(1), types.BoolValue(true)},
		{false, true, types.StringValue("false"), types.Int64Value(0), types.Float64Value(0), types.BoolValue(false)},
		{"NaN", true, types.StringValue("NaN"), types.Int64Null(), types.Float64Null(), types.BoolNull()},
		{json.Number("1e400"), true, types.StringValue("1e400"), types.Int64Null(), types.Float64Null(), types.BoolNull()},
		{"9223372036854775808", true, types.StringValue("9223372036854775808"), types.Int64Null(), types.Float64Value(9223372036854775808), types.BoolNull()},
		{map[string]any{"z": 1, "a": []any{"<x>", nil}}, true, types.StringValue(`{"a":["<x>",null],"z":1}`), types.Int64Null(), types.Float64Null(), types.BoolNull()},
		{[]any{json.Number("1"), "b"}, true, types.StringValue(`[1,"b"]`), types.Int64Null(), types.Float64Null(), types.BoolNull()},
		{nil, true, types.StringNull(), types.Int64Null(), types.Float64Null(), types.BoolNull()},  // JSON null
		{obj, false, types.StringNull(), types.Int64Null(), types.Float64Null(), types.BoolNull()}, // absent
		{"x", false, types.StringNull(), types.Int64Null(), types.Float64Null(), types.BoolNull()},
	}
	for _, tt := range tests {
		if got := StringValue(tt.raw, tt.ok); !got.Equal(tt.s) {
			t.Errorf("StringValue(%#v, %v) = %v, want %v", tt.raw, tt.ok, got, tt.s)
		}
		if got := Int64Value(tt.raw, tt.ok); !got.Equal(tt.i) {
			t.Errorf("Int64Value(%#v, %v) = %v, want %v", tt.raw, tt.ok, got, tt.i)
		}
		if got := Float64Value(tt.raw, tt.ok); !got.Equal(tt.f) {
			t.Errorf("Float64Value(%#v, %v) = %v, want %v", tt.raw, tt.ok, got, tt.f)
		}
		if got := BoolValue(tt.raw, tt.ok); !got.Equal(tt.b) {
			t.Errorf("BoolValue(%#v, %v) = %v, want %v", tt.raw, tt.ok, got, tt.b)
		}
	}
}

func TestCollectionValues(t *testing.T) {
	S, I := types.StringValue, types.Int64Value
	strs := func(v ...attr.Value) []attr.Value { return v }
	tests := []struct {
		name    string
		raw     any
		ok      bool
		elem    attr.Type
		want    []attr.Value // nil: a null collection
		wantErr bool
	}{
		{"strings", []any{"a", json.Number("2"), true}, true, types.StringType, strs(S("a"), S("2"), S("true")), false},
		{"ints from numbers and strings", []any{json.Number("1"), "2", 3.0}, true, types.Int64Type, strs(I(1), I(2), I(3)), false},
		{"scalar becomes one element", "solo", true, types.StringType, strs(S("solo")), false},
		{"nulls dropped", []any{nil, "a", nil}, true, types.StringType, strs(S("a")), false},
		{"empty stays empty", []any{}, true, types.StringType, []attr.Value{}, false},
		{"absent is null", nil, false, types.StringType, nil, false},
		{"JSON null is null", nil, true, types.BoolType, nil, false},
		{"bad element", []any{"x"}, true, types.Int64Type, nil, true},
		{"unsupported element type", []any{"x"}, true, types.ListType{ElemType: types.StringType}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, diags := ListValue(tt.raw, tt.ok, tt.elem)
			if diags.HasError() != tt.wantErr {
				t.Fatalf("list diags %v", diags)
			}
			if tt.want == nil {
				if !l.IsNull() {
					t.Fatalf("list %v, want null", l)
				}
			} else if want := types.ListValueMust(tt.elem, tt.want); !l.Equal(want) {
				t.Fatalf("list %v, want %v", l, want)
			}
			s, diags := SetValue(tt.raw, tt.ok, tt.elem)
			if diags.HasError() != tt.wantErr || (tt.want == nil) != s.IsNull() || (tt.want != nil && len(s.Elements()) != len(tt.want)) {
				t.Fatalf("set %v, %v", s, diags)
			}
		})
	}
	s, diags := SetValue([]any{"a", "b", "a", json.Number("1"), "1"}, true, types.StringType)
	if want := types.SetValueMust(types.StringType, strs(S("a"), S("b"), S("1"))); diags.HasError() || !s.Equal(want) {
		t.Fatalf("set duplicates: %v, want %v", s, want)
	}
}

func TestMapValue(t *testing.T) {
	m, diags := MapValue(map[string]any{"a": json.Number("1"), "b": "2", "c": nil}, true, types.Int64Type)
	want := types.MapValueMust(types.Int64Type, map[string]attr.Value{"a": types.Int64Value(1), "b": types.Int64Value(2)})
	if diags.HasError() || !m.Equal(want) {
		t.Fatalf("MapValue = %v, %v; want %v", m, diags, want)
	}
	for _, raw := range []any{"not an object", []any{"a"}, map[string]any{"k": "x"}} {
		if m, diags := MapValue(raw, true, types.BoolType); !diags.HasError() || !m.IsNull() {
			t.Errorf("MapValue(%#v) = %v, %v; want null and an error", raw, m, diags)
		}
	}
	if m, diags := MapValue(nil, false, types.StringType); diags.HasError() || !m.IsNull() {
		t.Errorf("absent map: %v, %v", m, diags)
	}
}

func TestExpand(t *testing.T) {
	list := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("a"), types.StringNull(), types.StringUnknown(), types.StringValue("b")})
	if got := ExpandList(list); !reflect.DeepEqual(got, []any{"a", "b"}) {
		t.Errorf("ExpandList = %#v", got)
	}
	set := types.SetValueMust(types.Int64Type, []attr.Value{types.Int64Value(7)})
	if got := ExpandSet(set); !reflect.DeepEqual(got, []any{int64(7)}) {
		t.Errorf("ExpandSet = %#v", got)
	}
	m := types.MapValueMust(types.Float64Type, map[string]attr.Value{"x": types.Float64Value(1.5), "n": types.Float64Null()})
	if got := ExpandMap(m); !reflect.DeepEqual(got, map[string]any{"x": 1.5}) {
		t.Errorf("ExpandMap = %#v", got)
	}
	bools := types.ListValueMust(types.BoolType, []attr.Value{types.BoolValue(false)})
	if got := ExpandList(bools); !reflect.DeepEqual(got, []any{false}) {
		t.Errorf("ExpandList(bools) = %#v", got)
	}
	if got := ExpandList(types.ListValueMust(types.StringType, nil)); got == nil || len(got) != 0 {
		t.Errorf("an empty list must expand to [], got %#v", got)
	}
	if ExpandList(types.ListNull(types.StringType)) != nil || ExpandSet(types.SetUnknown(types.StringType)) != nil ||
		ExpandMap(types.MapNull(types.StringType)) != nil {
		t.Error("null and unknown collections must expand to nil")
	}
	nested := types.ListValueMust(types.ListType{ElemType: types.NumberType}, []attr.Value{
		types.ListValueMust(types.NumberType, []attr.Value{types.NumberValue(big.NewFloat(3)), types.NumberValue(big.NewFloat(0.5))})})
	if got := ExpandList(nested); !reflect.DeepEqual(got, []any{[]any{int64(3), 0.5}}) {
		t.Errorf("nested = %#v", got)
	}
}

func TestKeepEmpty(t *testing.T) {
	null := types.ListNull(types.StringType)
	empty := types.ListValueMust(types.StringType, nil)
	full := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("a")})
	unknown := types.ListUnknown(types.StringType)
	for _, tt := range []struct {
		name                   string
		flattened, prior, want types.List
	}{
		{"API [] for null", empty, null, null},
		{"API null for []", null, empty, empty},
		{"both null", null, null, null},
		{"values win", full, null, full},
		{"API emptied a list", empty, full, empty},
		{"unknown prior", empty, unknown, empty},
		{"zero-value prior", empty, types.List{}, empty},
	} {
		if got := KeepEmptyList(tt.flattened, tt.prior); !got.Equal(tt.want) {
			t.Errorf("%s: KeepEmptyList = %v, want %v", tt.name, got, tt.want)
		}
	}
	sEmpty, sNull := types.SetValueMust(types.StringType, nil), types.SetNull(types.StringType)
	if got := KeepEmptySet(sEmpty, sNull); !got.IsNull() {
		t.Errorf("KeepEmptySet = %v", got)
	}
	if got := KeepEmptySet(sNull, sEmpty); !got.Equal(sEmpty) {
		t.Errorf("KeepEmptySet = %v", got)
	}
	mEmpty, mNull := types.MapValueMust(types.StringType, nil), types.MapNull(types.StringType)
	mFull := types.MapValueMust(types.StringType, map[string]attr.Value{"k": types.StringValue("v")})
	if got := KeepEmptyMap(mEmpty, mNull); !got.IsNull() {
		t.Errorf("KeepEmptyMap = %v", got)
	}
	if got := KeepEmptyMap(mFull, mEmpty); !got.Equal(mFull) {
		t.Errorf("KeepEmptyMap = %v", got)
	}
}

func TestKnown(t *testing.T) {
	if !Known(types.StringValue("")) || Known(types.StringNull()) || Known(types.Int64Unknown()) || Known(nil) {
		t.Fatal("Known is wrong")
	}
}

func TestEnvOr(t *testing.T) {
	t.Setenv("MMGEN_T_A", "")
	t.Setenv("MMGEN_T_B", "from-b")
	for _, tt := range []struct {
		v    types.String
		want string
	}{
		{types.StringValue("set"), "set"},
		{types.StringValue(""), "from-b"},
		{types.StringNull(), "from-b"},
		{types.StringUnknown(), "from-b"},
	} {
		if got := EnvOr(tt.v, "MMGEN_T_UNSET", "MMGEN_T_A", "MMGEN_T_B"); got != tt.want {
			t.Errorf("EnvOr(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	if got := EnvOr(types.StringNull(), "MMGEN_T_A"); got != "" {
		t.Errorf("EnvOr with no value = %q", got)
	}
}

func TestDurationFromEnv(t *testing.T) {
	def := 7 * time.Second
	for _, tt := range []struct {
		v    string
		want time.Duration
	}{
		{"", def}, {"2", 2 * time.Second}, {"0.01", 10 * time.Millisecond}, {" 1.5 ", 1500 * time.Millisecond}, {"0", 0},
		{"-1", def}, {"NaN", def}, {"abc", def}, {"1e300", def}, {"Inf", def},
	} {
		t.Setenv("MMGEN_T_DUR", tt.v)
		if got := DurationFromEnv("MMGEN_T_DUR", def); got != tt.want {
			t.Errorf("DurationFromEnv(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func TestKeepEmptyValues(t *testing.T) {
	if got := KeepEmptyString(types.StringNull(), types.StringValue("")); !got.Equal(types.StringValue("")) {
		t.Errorf("a configured \"\" the API left out: %v", got)
	}
	if got := KeepEmptyString(types.StringNull(), types.StringValue("x")); !got.IsNull() {
		t.Errorf("a value the API no longer has: %v", got)
	}
	if got := KeepEmptyString(types.StringValue("y"), types.StringValue("")); !got.Equal(types.StringValue("y")) {
		t.Errorf("the API's value wins: %v", got)
	}
	if got := KeepEmptyInt64(types.Int64Null(), types.Int64Value(0)); !got.Equal(types.Int64Value(0)) {
		t.Errorf("0: %v", got)
	}
	if got := KeepEmptyFloat64(types.Float64Null(), types.Float64Value(0)); !got.Equal(types.Float64Value(0)) {
		t.Errorf("0.0: %v", got)
	}
	if got := KeepEmptyBool(types.BoolNull(), types.BoolValue(false)); !got.Equal(types.BoolValue(false)) {
		t.Errorf("false: %v", got)
	}
	if got := KeepEmptyBool(types.BoolNull(), types.BoolUnknown()); !got.IsNull() {
		t.Errorf("unknown prior: %v", got)
	}
}
