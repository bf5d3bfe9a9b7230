// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: gen-specs/kitchen/sink.yaml
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
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/mmgen/terraform-provider-kitchen/internal/mmgen"
)

var (
	_ resource.Resource                = (*SinkResource)(nil)
	_ resource.ResourceWithConfigure   = (*SinkResource)(nil)
	_ resource.ResourceWithImportState = (*SinkResource)(nil)
)

// NewSinkResource returns the kitchen_sink resource.
func NewSinkResource() resource.Resource {
	return &SinkResource{}
}

// SinkResource manages kitchen_sink through the REST API.
type SinkResource struct {
	client   *mmgen.Client
	settings map[string]string
}

// sinkModel is the Terraform state of one kitchen_sink.
type sinkModel struct {
	Name        types.String       `tfsdk:"name"`
	Location    types.String       `tfsdk:"location"`
	Nickname    types.String       `tfsdk:"nickname"`
	LegacyName  types.String       `tfsdk:"legacy_name"`
	Depth       types.Int64        `tfsdk:"depth"`
	Ratio       types.Float64      `tfsdk:"ratio"`
	Enabled     types.Bool         `tfsdk:"enabled"`
	Finish      types.String       `tfsdk:"finish"`
	Tags        types.Map          `tfsdk:"tags"`
	Labels      types.Map          `tfsdk:"labels"`
	Annotations types.Map          `tfsdk:"annotations"`
	Limits      types.Map          `tfsdk:"limits"`
	Aliases     types.List         `tfsdk:"aliases"`
	Zones       types.Set          `tfsdk:"zones"`
	DrainID     types.String       `tfsdk:"drain_id"`
	InstalledAt types.String       `tfsdk:"installed_at"`
	Fingerprint types.String       `tfsdk:"fingerprint"`
	Secret      types.String       `tfsdk:"secret"`
	Serial      types.String       `tfsdk:"serial"`
	State       types.String       `tfsdk:"state"`
	Faucet      *sinkFaucetModel   `tfsdk:"faucet"`
	Filters     []sinkFiltersModel `tfsdk:"filters"`
	Drains      []sinkDrainsModel  `tfsdk:"drains"`
	ID          types.String       `tfsdk:"id"`
	Timeouts    timeouts.Value     `tfsdk:"timeouts"`
}

// sinkFaucetModel is one `faucet` block.
type sinkFaucetModel struct {
	Hot    types.Bool             `tfsdk:"hot"`
	Cold   types.Bool             `tfsdk:"cold"`
	Model  types.String           `tfsdk:"model"`
	Handle *sinkFaucetHandleModel `tfsdk:"handle"`
}

// sinkFaucetHandleModel is one `faucet.handle` block.
type sinkFaucetHandleModel struct {
	Material types.String `tfsdk:"material"`
	Wear     types.Int64  `tfsdk:"wear"`
}

// sinkFiltersModel is one `filters` block.
type sinkFiltersModel struct {
	Kind        types.String                 `tfsdk:"kind"`
	Credentials *sinkFiltersCredentialsModel `tfsdk:"credentials"`
}

// sinkFiltersCredentialsModel is one `filters.credentials` block.
type sinkFiltersCredentialsModel struct {
	User     types.String `tfsdk:"user"`
	Password types.String `tfsdk:"password"`
	Token    types.String `tfsdk:"token"`
}

// sinkDrainsModel is one `drains` block.
type sinkDrainsModel struct {
	Size        types.Int64                 `tfsdk:"size"`
	Credentials *sinkDrainsCredentialsModel `tfsdk:"credentials"`
}

// sinkDrainsCredentialsModel is one `drains.credentials` block.
type sinkDrainsCredentialsModel struct {
	Key types.String `tfsdk:"key"`
}

func (r *SinkResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "kitchen_sink"
}

