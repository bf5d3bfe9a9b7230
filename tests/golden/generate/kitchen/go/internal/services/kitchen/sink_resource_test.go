// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/sink.yaml
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

var targetSink = acctest.Target{
	BaseURL:    "https://kitchen.example.com/",
	Template:   "/subscriptions/{subscription_id}/sinks/{name}",
	APIVersion: "2024-01-01",
	Params: map[string]string{
		"subscription_id": "subscription_id",
		"name":            "name",
	},
	FromSettings: map[string]bool{
		"subscription_id": true,
	},
}

// caseSinkBasic is the example's test: its configuration (`{random}` and
// `{env:NAME}` filled by acctest.Config) and the changes its life cycle applies.
var caseSinkBasic = acctest.Case{
	ResourceType: "kitchen_sink",
	Address:      "kitchen_sink.example",
	Config:       "resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"{env:KITCHEN_TEST_LOCATION}\"\n  nickname = \"nick-{random}\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n",
	Env:          []string{"KITCHEN_TEST_LOCATION", "westeurope"},
	Import:       true,
	ImportIgnore: []string{
		"^timeouts(\\..*)?$",
		"^drains\\.[^.]+\\.credentials\\.key(\\..*)?$",
		"^filters\\.[^.]+\\.credentials\\.password(\\..*)?$",
		"^filters\\.[^.]+\\.credentials\\.token(\\..*)?$",
		"^secret(\\..*)?$",
		"^serial(\\..*)?$",
	},
	Changes: []acctest.Change{
		{
			Config: "resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"{env:KITCHEN_TEST_LOCATION}\"\n  nickname = \"nick-{random}-upd\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n",
			Action: plancheck.ResourceActionUpdate,
			Checks: []acctest.Check{
				{Attribute: "nickname", Value: "nick-{random}-upd"},
			},
		},
		{
			Config: "resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}-upd\"\n  location = \"{env:KITCHEN_TEST_LOCATION}\"\n  nickname = \"nick-{random}-upd\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n",
			Action: plancheck.ResourceActionReplace,
		},
	},
}

// TestAccSink_Basic: create, an empty plan, import and compare, change, destroy.
func TestAccSink_Basic(t *testing.T) {
	acctest.LifeCycle(t, targetSink, caseSinkBasic)
}

// TestAccSink_Basic_disappears: deleted behind Terraform's back, the next plan recreates it.
func TestAccSink_Basic_disappears(t *testing.T) {
	acctest.Disappears(t, targetSink, caseSinkBasic)
}
