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

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
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

// configTapBasic is the example's configuration, `{random}` and `{env:NAME}`
// filled by acctest.Config; the life cycle and the disappears test both start from it.
const configTapBasic = "resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"westeurope\"\n  nickname = \"shiny\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n\nresource \"kitchen_tap\" \"example\" {\n  name    = \"tf-test-tap-{random}\"\n  sink_id = kitchen_sink.example.id\n  flow    = 6\n}\n"

// TestAccTap_Basic: create, an empty plan, import and compare, change, destroy.
func TestAccTap_Basic(t *testing.T) {
	env := acctest.Env(t)
	random := acctest.Random(t)
	config := acctest.Config(configTapBasic, random, env)
	changed1 := acctest.Config("resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"westeurope\"\n  nickname = \"shiny\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n\nresource \"kitchen_tap\" \"example\" {\n  name    = \"tf-test-tap-{random}\"\n  sink_id = kitchen_sink.example.id\n  flow    = 7\n}\n", random, env)
	changed2 := acctest.Config("resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"westeurope\"\n  nickname = \"shiny\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n\nresource \"kitchen_tap\" \"example\" {\n  name    = \"tf-test-tap-{random}-upd\"\n  sink_id = kitchen_sink.example.id\n  flow    = 7\n}\n", random, env)
	address := "kitchen_tap.example"
	var created map[string]string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             targetTap.CheckDestroyed("kitchen_tap"),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  resource.ComposeTestCheckFunc(targetTap.CheckExists(address), acctest.CaptureState(address, &created)),
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
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(targetTap.CheckExists(address),
					resource.TestCheckResourceAttr(address, "flow", acctest.Config("7", random, env))),
			},
			{
				Config: changed2,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionReplace)},
				},
				Check: targetTap.CheckExists(address),
			},
		},
	})
}

// TestAccTap_Basic_disappears: deleted behind Terraform's back, the next plan recreates it.
func TestAccTap_Basic_disappears(t *testing.T) {
	env := acctest.Env(t)
	address := "kitchen_tap.example"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             targetTap.CheckDestroyed("kitchen_tap"),
		Steps: []resource.TestStep{
			{
				Config:             acctest.Config(configTapBasic, acctest.Random(t), env),
				Check:              resource.ComposeTestCheckFunc(targetTap.CheckExists(address), targetTap.Disappear(address)),
				ExpectNonEmptyPlan: true,
			},
		},
	})
}