func (r *SinkResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Version:             0,
		MarkdownDescription: "A sink: exercises every property type and flag.\n\nIts second paragraph holds tricky text: \"\"\"triple quotes\"\"\", a backslash \\ and {{ braces }}.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The ID of the kitchen_sink.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "The sink's name.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 31),
					stringvalidator.RegexMatches(regexp.MustCompile("^[a-z][a-z0-9-]{0,30}$"), "must match the regular expression ^[a-z][a-z0-9-]{0,30}$"),
				},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"location": schema.StringAttribute{
				MarkdownDescription: "Where the sink is.",
				Required:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"nickname": schema.StringAttribute{
				MarkdownDescription: "A nickname; the custom expand upper-cases it. Quotes: \" and '.",
				Optional:            true,
				Validators: []validator.String{
					stringvalidator.ConflictsWith(path.MatchRoot("legacy_name")),
				},
			},
			"legacy_name": schema.StringAttribute{
				MarkdownDescription: "An old name.",
				Optional:            true,
				DeprecationMessage:  "Use `nickname` instead.",
			},
			"depth": schema.Int64Attribute{
				MarkdownDescription: "Depth in centimetres.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(10),
				Validators: []validator.Int64{
					int64validator.Between(1, 100),
				},
			},
			"ratio": schema.Float64Attribute{
				MarkdownDescription: "A ratio.",
				Optional:            true,
				Validators: []validator.Float64{
					float64validator.Between(0.0, 1.5),
				},
			},
			"enabled": schema.BoolAttribute{
				MarkdownDescription: "Whether the sink is on.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
			},
			"finish": schema.StringAttribute{
				MarkdownDescription: "The finish.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString("Steel"),
				Validators: []validator.String{
					stringvalidator.OneOf("Steel", "Ceramic", "Stone"),
				},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags.",
				Optional:            true,
				ElementType:         types.StringType,
			},
			"labels": schema.MapAttribute{
				MarkdownDescription: "Labels.",
				Optional:            true,
				ElementType:         types.StringType,
				Validators: []validator.Map{
					mapvalidator.SizeAtMost(10),
				},
			},
			"annotations": schema.MapAttribute{
				MarkdownDescription: "Annotations.",
				Optional:            true,
				ElementType:         types.StringType,
			},
			"limits": schema.MapAttribute{
				MarkdownDescription: "Named limits.",
				Optional:            true,
				ElementType:         types.Int64Type,
			},
			"aliases": schema.ListAttribute{
				MarkdownDescription: "Other names.",
				Optional:            true,
				ElementType:         types.StringType,
				Validators: []validator.List{
					listvalidator.SizeBetween(0, 5),
				},
			},
			"zones": schema.SetAttribute{
				MarkdownDescription: "Zones.",
				Optional:            true,
				ElementType:         types.StringType,
				Validators: []validator.Set{
					setvalidator.ValueStringsAre(stringvalidator.OneOf("1", "2", "3")),
				},
			},
			"drain_id": schema.StringAttribute{
				MarkdownDescription: "The drain it empties into.",
				Optional:            true,
			},
			"installed_at": schema.StringAttribute{
				MarkdownDescription: "When it was installed (RFC 3339).",
				Optional:            true,
			},
			"fingerprint": schema.StringAttribute{
				MarkdownDescription: "Changes whenever the sink changes.",
				Computed:            true,
			},
			"secret": schema.StringAttribute{
				MarkdownDescription: "A secret the API never returns.",
				Optional:            true,
				Sensitive:           true,
			},
			"serial": schema.StringAttribute{
				MarkdownDescription: "Sent once, never read back.",
				Optional:            true,
			},
			"state": schema.StringAttribute{
				MarkdownDescription: "The state; the service picks one when unset.",
				Optional:            true,
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
		},
		Blocks: map[string]schema.Block{
			"faucet": schema.SingleNestedBlock{
				MarkdownDescription: "The faucet.",
				Validators: []validator.Object{
					objectvalidator.AtLeastOneOf(path.MatchRelative().AtName("hot"), path.MatchRelative().AtName("cold")),
				},
				Attributes: map[string]schema.Attribute{
					"hot": schema.BoolAttribute{
						MarkdownDescription: "Has hot water.",
						Optional:            true,
					},
					"cold": schema.BoolAttribute{
						MarkdownDescription: "Has cold water.",
						Optional:            true,
					},
					"model": schema.StringAttribute{
						MarkdownDescription: "Model; changing it replaces the sink.",
						Optional:            true,
						PlanModifiers: []planmodifier.String{
							stringplanmodifier.RequiresReplace(),
						},
					},
				},
				Blocks: map[string]schema.Block{
					"handle": schema.SingleNestedBlock{
						MarkdownDescription: "The handle.",
						Validators: []validator.Object{
							objectvalidator.AlsoRequires(path.MatchRelative().AtName("material")),
						},
						Attributes: map[string]schema.Attribute{
							"material": schema.StringAttribute{
								MarkdownDescription: "Handle material.",
								Optional:            true,
							},
							"wear": schema.Int64Attribute{
								MarkdownDescription: "Wear level reported by the service.",
								Computed:            true,
							},
						},
					},
				},
			},
			"filters": schema.ListNestedBlock{
				MarkdownDescription: "Filters, in order.",
				Validators: []validator.List{
					listvalidator.SizeAtMost(3),
				},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"kind": schema.StringAttribute{
							MarkdownDescription: "Filter kind.",
							Required:            true,
							Validators: []validator.String{
								stringvalidator.OneOf("carbon", "mesh"),
							},
						},
					},
					Blocks: map[string]schema.Block{
						"credentials": schema.SingleNestedBlock{
							MarkdownDescription: "Credentials of the filter's vendor portal.",
							Validators: []validator.Object{
								objectvalidator.AlsoRequires(path.MatchRelative().AtName("user")),
							},
							Attributes: map[string]schema.Attribute{
								"user": schema.StringAttribute{
									MarkdownDescription: "User name.",
									Optional:            true,
								},
								"password": schema.StringAttribute{
									MarkdownDescription: "Password.",
									Optional:            true,
									Sensitive:           true,
									Validators: []validator.String{
										mmgen.Redacted(mmgen.InBlockString(stringvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("token")))),
									},
								},
								"token": schema.StringAttribute{
									MarkdownDescription: "Token.",
									Optional:            true,
									Sensitive:           true,
								},
							},
						},
					},
				},
			},
			"drains": schema.SetNestedBlock{
				MarkdownDescription: "Drains, unordered.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"size": schema.Int64Attribute{
							MarkdownDescription: "Size in millimetres.",
							Required:            true,
						},
					},
					Blocks: map[string]schema.Block{
						"credentials": schema.SingleNestedBlock{
							MarkdownDescription: "A second, different credentials block (same name, other shape).",
							Validators: []validator.Object{
								objectvalidator.AlsoRequires(path.MatchRelative().AtName("key")),
							},
							Attributes: map[string]schema.Attribute{
								"key": schema.StringAttribute{
									MarkdownDescription: "Access key.",
									Optional:            true,
									Sensitive:           true,
								},
							},
						},
					},
				},
			},
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

