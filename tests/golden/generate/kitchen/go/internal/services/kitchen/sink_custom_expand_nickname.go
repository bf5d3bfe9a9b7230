// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/custom/sink_nickname.go
// Template:    custom-code
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Hand-written expand of `nickname`: the API stores nicknames upper-cased.

package kitchen

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func sinkExpandNickname(_ context.Context, value types.String, _ *sinkModel) (any, error) {
	return strings.ToUpper(value.ValueString()), nil
}
