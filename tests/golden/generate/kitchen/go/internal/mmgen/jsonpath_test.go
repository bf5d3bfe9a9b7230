// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/jsonpath_test.go
// Template:    go/runtime/jsonpath_test.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Tests for nested JSON lookups and merging writes.

package mmgen

import (
	"encoding/json"
	"reflect"
	"testing"
)

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestGet(t *testing.T) {
	obj := decode(t, `{"a":{"b":{"c":1},"n":null,"s":"x"},"top":true}`)
	for _, tt := range []struct {
		path   []string
		want   any
		wantOK bool
	}{
		{[]string{"top"}, true, true},
		{[]string{"a", "b", "c"}, 1.0, true},
		{[]string{"a", "n"}, nil, true},
		{[]string{"a", "s", "x"}, nil, false}, // a step that is not an object
		{[]string{"a", "missing"}, nil, false},
		{[]string{"a", "n", "x"}, nil, false},
		{nil, obj, true},
	} {
		got, ok := Get(obj, tt.path...)
		if ok != tt.wantOK || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Get(%v) = %v, %v; want %v, %v", tt.path, got, ok, tt.want, tt.wantOK)
		}
	}
	if _, ok := Get(nil, "a"); ok {
		t.Error("Get on a nil object found something")
	}
}

func TestPut(t *testing.T) {
	for _, tt := range []struct {
		name  string
		start string
		value any
		path  []string
		want  string
	}{
		{"creates intermediates", `{}`, "v", []string{"properties", "network", "id"}, `{"properties":{"network":{"id":"v"}}}`},
		{"replaces a scalar step", `{"properties":"x"}`, 1, []string{"properties", "n"}, `{"properties":{"n":1}}`},
		{"merges objects recursively", `{"p":{"a":1,"deep":{"x":1}}}`, map[string]any{"b": 2, "deep": map[string]any{"y": 2}},
			[]string{"p"}, `{"p":{"a":1,"b":2,"deep":{"x":1,"y":2}}}`},
		{"new keys win", `{"p":{"a":1}}`, map[string]any{"a": 9}, []string{"p"}, `{"p":{"a":9}}`},
		{"a scalar replaces an object", `{"p":{"a":1}}`, "s", []string{"p"}, `{"p":"s"}`},
		{"an object replaces a scalar", `{"p":"s"}`, map[string]any{"a": 1}, []string{"p"}, `{"p":{"a":1}}`},
		{"empty path merges into the root", `{"a":{"x":1}}`, map[string]any{"a": map[string]any{"y": 1}}, nil, `{"a":{"x":1,"y":1}}`},
		{"nil value is stored", `{"a":1}`, nil, []string{"a"}, `{"a":null}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			obj := decode(t, tt.start)
			Put(obj, tt.value, tt.path...)
			got, _ := json.Marshal(obj)
			if string(got) != tt.want {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
		})
	}
	Put(nil, 1, "a") // must not panic
}

func TestObject(t *testing.T) {
	var nilMap map[string]any
	for _, tt := range []struct {
		v  any
		ok bool
	}{{map[string]any{}, true}, {nilMap, false}, {nil, false}, {[]any{}, false}, {"s", false}} {
		if _, ok := Object(tt.v); ok != tt.ok {
			t.Errorf("Object(%#v) ok = %v", tt.v, ok)
		}
	}
}

func TestPutNonEmpty(t *testing.T) {
	body := map[string]any{}
	for _, v := range []any{false, "", int64(0), 0.0, []any{}, map[string]any{}, nil} {
		PutNonEmpty(body, v, "x")
	}
	if len(body) != 0 {
		t.Fatalf("empty values were stored: %v", body)
	}
	PutNonEmpty(body, true, "a", "b")
	PutNonEmpty(body, int64(3), "n")
	want := decode(t, `{"a":{"b":true},"n":3}`)
	want["n"] = int64(3)
	if !reflect.DeepEqual(body, want) {
		t.Fatalf("got %v, want %v", body, want)
	}
}

func TestOnlyAndWithout(t *testing.T) {
	body := decode(t, `{"labels":{"a":"1"},"routing":{"mode":"G","bgp":"L"},"size":3}`)
	paths := [][]string{{"labels"}, {"routing", "mode"}, {"missing"}}
	if got, want := Only(body, paths), decode(t, `{"labels":{"a":"1"},"routing":{"mode":"G"}}`); !reflect.DeepEqual(got, want) {
		t.Fatalf("Only: got %v, want %v", got, want)
	}
	if got, want := Without(body, paths), decode(t, `{"routing":{"bgp":"L"},"size":3}`); !reflect.DeepEqual(got, want) {
		t.Fatalf("Without: got %v, want %v", got, want)
	}
	// An object emptied by the removal goes; the original is left alone.
	if got, want := Without(body, [][]string{{"routing", "mode"}, {"routing", "bgp"}}), decode(t, `{"labels":{"a":"1"},"size":3}`); !reflect.DeepEqual(got, want) {
		t.Fatalf("Without: got %v, want %v", got, want)
	}
	if orig := decode(t, `{"labels":{"a":"1"},"routing":{"mode":"G","bgp":"L"},"size":3}`); !reflect.DeepEqual(body, orig) {
		t.Fatalf("body changed: %v", body)
	}
}