func (r *SinkResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
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
func (r *SinkResource) idValues(m *sinkModel) map[string]string {
	return map[string]string{
		"subscription_id": r.settings["subscription_id"],
		"name":            m.Name.ValueString(),
	}
}

// url is the request URL for template (relative to the product's base URL).
func (r *SinkResource) url(template string, m *sinkModel, query url.Values) (string, error) {
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

func (r *SinkResource) resourceID(m *sinkModel) (string, error) {
	return mmgen.FillTemplate("/subscriptions/{subscription_id}/sinks/{name}", r.idValues(m), false)
}

// get reads the resource into a new model; found is false on 404.
func (r *SinkResource) get(ctx context.Context, prior *sinkModel, diags *diag.Diagnostics) (result *sinkModel, found bool, err error) {
	u, err := r.url("/subscriptions/{subscription_id}/sinks/{name}", prior, nil)
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
	m := &sinkModel{}
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
func (r *SinkResource) wait(ctx context.Context, resp *mmgen.Response, resourceURL string, deleting bool, m *sinkModel) (map[string]any, error) {
	return nil, nil
}

func (r *SinkResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan sinkModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, 10*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	body := plan.expand(ctx, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	body, err := sinkBeforeCreate(ctx, body)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_sink: create failed", err.Error())
		return
	}
	createURL, err := r.url("/subscriptions/{subscription_id}/sinks/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_sink: create failed", err.Error())
		return
	}
	selfURL, err := r.url("/subscriptions/{subscription_id}/sinks/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_sink: create failed", err.Error())
		return
	}
	apiResp, err := r.client.Do(ctx, "PUT", createURL, body)
	if err == nil {
		err = mmgen.CheckResponse(apiResp)
	}
	if err != nil {
		resp.Diagnostics.AddError("kitchen_sink: create failed", err.Error())
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

func (r *SinkResource) keepTainted(ctx context.Context, plan *sinkModel, resp *resource.CreateResponse, cause error) {
	resp.Diagnostics.AddError("kitchen_sink: create failed", cause.Error())
	id, err := r.resourceID(plan)
	if err != nil {
		return
	}
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, mmgen.WithoutUnknowns(ctx, plan))...)
}

func (r *SinkResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior sinkModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := prior.Timeouts.Read(ctx, 2*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if marker, d := req.Private.GetKey(ctx, mmgen.ImportedKey); len(marker) > 0 && !d.HasError() {
		ctx = mmgen.WithImporting(ctx)
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, mmgen.ImportedKey, nil)...)
	}

	state, found, err := r.get(ctx, &prior, &resp.Diagnostics)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_sink: read failed", err.Error())
		return
	}
	if !found {
		resp.State.RemoveResource(ctx) // deleted outside Terraform: plan recreates it
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *SinkResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior sinkModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, 10*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	body := plan.expand(ctx, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	selfURL, err := r.url("/subscriptions/{subscription_id}/sinks/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_sink: update failed", err.Error())
		return
	}
	{
		query := url.Values{}
		updateURL, err := r.url("/subscriptions/{subscription_id}/sinks/{name}", &plan, query)
		if err != nil {
			resp.Diagnostics.AddError("kitchen_sink: update failed", err.Error())
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
			resp.Diagnostics.AddError("kitchen_sink: update failed", err.Error())
			return
		}
	}
	state, found, err := r.get(ctx, &plan, &resp.Diagnostics)
	if err == nil && !found {
		err = fmt.Errorf("%s: not found after update", selfURL)
	}
	if err != nil {
		resp.Diagnostics.AddError("kitchen_sink: update failed", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *SinkResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state sinkModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, 10*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	deleteURL, err := r.url("/subscriptions/{subscription_id}/sinks/{name}", &state, nil)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_sink: delete failed", err.Error())
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
		resp.Diagnostics.AddError("kitchen_sink: delete failed", err.Error())
	}
}

// ImportState accepts every import format in order; the values it finds set the
// arguments the id is built from, and Read fills in the rest.
func (r *SinkResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	values, err := mmgen.ParseID([]string{"/subscriptions/{subscription_id}/sinks/{name}"}, req.ID)
	if err != nil {
		resp.Diagnostics.AddError("kitchen_sink: import failed", err.Error())
		return
	}
	if v, ok := values["name"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), v)...)
	}
	if v, ok := values["subscription_id"]; ok && r.settings["subscription_id"] != "" && !strings.EqualFold(v, r.settings["subscription_id"]) {
		resp.Diagnostics.AddError("kitchen_sink: import failed", fmt.Sprintf("the import id has %s %q but the provider is configured with %q", "subscription_id", v, r.settings["subscription_id"]))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, mmgen.ImportedKey, []byte("true"))...)
}

