// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/tap.yaml
// Template:    unittest.go.j2
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------

package kitchen

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// TestExpandFlattenTap flattens an API object with every field set, expands the
// result and expects the settable fields back at their API paths: a wrong path or a
// conversion that loses a value in either direction fails it. No Terraform, no TF_ACC.
func TestExpandFlattenTap(t *testing.T) {
	var api, want map[string]any
	if err := json.Unmarshal([]byte("{\"properties\": {\"flow\": 9}}"), &api); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte("{\"properties\": {\"flow\": 9}}"), &want); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var diags diag.Diagnostics
	var m tapModel
	m.flatten(ctx, api, &tapModel{}, api, &diags)
	body := m.expand(ctx, &m, &diags)
	if diags.HasError() {
		t.Fatalf("diagnostics: %v", diags)
	}
	// Compare as JSON: numbers decode alike on both sides.
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("expand(flatten(api)):\n got  %s\n want %s", raw, "{\"properties\": {\"flow\": 9}}")
	}
}
