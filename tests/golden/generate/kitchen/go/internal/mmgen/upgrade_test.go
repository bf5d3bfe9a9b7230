// ----------------------------------------------------------------------------
//
//	***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/upgrade_test.go
// Template:    go/runtime/upgrade_test.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
package mmgen

import (
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestConformJSONKeepsKnownDropsRemovedAddsNull(t *testing.T) {
	block := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"path": tftypes.String, "size": tftypes.Number}}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"name":    tftypes.String,
		"count":   tftypes.Number,
		"enabled": tftypes.Bool,
		"added":   tftypes.String,
		"tags":    tftypes.Map{ElementType: tftypes.String},
		"mounts":  tftypes.List{ElementType: block},
	}}
	raw := `{"name":"a","count":3,"enabled":true,"removed":"x","tags":{"k":"v"},"mounts":[{"path":"/m","size":2,"old":1}]}`
	got, err := ConformJSON([]byte(raw), typ)
	if err != nil {
		t.Fatal(err)
	}
	want := tftypes.NewValue(typ, map[string]tftypes.Value{
		"name":    tftypes.NewValue(tftypes.String, "a"),
		"count":   tftypes.NewValue(tftypes.Number, big.NewFloat(3)),
		"enabled": tftypes.NewValue(tftypes.Bool, true),
		"added":   tftypes.NewValue(tftypes.String, nil),
		"tags":    tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"k": tftypes.NewValue(tftypes.String, "v")}),
		"mounts": tftypes.NewValue(tftypes.List{ElementType: block}, []tftypes.Value{
			tftypes.NewValue(block, map[string]tftypes.Value{
				"path": tftypes.NewValue(tftypes.String, "/m"),
				"size": tftypes.NewValue(tftypes.Number, big.NewFloat(2)),
			}),
		}),
	})
	if diff, err := got.Diff(want); err != nil || len(diff) > 0 {
		t.Fatalf("conformed state differs: %v %v", diff, err)
	}
}

func TestConformJSONRejectsNonJSON(t *testing.T) {
	if _, err := ConformJSON([]byte("{"), tftypes.Object{}); err == nil {
		t.Fatal("want an error for a truncated state")
	}
}