func (m *sinkModel) expand(ctx context.Context, root *sinkModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Location) {
		mmgen.Put(body, m.Location.ValueString(), "location")
	}
	if mmgen.Known(m.Nickname) {
		if v, err := sinkExpandNickname(ctx, m.Nickname, root); err != nil {
			diags.AddAttributeError(path.Root("nickname"), "Custom expand of nickname failed", err.Error())
		} else if v != nil {
			mmgen.Put(body, v, "properties", "nickname")
		}
	}
	if mmgen.Known(m.LegacyName) {
		mmgen.Put(body, m.LegacyName.ValueString(), "properties", "legacyName")
	}
	if mmgen.Known(m.Depth) {
		mmgen.Put(body, m.Depth.ValueInt64(), "properties", "depth")
	}
	if mmgen.Known(m.Ratio) {
		mmgen.Put(body, m.Ratio.ValueFloat64(), "properties", "ratio")
	}
	if mmgen.Known(m.Enabled) {
		mmgen.Put(body, m.Enabled.ValueBool(), "properties", "enabled")
	}
	if mmgen.Known(m.Finish) {
		mmgen.Put(body, m.Finish.ValueString(), "properties", "finish")
	}
	if mmgen.Known(m.Tags) {
		mmgen.Put(body, mmgen.ExpandMap(m.Tags), "tags")
	}
	if mmgen.Known(m.Labels) {
		mmgen.Put(body, mmgen.ExpandMap(m.Labels), "properties", "labels")
	}
	if mmgen.Known(m.Annotations) {
		mmgen.Put(body, mmgen.ExpandMap(m.Annotations), "properties", "annotations")
	}
	if mmgen.Known(m.Limits) {
		mmgen.Put(body, mmgen.ExpandMap(m.Limits), "properties", "limits")
	}
	if mmgen.Known(m.Aliases) {
		mmgen.Put(body, mmgen.ExpandList(m.Aliases), "properties", "aliases")
	}
	if mmgen.Known(m.Zones) {
		mmgen.Put(body, mmgen.ExpandSet(m.Zones), "properties", "zones")
	}
	if mmgen.Known(m.DrainID) {
		mmgen.Put(body, m.DrainID.ValueString(), "properties", "drain", "id")
	}
	if mmgen.Known(m.InstalledAt) {
		mmgen.Put(body, m.InstalledAt.ValueString(), "properties", "installedAt")
	}
	if mmgen.Known(m.Secret) {
		mmgen.Put(body, m.Secret.ValueString(), "properties", "secret")
	}
	if mmgen.Known(m.Serial) {
		mmgen.Put(body, m.Serial.ValueString(), "properties", "serial")
	}
	if mmgen.Known(m.State) {
		mmgen.Put(body, m.State.ValueString(), "properties", "state")
	}
	if m.Faucet != nil {
		mmgen.Put(body, m.Faucet.expand(ctx, root, diags), "properties", "faucet")
	}
	if len(m.Filters) > 0 {
		items := make([]any, 0, len(m.Filters))
		for i := range m.Filters {
			items = append(items, m.Filters[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "properties", "filters")
	}
	if len(m.Drains) > 0 {
		items := make([]any, 0, len(m.Drains))
		for i := range m.Drains {
			items = append(items, m.Drains[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "properties", "drains")
	}
	return body
}

func (m *sinkModel) flatten(ctx context.Context, api map[string]any, prior *sinkModel, root map[string]any, diags *diag.Diagnostics) {
	m.Name = mmgen.PriorString(prior.Name)
	m.Location = mmgen.StringValue(mmgen.Get(api, "location"))
	{
		raw, _ := mmgen.Get(api, "properties", "nickname")
		if v, err := sinkFlattenNickname(ctx, raw, root); err != nil {
			diags.AddAttributeError(path.Root("nickname"), "Custom flatten of nickname failed", err.Error())
		} else {
			m.Nickname = v
		}
	}
	m.LegacyName = mmgen.StringValue(mmgen.Get(api, "properties", "legacyName"))
	m.Depth = mmgen.Int64Value(mmgen.Get(api, "properties", "depth"))
	m.Ratio = mmgen.Float64Value(mmgen.Get(api, "properties", "ratio"))
	m.Enabled = mmgen.BoolValue(mmgen.Get(api, "properties", "enabled"))
	m.Finish = mmgen.StringValue(mmgen.Get(api, "properties", "finish"))
	{
		raw, ok := mmgen.Get(api, "tags")
		v, d := mmgen.MapValue(raw, ok, types.StringType)
		diags.Append(d...)
		m.Tags = mmgen.KeepEmptyMap(v, mmgen.PriorMap(prior.Tags, types.StringType))
	}
	{
		raw, ok := mmgen.Get(api, "properties", "labels")
		v, d := mmgen.MapValue(raw, ok, types.StringType)
		diags.Append(d...)
		m.Labels = mmgen.KeepEmptyMap(v, mmgen.PriorMap(prior.Labels, types.StringType))
	}
	{
		raw, ok := mmgen.Get(api, "properties", "annotations")
		v, d := mmgen.MapValue(raw, ok, types.StringType)
		diags.Append(d...)
		m.Annotations = mmgen.KeepEmptyMap(v, mmgen.PriorMap(prior.Annotations, types.StringType))
	}
	{
		raw, ok := mmgen.Get(api, "properties", "limits")
		v, d := mmgen.MapValue(raw, ok, types.Int64Type)
		diags.Append(d...)
		m.Limits = mmgen.KeepEmptyMap(v, mmgen.PriorMap(prior.Limits, types.Int64Type))
	}
	{
		raw, ok := mmgen.Get(api, "properties", "aliases")
		v, d := mmgen.ListValue(raw, ok, types.StringType)
		diags.Append(d...)
		m.Aliases = mmgen.KeepEmptyList(v, mmgen.PriorList(prior.Aliases, types.StringType))
	}
	{
		raw, ok := mmgen.Get(api, "properties", "zones")
		v, d := mmgen.SetValue(raw, ok, types.StringType)
		diags.Append(d...)
		m.Zones = mmgen.KeepEmptySet(v, mmgen.PriorSet(prior.Zones, types.StringType))
	}
	m.DrainID = mmgen.StringValue(mmgen.Get(api, "properties", "drain", "id"))
	m.InstalledAt = mmgen.StringValue(mmgen.Get(api, "properties", "installedAt"))
	m.Fingerprint = mmgen.StringValue(mmgen.Get(api, "properties", "fingerprint"))
	m.Secret = mmgen.PriorString(prior.Secret)
	m.Serial = mmgen.PriorString(prior.Serial)
	m.State = mmgen.StringValue(mmgen.Get(api, "properties", "state"))
	{
		raw, ok := mmgen.Get(api, "properties", "faucet")
		obj, isObj := mmgen.Object(raw)
		m.Faucet = nil
		if ok && isObj && (len(obj) > 0 || prior.Faucet != nil) {
			p := prior.Faucet
			if p == nil {
				p = &sinkFaucetModel{}
			}
			v := &sinkFaucetModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.Faucet = v
		}
	}
	{
		raw, _ := mmgen.Get(api, "properties", "filters")
		items, _ := raw.([]any)
		m.Filters = make([]sinkFiltersModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p sinkFiltersModel
			if i < len(prior.Filters) {
				p = prior.Filters[i]
			}
			var v sinkFiltersModel
			v.flatten(ctx, obj, &p, root, diags)
			m.Filters = append(m.Filters, v)
		}
	}
	{
		raw, _ := mmgen.Get(api, "properties", "drains")
		items, _ := raw.([]any)
		m.Drains = make([]sinkDrainsModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p sinkDrainsModel
			if i < len(prior.Drains) {
				p = prior.Drains[i]
			}
			var v sinkDrainsModel
			v.flatten(ctx, obj, &p, root, diags)
			m.Drains = append(m.Drains, v)
		}
	}
}

func (m *sinkFaucetModel) expand(ctx context.Context, root *sinkModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Hot) {
		mmgen.Put(body, m.Hot.ValueBool(), "hot")
	}
	if mmgen.Known(m.Cold) {
		mmgen.Put(body, m.Cold.ValueBool(), "cold")
	}
	if mmgen.Known(m.Model) {
		mmgen.Put(body, m.Model.ValueString(), "model")
	}
	if m.Handle != nil {
		mmgen.Put(body, m.Handle.expand(ctx, root, diags), "handle")
	}
	return body
}

func (m *sinkFaucetModel) flatten(ctx context.Context, api map[string]any, prior *sinkFaucetModel, root map[string]any, diags *diag.Diagnostics) {
	m.Hot = mmgen.BoolValue(mmgen.Get(api, "hot"))
	m.Cold = mmgen.BoolValue(mmgen.Get(api, "cold"))
	m.Model = mmgen.StringValue(mmgen.Get(api, "model"))
	{
		raw, ok := mmgen.Get(api, "handle")
		obj, isObj := mmgen.Object(raw)
		m.Handle = nil
		if ok && isObj && (len(obj) > 0 || prior.Handle != nil) {
			p := prior.Handle
			if p == nil {
				p = &sinkFaucetHandleModel{}
			}
			v := &sinkFaucetHandleModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.Handle = v
		}
	}
}

func (m *sinkFaucetHandleModel) expand(ctx context.Context, root *sinkModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Material) {
		mmgen.Put(body, m.Material.ValueString(), "material")
	}
	return body
}

func (m *sinkFaucetHandleModel) flatten(ctx context.Context, api map[string]any, prior *sinkFaucetHandleModel, root map[string]any, diags *diag.Diagnostics) {
	m.Material = mmgen.StringValue(mmgen.Get(api, "material"))
	m.Wear = mmgen.Int64Value(mmgen.Get(api, "wear"))
}

func (m *sinkFiltersModel) expand(ctx context.Context, root *sinkModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Kind) {
		mmgen.Put(body, m.Kind.ValueString(), "kind")
	}
	if m.Credentials != nil {
		mmgen.Put(body, m.Credentials.expand(ctx, root, diags), "credentials")
	}
	return body
}

