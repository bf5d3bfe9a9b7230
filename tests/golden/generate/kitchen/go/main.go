// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: (default provider)
// Template:    main.go.j2
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------

// Command terraform-provider-kitchen serves the provider to Terraform.
//
// With -debug it runs in reattach mode: it prints TF_REATTACH_PROVIDERS for Terraform
// (and debuggers) instead of waiting to be started by Terraform.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/mmgen/terraform-provider-kitchen/internal/provider"
)

// version is set at build time: go build -ldflags "-X main.version=1.2.3".
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run in reattach mode, for debuggers and test harnesses")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/mmgen/kitchen",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
