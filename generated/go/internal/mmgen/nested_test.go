// ----------------------------------------------------------------------------
//
//	***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/nested_test.go
// Template:    go/runtime/nested_test.go
// Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
//
// ----------------------------------------------------------------------------
package mmgen

import (
	"errors"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestNestedListAndEntries(t *testing.T) {
	api := map[string]any{"cdnPolicy": map[string]any{"signedUrlKeyNames": []any{"k1", "k2"}}}
	keys := []string{"cdnPolicy", "signedUrlKeyNames"}
	if got := NestedList(api, keys); !reflect.DeepEqual(got, []any{"k1", "k2"}) {
		t.Fatalf("list: %v", got)
	}
	entries := NestedEntries(api, keys, []string{"keyName"})
	if len(entries) != 2 || entries[1]["keyName"] != "k2" {
		t.Fatalf("entries of ids: %v", entries)
	}
	single := map[string]any{"resource": map[string]any{"name": "s"}}
	if got := NestedEntries(single, []string{"resource"}, nil); len(got) != 1 || got[0]["name"] != "s" {
		t.Fatalf("a single object is a list of one: %v", got)
	}
	if got := NestedList(map[string]any{}, keys); got != nil {
		t.Fatalf("missing keys: %v", got)
	}
}

func TestSameIdentity(t *testing.T) {
	cases := []struct {
		found, expected attr.Value
		want            bool
	}{
		{types.StringValue("a"), types.StringValue("a"), true},
		{types.StringValue("projects/p/x/a"), types.StringValue("a"), true},
		{types.StringValue("a"), types.StringValue("projects/p/x/a"), true},
		{types.StringValue("b"), types.StringValue("a"), false},
		{types.StringValue("xa"), types.StringValue("a"), false},
		{types.StringNull(), types.StringValue(""), true},
		{types.StringUnknown(), types.StringValue("a"), false},
		{types.Int64Value(80), types.Int64Value(80), true},
		{types.Int64Value(80), types.Int64Value(81), false},
		{types.Int64Null(), types.Int64Unknown(), true},
	}
	for i, c := range cases {
		if got := SameIdentity(c.found, c.expected); got != c.want {
			t.Errorf("case %d: SameIdentity(%v, %v) = %v, want %v", i, c.found, c.expected, got, c.want)
		}
	}
}

func TestNestedEditAndBody(t *testing.T) {
	list := []any{map[string]any{"name": "a", "port": 1}}
	added, _, err := NestedEdit(list, -1, map[string]any{"name": "b"}, NestedAdd)
	if err != nil || len(added) != 2 {
		t.Fatalf("add: %v %v", added, err)
	}
	if _, _, err := NestedEdit(list, 0, map[string]any{"name": "a"}, NestedAdd); !errors.Is(err, ErrNestedConflict) {
		t.Fatalf("add of an existing entry: %v", err)
	}
	replaced, found, err := NestedEdit(list, 0, map[string]any{"port": 2}, NestedReplace)
	if err != nil || !found || !reflect.DeepEqual(replaced[0], map[string]any{"name": "a", "port": 2}) {
		t.Fatalf("replace merges: %v %v", replaced, err)
	}
	removed, found, _ := NestedEdit(list, 0, nil, NestedRemove)
	if !found || len(removed) != 0 || len(list) != 1 {
		t.Fatalf("remove: %v (list %v)", removed, list)
	}
	if _, found, _ := NestedEdit(list, -1, nil, NestedRemove); found {
		t.Fatal("remove of a missing entry reports found")
	}
	body := NestedBody([]string{"a", "b"}, nil)
	if !reflect.DeepEqual(body, map[string]any{"a": map[string]any{"b": []any{}}}) {
		t.Fatalf("body: %v", body)
	}
	if NestedEntry(map[string]any{"keyName": "k"}, []string{"keyName"}) != "k" {
		t.Fatal("entry of a list of ids")
	}
}
