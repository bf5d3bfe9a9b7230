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

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
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

// configSinkBasic is the example's configuration, `{random}` and `{env:NAME}`
// filled by acctest.Config; the life cycle and the disappears test both start from it.
const configSinkBasic = "resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"{env:KITCHEN_TEST_LOCATION}\"\n  nickname = \"nick-{random}\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n"

// TestAccSink_Basic: create, an empty plan, import and compare, change, destroy.
func TestAccSink_Basic(t *testing.T) {
	env := acctest.Env(t, "KITCHEN_TEST_LOCATION", "westeurope")
	random := acctest.Random(t)
	config := acctest.Config(configSinkBasic, random, env)
	changed1 := acctest.Config("resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}\"\n  location = \"{env:KITCHEN_TEST_LOCATION}\"\n  nickname = \"nick-{random}-upd\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n", random, env)
	changed2 := acctest.Config("resource \"kitchen_sink\" \"example\" {\n  name     = \"tf-test-{random}-upd\"\n  location = \"{env:KITCHEN_TEST_LOCATION}\"\n  nickname = \"nick-{random}-upd\"\n  depth    = 20\n\n  faucet {\n    hot = true\n    handle {\n      material = \"brass\"\n    }\n  }\n\n  filters {\n    kind = \"carbon\"\n    credentials {\n      user     = \"vendor\"\n      password = \"s3cret\"\n    }\n  }\n}\n", random, env)
	address := "kitchen_sink.example"
	var created map[string]string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             targetSink.CheckDestroyed("kitchen_sink"),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  resource.ComposeTestCheckFunc(targetSink.CheckExists(address), acctest.CaptureState(address, &created)),
			},
			{
				ResourceName: address,
				ImportState:  true,
				// What the API never returns (write-only, ignore_read) cannot come back.
				ImportStateCheck: acctest.VerifyImport(&created, "^timeouts(\\..*)?$", "^drains\\.[^.]+\\.credentials\\.key(\\..*)?$", "^filters\\.[^.]+\\.credentials\\.password(\\..*)?$", "^filters\\.[^.]+\\.credentials\\.token(\\..*)?$", "^secret(\\..*)?$", "^serial(\\..*)?$"),
			},
			{
				Config: changed1,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(targetSink.CheckExists(address),
					resource.TestCheckResourceAttr(address, "nickname", acctest.Config("nick-{random}-upd", random, env))),
			},
			{
				Config: changed2,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionReplace)},
				},
				Check: targetSink.CheckExists(address),
			},
		},
	})
}

// TestAccSink_Basic_disappears: deleted behind Terraform's back, the next plan recreates it.
func TestAccSink_Basic_disappears(t *testing.T) {
	env := acctest.Env(t, "KITCHEN_TEST_LOCATION", "westeurope")
	address := "kitchen_sink.example"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             targetSink.CheckDestroyed("kitchen_sink"),
		Steps: []resource.TestStep{
			{
				Config:             acctest.Config(configSinkBasic, acctest.Random(t), env),
				Check:              resource.ComposeTestCheckFunc(targetSink.CheckExists(address), targetSink.Disappear(address)),
				ExpectNonEmptyPlan: true,
			},
		},
	})
}
