// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/custom/sink_nickname_flatten.go
// Template:    custom-code
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Hand-written flatten of `nickname`: the API returns it upper-cased; users write lower case.

package kitchen

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func sinkFlattenNickname(_ context.Context, raw any, _ map[string]any) (types.String, error) {
	text, ok := raw.(string)
	if !ok {
		return types.StringNull(), nil
	}
	return types.StringValue(strings.ToLower(text)), nil
}
