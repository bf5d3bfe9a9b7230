// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/tap.yaml
// Template:    acctest.go.j2
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------

package kitchen_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/mmgen/terraform-provider-kitchen/internal/acctest"
)

var targetTap = acctest.Target{
	BaseURL:    "https://kitchen.example.com/",
	Template:   "{%sink_id}/taps/{name}",
	APIVersion: "2024-01-01",
	Params: map[string]string{
		"sink_id": "sink_id",
		"name":    "name",
	},
	FromSettings: map[string]bool{},
}

// caseTapBasic is the example's test: its configuration (`{random}` and
// `{env:NAME}` filled by acctest.Config) and the changes its life cycle applies.
var caseTapBasic = acctest.Case{
	ResourceType: "kitchen_tap",
	Address:      "kitchen_tap.example",
	Config:       "resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"westeurope\"\n  nickname = \"shiny\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n\nresource \"kitchen_tap\" \"example\" {\n  name    = \"tf-test-tap-{random}\"\n  sink_id = kitchen_sink.example.id\n  flow    = 6\n}\n",
	Import:       true,
	ImportIgnore: []string{
		"^timeouts(\\..*)?$",
	},
	Changes: []acctest.Change{
		{
			Config: "resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"westeurope\"\n  nickname = \"shiny\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n\nresource \"kitchen_tap\" \"example\" {\n  name    = \"tf-test-tap-{random}\"\n  sink_id = kitchen_sink.example.id\n  flow    = 7\n}\n",
			Action: plancheck.ResourceActionUpdate,
			Checks: []acctest.Check{
				{Attribute: "flow", Value: "7"},
			},
		},
		{
			Config: "resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"westeurope\"\n  nickname = \"shiny\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n\nresource \"kitchen_tap\" \"example\" {\n  name    = \"tf-test-tap-{random}-upd\"\n  sink_id = kitchen_sink.example.id\n  flow    = 7\n}\n",
			Action: plancheck.ResourceActionReplace,
		},
	},
}

// TestAccTap_Basic: create, an empty plan, import and compare, change, destroy.
func TestAccTap_Basic(t *testing.T) {
	acctest.LifeCycle(t, targetTap, caseTapBasic)
}

// TestAccTap_Basic_disappears: deleted behind Terraform's back, the next plan recreates it.
func TestAccTap_Basic_disappears(t *testing.T) {
	acctest.Disappears(t, targetTap, caseTapBasic)
}