func (m *sinkFiltersModel) flatten(ctx context.Context, api map[string]any, prior *sinkFiltersModel, root map[string]any, diags *diag.Diagnostics) {
	m.Kind = mmgen.StringValue(mmgen.Get(api, "kind"))
	{
		raw, ok := mmgen.Get(api, "credentials")
		obj, isObj := mmgen.Object(raw)
		m.Credentials = nil
		if ok && isObj && (len(obj) > 0 || prior.Credentials != nil) {
			p := prior.Credentials
			if p == nil {
				p = &sinkFiltersCredentialsModel{}
			}
			v := &sinkFiltersCredentialsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.Credentials = v
		}
	}
}

func (m *sinkFiltersCredentialsModel) expand(ctx context.Context, root *sinkModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.User) {
		mmgen.Put(body, m.User.ValueString(), "user")
	}
	if mmgen.Known(m.Password) {
		mmgen.Put(body, m.Password.ValueString(), "password")
	}
	if mmgen.Known(m.Token) {
		mmgen.Put(body, m.Token.ValueString(), "token")
	}
	return body
}

func (m *sinkFiltersCredentialsModel) flatten(ctx context.Context, api map[string]any, prior *sinkFiltersCredentialsModel, root map[string]any, diags *diag.Diagnostics) {
	m.User = mmgen.StringValue(mmgen.Get(api, "user"))
	m.Password = mmgen.PriorString(prior.Password)
	m.Token = mmgen.PriorString(prior.Token)
}

