// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/tap.yaml
// Template:    resource.go.j2
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------

package kitchen

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/mmgen/terraform-provider-kitchen/internal/mmgen"
)

var (
	_ resource.Resource                = (*TapResource)(nil)
	_ resource.ResourceWithConfigure   = (*TapResource)(nil)
	_ resource.ResourceWithImportState = (*TapResource)(nil)
)

// NewTapResource returns the kitchen_tap resource.
func NewTapResource() resource.Resource {
	return &TapResource{}
}

// TapResource manages kitchen_tap through the REST API.
type TapResource struct {
	client   *mmgen.Client
	settings map[string]string
}

// tapModel is the Terraform state of one kitchen_tap.
type tapModel struct {
	Name     types.String   `tfsdk:"name"`
	SinkID   types.String   `tfsdk:"sink_id"`
	Flow     types.Int64    `tfsdk:"flow"`
	ID       types.String   `tfsdk:"id"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (r *TapResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "kitchen_tap"
}

func (r *TapResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Version:             0,
		MarkdownDescription: "A tap fitted to a sink; its id starts with the sink's.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The ID of the kitchen_tap.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The tap's name.",
				Required:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"sink_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the sink the tap is fitted to.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.RegexMatches(regexp.MustCompile("(?i)^/subscriptions/[^/]*[^/.][^/]*/sinks/[^/]*[^/.][^/]*$"), "must be the id of the object it lives under, of the form /subscriptions/{subscription_id}/sinks/{sink_name}"),
				},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"flow": schema.Int64Attribute{
				MarkdownDescription: "Litres a minute.",
				Optional:            true,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *TapResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return // not configured yet (validation); CRUD calls always come configured
	}
	data, ok := req.ProviderData.(*mmgen.ProviderData)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("expected *mmgen.ProviderData, got %T", req.ProviderData))
		return
	}
	r.client = data.Client
	r.settings = data.Settings
}

// idValues are the values of the id template's placeholders, from the model and the
// provider settings.
func (r *TapResource) idValues(m *tapModel) map[string]string {
	return map[string]string{
		"sink_id": m.SinkID.ValueString(),
		"name":    m.Name.ValueString(),
	}
}

// url is the request URL for template (relative to the product's base URL).
func (r *TapResource) url(template string, m *tapModel, query url.Values) (string, error) {
	p, err := mmgen.FillTemplate(template, r.idValues(m), true)
	if err != nil {
		return "", err
	}
	if query == nil {
		query = url.Values{}
	}
	query.Set("api-version", "2024-01-01")
	return r.client.URL("https://kitchen.example.com/", p, query), nil
}

func (r *TapResource) resourceID(m *tapModel) (string, error) {
	return mmgen.FillTemplate("{sink_id}/taps/{name}", r.idValues(m), false)
}

// get reads the resource into a new model; found is false on 404.
func (r *TapResource) get(ctx context.Context, prior *tapModel, diags *diag.Diagnostics) (result *tapModel, found bool, err error) {
	u, err := r.url("{%sink_id}/taps/{name}", prior, nil)
	if err != nil {
		return nil, false, err
	}
	resp, err := r.client.Do(ctx, "GET", u, nil)
	if err != nil {
		return nil, false, err
	}
	if resp.Status == 404 {
		return nil, false, nil
	}
	if err := mmgen.CheckResponse(resp); err != nil {
		return nil, false, err
	}
	api, err := resp.JSON()
	if err != nil {
		return nil, false, err
	}
	m := &tapModel{}
	m.flatten(ctx, api, prior, api, diags)
	m.Timeouts = prior.Timeouts
	id, err := r.resourceID(m)
	if err != nil {
		return nil, false, err
	}
	m.ID = types.StringValue(id)
	return m, true, nil
}

// wait follows the operation an accepted request started, until it ends; it
// returns what a Google operation answers as its response (nil otherwise).
func (r *TapResource) wait(ctx context.Context, resp *mmgen.Response, resourceURL string, deleting bool, m *tapModel) (map[string]any, error) {
	return nil, nil
}

func (r *TapResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan tapModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, 5*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	body := plan.expand(ctx, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	createURL, err := r.url("{%sink_id}/taps/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_tap: create failed", err.Error())
		return
	}
	selfURL, err := r.url("{%sink_id}/taps/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_tap: create failed", err.Error())
		return
	}
	apiResp, err := r.client.Do(ctx, "PUT", createURL, body)
	if err == nil {
		err = mmgen.CheckResponse(apiResp)
	}
	if err != nil {
		resp.Diagnostics.AddError("kitchen_tap: create failed", err.Error())
		return
	}
	// From here on the API has the resource: on failure keep it in state (Terraform
	// taints it) so that it is not leaked.
	_, err = r.wait(ctx, apiResp, selfURL, false, &plan)
	if err != nil {
		r.keepTainted(ctx, &plan, resp, err)
		return
	}
	known := &plan
	state, found, err := r.get(ctx, known, &resp.Diagnostics)
	if err == nil && !found {
		err = fmt.Errorf("%s: not found after create", selfURL)
	}
	if err != nil {
		r.keepTainted(ctx, known, resp, err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *TapResource) keepTainted(ctx context.Context, plan *tapModel, resp *resource.CreateResponse, cause error) {
	resp.Diagnostics.AddError("kitchen_tap: create failed", cause.Error())
	id, err := r.resourceID(plan)
	if err != nil {
		return
	}
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, mmgen.WithoutUnknowns(ctx, plan))...)
}

func (r *TapResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior tapModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := prior.Timeouts.Read(ctx, 5*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if marker, d := req.Private.GetKey(ctx, mmgen.ImportedKey); len(marker) > 0 && !d.HasError() {
		ctx = mmgen.WithImporting(ctx)
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, mmgen.ImportedKey, nil)...)
	}

	state, found, err := r.get(ctx, &prior, &resp.Diagnostics)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_tap: read failed", err.Error())
		return
	}
	if !found {
		resp.State.RemoveResource(ctx) // deleted outside Terraform: plan recreates it
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *TapResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior tapModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, 5*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	body := plan.expand(ctx, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	selfURL, err := r.url("{%sink_id}/taps/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_tap: update failed", err.Error())
		return
	}
	{
		query := url.Values{}
		updateURL, err := r.url("{%sink_id}/taps/{name}", &plan, query)
		if err != nil {
			resp.Diagnostics.AddError("kitchen_tap: update failed", err.Error())
			return
		}
		apiResp, err := r.client.Do(ctx, "PATCH", updateURL, body)
		if err == nil {
			err = mmgen.CheckResponse(apiResp)
		}
		if err == nil {
			_, err = r.wait(ctx, apiResp, selfURL, false, &plan)
		}
		if err != nil {
			resp.Diagnostics.AddError("kitchen_tap: update failed", err.Error())
			return
		}
	}
	state, found, err := r.get(ctx, &plan, &resp.Diagnostics)
	if err == nil && !found {
		err = fmt.Errorf("%s: not found after update", selfURL)
	}
	if err != nil {
		resp.Diagnostics.AddError("kitchen_tap: update failed", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *TapResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state tapModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, 5*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	deleteURL, err := r.url("{%sink_id}/taps/{name}", &state, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_tap: delete failed", err.Error())
		return
	}
	apiResp, err := r.client.Do(ctx, "DELETE", deleteURL, nil)
	if err == nil && apiResp.Status == 404 {
		return // already gone
	}
	if err == nil {
		err = mmgen.CheckResponse(apiResp)
	}
	if err == nil {
		_, err = r.wait(ctx, apiResp, deleteURL, true, &state)
	}
	if err != nil {
		resp.Diagnostics.AddError("kitchen_tap: delete failed", err.Error())
	}
}

// ImportState accepts every import format in order; the values it finds set the
// arguments the id is built from, and Read fills in the rest.
func (r *TapResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	values, err := mmgen.ParseID([]string{"{%sink_id}/taps/{name}"}, req.ID)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_tap: import failed", err.Error())
		return
	}
	if v, ok := values["sink_id"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("sink_id"), v)...)
	}
	if v, ok := values["name"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), v)...)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, mmgen.ImportedKey, []byte("true"))...)
}

func (m *tapModel) expand(ctx context.Context, root *tapModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Flow) {
		mmgen.Put(body, m.Flow.ValueInt64(), "properties", "flow")
	}
	return body
}

func (m *tapModel) flatten(ctx context.Context, api map[string]any, prior *tapModel, root map[string]any, diags *diag.Diagnostics) {
	m.Name = mmgen.PriorString(prior.Name)
	m.SinkID = mmgen.PriorString(prior.SinkID)
	m.Flow = mmgen.Int64Value(mmgen.Get(api, "properties", "flow"))
}
