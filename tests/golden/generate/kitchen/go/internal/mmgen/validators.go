// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/validators.go
// Template:    go/runtime/validators.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Validators for attributes inside a single nested block.
//
// The framework validates the attributes of an absent single nested block too, as nulls,
// so a relation such as ExactlyOneOf between two of its attributes would fail whenever
// the block is left out. InBlock* runs a validator only where the block is written.

package mmgen

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// parentAbsent reports whether the object holding p is null in the configuration.
func parentAbsent(ctx context.Context, config tfsdk.Config, p path.Path) bool {
	var parent types.Object
	diags := config.GetAttribute(ctx, p.ParentPath(), &parent)
	return !diags.HasError() && parent.IsNull()
}

type inBlockString struct{ inner validator.String }

// InBlockString runs inner only when the attribute's single nested block is written.
func InBlockString(inner validator.String) validator.String { return inBlockString{inner} }

func (v inBlockString) Description(ctx context.Context) string { return v.inner.Description(ctx) }

func (v inBlockString) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

func (v inBlockString) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if parentAbsent(ctx, req.Config, req.Path) {
		return
	}
	v.inner.ValidateString(ctx, req, resp)
}

type inBlockInt64 struct{ inner validator.Int64 }

// InBlockInt64 runs inner only when the attribute's single nested block is written.
func InBlockInt64(inner validator.Int64) validator.Int64 { return inBlockInt64{inner} }

func (v inBlockInt64) Description(ctx context.Context) string { return v.inner.Description(ctx) }

func (v inBlockInt64) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

func (v inBlockInt64) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if parentAbsent(ctx, req.Config, req.Path) {
		return
	}
	v.inner.ValidateInt64(ctx, req, resp)
}

type inBlockFloat64 struct{ inner validator.Float64 }

// InBlockFloat64 runs inner only when the attribute's single nested block is written.
func InBlockFloat64(inner validator.Float64) validator.Float64 { return inBlockFloat64{inner} }

func (v inBlockFloat64) Description(ctx context.Context) string { return v.inner.Description(ctx) }

func (v inBlockFloat64) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

func (v inBlockFloat64) ValidateFloat64(ctx context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if parentAbsent(ctx, req.Config, req.Path) {
		return
	}
	v.inner.ValidateFloat64(ctx, req, resp)
}

type inBlockBool struct{ inner validator.Bool }

// InBlockBool runs inner only when the attribute's single nested block is written.
func InBlockBool(inner validator.Bool) validator.Bool { return inBlockBool{inner} }

func (v inBlockBool) Description(ctx context.Context) string { return v.inner.Description(ctx) }

func (v inBlockBool) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

func (v inBlockBool) ValidateBool(ctx context.Context, req validator.BoolRequest, resp *validator.BoolResponse) {
	if parentAbsent(ctx, req.Config, req.Path) {
		return
	}
	v.inner.ValidateBool(ctx, req, resp)
}

type inBlockList struct{ inner validator.List }

// InBlockList runs inner only when the attribute's single nested block is written.
func InBlockList(inner validator.List) validator.List { return inBlockList{inner} }

func (v inBlockList) Description(ctx context.Context) string { return v.inner.Description(ctx) }

func (v inBlockList) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

func (v inBlockList) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if parentAbsent(ctx, req.Config, req.Path) {
		return
	}
	v.inner.ValidateList(ctx, req, resp)
}

type inBlockSet struct{ inner validator.Set }

// InBlockSet runs inner only when the attribute's single nested block is written.
func InBlockSet(inner validator.Set) validator.Set { return inBlockSet{inner} }

func (v inBlockSet) Description(ctx context.Context) string { return v.inner.Description(ctx) }

func (v inBlockSet) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

func (v inBlockSet) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if parentAbsent(ctx, req.Config, req.Path) {
		return
	}
	v.inner.ValidateSet(ctx, req, resp)
}

type inBlockMap struct{ inner validator.Map }

// InBlockMap runs inner only when the attribute's single nested block is written.
func InBlockMap(inner validator.Map) validator.Map { return inBlockMap{inner} }

func (v inBlockMap) Description(ctx context.Context) string { return v.inner.Description(ctx) }

func (v inBlockMap) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

func (v inBlockMap) ValidateMap(ctx context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if parentAbsent(ctx, req.Config, req.Path) {
		return
	}
	v.inner.ValidateMap(ctx, req, resp)
}

type inBlockObject struct{ inner validator.Object }

// InBlockObject runs inner only when the attribute's single nested block is written.
func InBlockObject(inner validator.Object) validator.Object { return inBlockObject{inner} }

func (v inBlockObject) Description(ctx context.Context) string { return v.inner.Description(ctx) }

func (v inBlockObject) MarkdownDescription(ctx context.Context) string {
	return v.inner.MarkdownDescription(ctx)
}

func (v inBlockObject) ValidateObject(ctx context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if parentAbsent(ctx, req.Config, req.Path) {
		return
	}
	v.inner.ValidateObject(ctx, req, resp)
}