func (m *sinkDrainsModel) expand(ctx context.Context, root *sinkModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Size) {
		mmgen.Put(body, m.Size.ValueInt64(), "size")
	}
	if m.Credentials != nil {
		mmgen.Put(body, m.Credentials.expand(ctx, root, diags), "credentials")
	}
	return body
}

func (m *sinkDrainsModel) flatten(ctx context.Context, api map[string]any, prior *sinkDrainsModel, root map[string]any, diags *diag.Diagnostics) {
	m.Size = mmgen.Int64Value(mmgen.Get(api, "size"))
	{
		raw, ok := mmgen.Get(api, "credentials")
		obj, isObj := mmgen.Object(raw)
		m.Credentials = nil
		if ok && isObj && (len(obj) > 0 || prior.Credentials != nil) {
			p := prior.Credentials
			if p == nil {
				p = &sinkDrainsCredentialsModel{}
			}
			v := &sinkDrainsCredentialsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.Credentials = v
		}
	}
}

func (m *sinkDrainsCredentialsModel) expand(ctx context.Context, root *sinkModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Key) {
		mmgen.Put(body, m.Key.ValueString(), "key")
	}
	return body
}

func (m *sinkDrainsCredentialsModel) flatten(ctx context.Context, api map[string]any, prior *sinkDrainsCredentialsModel, root map[string]any, diags *diag.Diagnostics) {
	m.Key = mmgen.PriorString(prior.Key)
}
