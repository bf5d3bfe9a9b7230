// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/custom/sink_before_create.go
// Template:    custom-code
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Hand-written hook: stamp the body with who created it.

package kitchen

import "context"

func sinkBeforeCreate(_ context.Context, body map[string]any) (map[string]any, error) {
	props, ok := body["properties"].(map[string]any)
	if !ok {
		props = map[string]any{}
		body["properties"] = props
	}
	props["createdBy"] = "mmgen"
	return body, nil
}
