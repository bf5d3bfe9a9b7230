// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/redact.go
// Template:    go/runtime/redact.go
// Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Validators of sensitive attributes: the framework's own validators quote the value they
// reject ("got: ..."), and Terraform prints diagnostics, CI logs them. Redacted runs the
// validator and removes the value from every message it produces.

package mmgen

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// SensitiveText replaces a secret in messages.
const SensitiveText = "(sensitive value)"

type redacted struct{ inner validator.String }

// Redacted wraps a string validator of a sensitive attribute.
func Redacted(inner validator.String) validator.String { return redacted{inner} }

func (v redacted) Description(ctx context.Context) string { return v.inner.Description(ctx) }

func (v redacted) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

func (v redacted) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	var inner validator.StringResponse
	v.inner.ValidateString(ctx, req, &inner)
	secret := req.ConfigValue.ValueString()
	hide := func(s string) string {
		if secret == "" {
			return s
		}
		return strings.ReplaceAll(s, secret, SensitiveText)
	}
	for _, d := range inner.Diagnostics {
		if d.Severity() == diag.SeverityError {
			resp.Diagnostics.AddAttributeError(req.Path, hide(d.Summary()), hide(d.Detail()))
		} else {
			resp.Diagnostics.AddAttributeWarning(req.Path, hide(d.Summary()), hide(d.Detail()))
		}
	}
}
