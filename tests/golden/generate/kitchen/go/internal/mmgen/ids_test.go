// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/ids_test.go
// Template:    go/runtime/ids_test.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Tests for id templates: placeholder spellings, filling with escaping, and
// parsing import ids in the forms users type.

package mmgen

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestTemplateParams(t *testing.T) {
	for _, tt := range []struct {
		tpl  string
		want []string
	}{
		{"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}", []string{"subscriptionId", "resourceGroupName"}},
		{"projects/{{project}}/locations/{{location}}/things/{{name}}", []string{"project", "location", "name"}},
		{"{{%parent}}/children/{child}", []string{"parent", "child"}},
		{"{a}/{{a}}/{b}", []string{"a", "b"}},
		{"no/params/{}/{ x}/{", nil},
	} {
		if got := TemplateParams(tt.tpl); !slices.Equal(got, tt.want) {
			t.Errorf("TemplateParams(%q) = %q, want %q", tt.tpl, got, tt.want)
		}
	}
}

func TestFillTemplate(t *testing.T) {
	vals := map[string]string{"sub": "s1", "rg": "my group/x", "name": "n?1", "parent": "folders/a b/c", "empty": ""}
	tests := []struct {
		tpl     string
		escape  bool
		want    string
		wantErr string
	}{
		{"/subscriptions/{sub}/resourceGroups/{rg}", false, "/subscriptions/s1/resourceGroups/my group/x", ""},
		{"/subscriptions/{sub}/resourceGroups/{rg}", true, "/subscriptions/s1/resourceGroups/my%20group%2Fx", ""},
		{"{{parent}}/things/{{name}}", true, "folders%2Fa%20b%2Fc/things/n%3F1", ""},
		{"{{%parent}}/things/{{name}}", true, "folders/a%20b/c/things/n%3F1", ""},
		{"{{%parent}}/things", false, "folders/a b/c/things", ""},
		{"/x/{missing}", true, "", `a value for "missing" is needed`},
		{"/x/{empty}/{missing}/{empty}", false, "", `values for "empty", "missing" are needed`},
	}
	for _, tt := range tests {
		got, err := FillTemplate(tt.tpl, vals, tt.escape)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("FillTemplate(%q) err = %v, want %q", tt.tpl, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("FillTemplate(%q, escape=%v) = %q, %v; want %q", tt.tpl, tt.escape, got, err, tt.want)
		}
	}
}

func TestParseID(t *testing.T) {
	arm := "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Batch/batchAccounts/{accountName}"
	tests := []struct {
		name    string
		formats []string
		id      string
		want    map[string]string
		wantErr bool
	}{
		{"ARM id as written", []string{arm}, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct",
			map[string]string{"subscriptionId": "s", "resourceGroupName": "rg", "accountName": "acct"}, false},
		{"ARM literals in any case, values kept", []string{arm}, "/SUBSCRIPTIONS/S/resourcegroups/RG/providers/microsoft.batch/BATCHACCOUNTS/Acct/",
			map[string]string{"subscriptionId": "S", "resourceGroupName": "RG", "accountName": "Acct"}, false},
		{"placeholder is one segment", []string{arm}, "/subscriptions/s/resourceGroups/rg/x/providers/Microsoft.Batch/batchAccounts/acct", nil, true},
		{"escaped values are unescaped", []string{"projects/{{project}}/things/{{name}}"}, "projects/p/things/a%20b%2Fc",
			map[string]string{"project": "p", "name": "a b/c"}, false},
		{"%name spans segments", []string{"{{%parent}}/things/{{name}}"}, "organizations/1/folders/2/things/t",
			map[string]string{"parent": "organizations/1/folders/2", "name": "t"}, false},
		{"%name with the literal repeated inside", []string{"{{%parent}}/things/{{name}}"}, "a/things/b/things/c",
			map[string]string{"parent": "a/things/b", "name": "c"}, false},
		{"a parent's ARM id keeps its leading slash", []string{"{%pool_id}/jobs/{name}"}, "/subscriptions/s/resourceGroups/rg/pools/p/jobs/j",
			map[string]string{"pool_id": "/subscriptions/s/resourceGroups/rg/pools/p", "name": "j"}, false},
		{"a parent's relative id has none", []string{"{%parent}/jobs/{name}"}, "projects/p/jobs/j",
			map[string]string{"parent": "projects/p", "name": "j"}, false},
		{"first matching format wins", []string{
			"projects/{{project}}/locations/{{location}}/things/{{name}}", "{{project}}/{{location}}/{{name}}", "{{name}}"},
			"p/l/n", map[string]string{"project": "p", "location": "l", "name": "n"}, false},
		{"last format", []string{"projects/{{project}}/things/{{name}}", "{{name}}"}, "just-a-name", map[string]string{"name": "just-a-name"}, false},
		{"leading slash optional", []string{"projects/{{project}}"}, "/projects/p", map[string]string{"project": "p"}, false},
		{"a name used twice must agree", []string{"{a}/x/{a}"}, "1/x/2", nil, true},
		{"no match", []string{"projects/{{project}}", "{{project}}/{{name}}"}, "a/b/c", nil, true},
		{"no formats", nil, "a", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseID(tt.formats, tt.id)
			if (err != nil) != tt.wantErr || !maps.Equal(got, tt.want) {
				t.Fatalf("ParseID = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
	_, err := ParseID([]string{"projects/{{project}}", "{{project}}/{{name}}"}, "a/b/c")
	if want := `import id "a/b/c" does not match any of the formats "projects/{{project}}", "{{project}}/{{name}}"`; err == nil || err.Error() != want {
		t.Fatalf("error text %q, want %q", err, want)
	}
}

func TestFillThenParseRoundTrips(t *testing.T) {
	tpl := "/subscriptions/{sub}/resourceGroups/{rg}/providers/P.Q/r/{name}"
	vals := map[string]string{"sub": "0000", "rg": "rg with space", "name": "a/b%c"}
	id, err := FillTemplate(tpl, vals, true)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseID([]string{tpl}, id)
	if err != nil || !maps.Equal(got, vals) {
		t.Fatalf("ParseID(%q) = %v, %v; want %v", id, got, err, vals)
	}
}
