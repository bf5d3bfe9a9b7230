// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/oven.yaml
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

var targetOven = acctest.Target{
	BaseURL:    "https://kitchen.example.com/",
	Template:   "/subscriptions/{subscription_id}/ovens/{name}",
	APIVersion: "2024-01-01",
	Params: map[string]string{
		"subscription_id": "subscription_id",
		"name":            "name",
	},
	FromSettings: map[string]bool{
		"subscription_id": true,
	},
}

// caseOvenBasic is the example's test: its configuration (`{random}` and
// `{env:NAME}` filled by acctest.Config) and the changes its life cycle applies.
var caseOvenBasic = acctest.Case{
	ResourceType: "kitchen_oven",
	Address:      "kitchen_oven.example",
	Config:       "resource \"kitchen_oven\" \"example\" {\n  name        = \"tf-test-oven-{random}\"\n  temperature = 180\n}\n",
	Import:       true,
	ImportIgnore: []string{
		"^timeouts(\\..*)?$",
	},
	Changes: []acctest.Change{
		{
			Config: "resource \"kitchen_oven\" \"example\" {\n  name        = \"tf-test-oven-{random}-upd\"\n  temperature = 180\n}\n",
			Action: plancheck.ResourceActionReplace,
		},
	},
}

// TestAccOven_Basic: create, an empty plan, import and compare, change, destroy.
func TestAccOven_Basic(t *testing.T) {
	acctest.LifeCycle(t, targetOven, caseOvenBasic)
}

// TestAccOven_Basic_disappears: deleted behind Terraform's back, the next plan recreates it.
func TestAccOven_Basic_disappears(t *testing.T) {
	acctest.Disappears(t, targetOven, caseOvenBasic)
}
