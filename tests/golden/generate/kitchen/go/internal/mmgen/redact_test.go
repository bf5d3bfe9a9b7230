// ----------------------------------------------------------------------------
//
//	***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/redact_test.go
// Template:    go/runtime/redact_test.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
package mmgen

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestRedactedRemovesTheValueFromMessages(t *testing.T) {
	for _, inner := range []validator.String{
		stringvalidator.RegexMatches(regexp.MustCompile(`^[a-z]+$`), "lower case only"),
		stringvalidator.OneOf("a", "b"),
		stringvalidator.LengthAtMost(3),
	} {
		req := validator.StringRequest{Path: path.Root("password"), ConfigValue: types.StringValue("S3CRET-Value")}
		var plain, hidden validator.StringResponse
		inner.ValidateString(context.Background(), req, &plain)
		Redacted(inner).ValidateString(context.Background(), req, &hidden)
		if !plain.Diagnostics.HasError() || !hidden.Diagnostics.HasError() {
			t.Fatalf("%T: the value is invalid, both must report it", inner)
		}
		for _, d := range hidden.Diagnostics {
			if strings.Contains(d.Summary()+d.Detail(), "S3CRET") {
				t.Errorf("%T leaks the value: %s %s", inner, d.Summary(), d.Detail())
			}
		}
	}
}
