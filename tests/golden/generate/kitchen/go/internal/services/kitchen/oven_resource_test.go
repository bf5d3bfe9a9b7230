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

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
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

// configOvenBasic is the example's configuration, `{random}` and `{env:NAME}`
// filled by acctest.Config; the life cycle and the disappears test both start from it.
const configOvenBasic = "resource \"kitchen_oven\" \"example\" {\n  name        = \"tf-test-oven-{random}\"\n  temperature = 180\n}\n"

// TestAccOven_Basic: create, an empty plan, import and compare, change, destroy.
func TestAccOven_Basic(t *testing.T) {
	env := acctest.Env(t)
	random := acctest.Random(t)
	config := acctest.Config(configOvenBasic, random, env)
	changed1 := acctest.Config("resource \"kitchen_oven\" \"example\" {\n  name        = \"tf-test-oven-{random}-upd\"\n  temperature = 180\n}\n", random, env)
	address := "kitchen_oven.example"
	var created map[string]string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             targetOven.CheckDestroyed("kitchen_oven"),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  resource.ComposeTestCheckFunc(targetOven.CheckExists(address), acctest.CaptureState(address, &created)),
			},
			{
				ResourceName: address,
				ImportState:  true,
				// What the API never returns (write-only, ignore_read) cannot come back.
				ImportStateCheck: acctest.VerifyImport(&created, "^timeouts(\\..*)?$"),
			},
			{
				Config: changed1,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionReplace)},
				},
				Check: targetOven.CheckExists(address),
			},
		},
	})
}

// TestAccOven_Basic_disappears: deleted behind Terraform's back, the next plan recreates it.
func TestAccOven_Basic_disappears(t *testing.T) {
	env := acctest.Env(t)
	address := "kitchen_oven.example"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             targetOven.CheckDestroyed("kitchen_oven"),
		Steps: []resource.TestStep{
			{
				Config:             acctest.Config(configOvenBasic, acctest.Random(t), env),
				Check:              resource.ComposeTestCheckFunc(targetOven.CheckExists(address), targetOven.Disappear(address)),
				ExpectNonEmptyPlan: true,
			},
		},
	})
}
