// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/oven.yaml
// Template:    resource.go.j2
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------

package kitchen

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/mmgen/terraform-provider-kitchen/internal/mmgen"
)

var (
	_ resource.Resource                = (*OvenResource)(nil)
	_ resource.ResourceWithConfigure   = (*OvenResource)(nil)
	_ resource.ResourceWithImportState = (*OvenResource)(nil)
)

// NewOvenResource returns the kitchen_oven resource.
func NewOvenResource() resource.Resource {
	return &OvenResource{}
}

// OvenResource manages kitchen_oven through the REST API.
type OvenResource struct {
	client   *mmgen.Client
	settings map[string]string
}

// ovenModel is the Terraform state of one kitchen_oven.
type ovenModel struct {
	Name              types.String   `tfsdk:"name"`
	Temperature       types.Int64    `tfsdk:"temperature"`
	ProvisioningState types.String   `tfsdk:"provisioning_state"`
	ID                types.String   `tfsdk:"id"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

func (r *OvenResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "kitchen_oven"
}

func (r *OvenResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Version:             0,
		MarkdownDescription: "An oven; immutable, created and deleted by long-running operations.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The ID of the kitchen_oven.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The oven's name.",
				Required:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"temperature": schema.Int64Attribute{
				MarkdownDescription: "Temperature in degrees Celsius.",
				Required:            true,
				PlanModifiers: []planmodifier.Int64{
					int64planmodifier.RequiresReplace(),
				},
			},
			"provisioning_state": schema.StringAttribute{
				MarkdownDescription: "The provisioning state.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Delete: true}),
		},
	}
}

func (r *OvenResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
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
func (r *OvenResource) idValues(m *ovenModel) map[string]string {
	return map[string]string{
		"subscription_id": r.settings["subscription_id"],
		"name":            m.Name.ValueString(),
	}
}

// url is the request URL for template (relative to the product's base URL).
func (r *OvenResource) url(template string, m *ovenModel, query url.Values) (string, error) {
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

func (r *OvenResource) resourceID(m *ovenModel) (string, error) {
	return mmgen.FillTemplate("/subscriptions/{subscription_id}/ovens/{name}", r.idValues(m), false)
}

// get reads the resource into a new model; found is false on 404.
func (r *OvenResource) get(ctx context.Context, prior *ovenModel, diags *diag.Diagnostics) (result *ovenModel, found bool, err error) {
	u, err := r.url("/subscriptions/{subscription_id}/ovens/{name}", prior, nil)
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
	m := &ovenModel{}
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
func (r *OvenResource) wait(ctx context.Context, resp *mmgen.Response, resourceURL string, deleting bool, m *ovenModel) (map[string]any, error) {
	if err := r.client.WaitARM(ctx, resp, deleting); err != nil {
		return nil, err
	}
	if deleting {
		return nil, nil
	}
	return nil, r.client.WaitProvisioning(ctx, resourceURL)
}

func (r *OvenResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan ovenModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, 20*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	body := plan.expand(ctx, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	createURL, err := r.url("/subscriptions/{subscription_id}/ovens/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_oven: create failed", err.Error())
		return
	}
	selfURL, err := r.url("/subscriptions/{subscription_id}/ovens/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_oven: create failed", err.Error())
		return
	}
	apiResp, err := r.client.Do(ctx, "PUT", createURL, body)
	if err == nil {
		err = mmgen.CheckResponse(apiResp)
	}
	if err != nil {
		resp.Diagnostics.AddError("kitchen_oven: create failed", err.Error())
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

func (r *OvenResource) keepTainted(ctx context.Context, plan *ovenModel, resp *resource.CreateResponse, cause error) {
	resp.Diagnostics.AddError("kitchen_oven: create failed", cause.Error())
	id, err := r.resourceID(plan)
	if err != nil {
		return
	}
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, mmgen.WithoutUnknowns(ctx, plan))...)
}

func (r *OvenResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior ovenModel
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
		resp.Diagnostics.AddError("kitchen_oven: read failed", err.Error())
		return
	}
	if !found {
		resp.State.RemoveResource(ctx) // deleted outside Terraform: plan recreates it
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *OvenResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior ovenModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Every argument forces a new resource, so only the timeouts can change in place.
	prior.Timeouts = plan.Timeouts
	resp.Diagnostics.Append(resp.State.Set(ctx, &prior)...)
}

func (r *OvenResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state ovenModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, 20*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	deleteURL, err := r.url("/subscriptions/{subscription_id}/ovens/{name}", &state, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_oven: delete failed", err.Error())
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
		resp.Diagnostics.AddError("kitchen_oven: delete failed", err.Error())
	}
}

// ImportState accepts every import format in order; the values it finds set the
// arguments the id is built from, and Read fills in the rest.
func (r *OvenResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	values, err := mmgen.ParseID([]string{"/subscriptions/{subscription_id}/ovens/{name}"}, req.ID)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_oven: import failed", err.Error())
		return
	}
	if v, ok := values["name"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), v)...)
	}
	if v, ok := values["subscription_id"]; ok && r.settings["subscription_id"] != "" && !strings.EqualFold(v, r.settings["subscription_id"]) {
		resp.Diagnostics.AddError("kitchen_oven: import failed", fmt.Sprintf("the import id has %s %q but the provider is configured with %q", "subscription_id", v, r.settings["subscription_id"]))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, mmgen.ImportedKey, []byte("true"))...)
}

func (m *ovenModel) expand(ctx context.Context, root *ovenModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Temperature) {
		mmgen.Put(body, m.Temperature.ValueInt64(), "properties", "temperature")
	}
	return body
}

func (m *ovenModel) flatten(ctx context.Context, api map[string]any, prior *ovenModel, root map[string]any, diags *diag.Diagnostics) {
	m.Name = mmgen.PriorString(prior.Name)
	m.Temperature = mmgen.Int64Value(mmgen.Get(api, "properties", "temperature"))
	m.ProvisioningState = mmgen.StringValue(mmgen.Get(api, "properties", "provisioningState"))
}
