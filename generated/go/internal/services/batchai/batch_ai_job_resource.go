// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: specs/batchai/batch_ai_job.yaml
// Template:    resource.go.j2
// Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
//
// ----------------------------------------------------------------------------

package batchai

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/mmgen/terraform-provider-azurerm/internal/mmgen"
)

var (
	_ resource.Resource                = (*BatchAiJobResource)(nil)
	_ resource.ResourceWithConfigure   = (*BatchAiJobResource)(nil)
	_ resource.ResourceWithImportState = (*BatchAiJobResource)(nil)
)

// NewBatchAiJobResource returns the azurerm_batch_ai_job resource.
func NewBatchAiJobResource() resource.Resource {
	return &BatchAiJobResource{}
}

// BatchAiJobResource manages azurerm_batch_ai_job through the REST API.
type BatchAiJobResource struct {
	client   *mmgen.Client
	settings map[string]string
}

// batchAiJobModel is the Terraform state of one azurerm_batch_ai_job.
type batchAiJobModel struct {
	Name                            types.String                          `tfsdk:"name"`
	ResourceGroup                   types.String                          `tfsdk:"resource_group"`
	Location                        types.String                          `tfsdk:"location"`
	Tags                            types.Map                             `tfsdk:"tags"`
	ID                              types.String                          `tfsdk:"id"`
	Type                            types.String                          `tfsdk:"type"`
	ClusterID                       types.String                          `tfsdk:"cluster_id"`
	NodeCount                       types.Int64                           `tfsdk:"node_count"`
	StdOutErrPathPrefix             types.String                          `tfsdk:"std_out_err_path_prefix"`
	ExperimentName                  types.String                          `tfsdk:"experiment_name"`
	Priority                        types.Int64                           `tfsdk:"priority"`
	Constraints                     *batchAiJobConstraintsModel           `tfsdk:"constraints"`
	ContainerSettings               *batchAiJobContainerSettingsModel     `tfsdk:"container_settings"`
	CntkSettings                    *batchAiJobCntkSettingsModel          `tfsdk:"cntk_settings"`
	PyTorchSettings                 *batchAiJobPyTorchSettingsModel       `tfsdk:"py_torch_settings"`
	TensorFlowSettings              *batchAiJobTensorFlowSettingsModel    `tfsdk:"tensor_flow_settings"`
	CaffeSettings                   *batchAiJobCaffeSettingsModel         `tfsdk:"caffe_settings"`
	Caffe2Settings                  *batchAiJobCaffe2SettingsModel        `tfsdk:"caffe2_settings"`
	ChainerSettings                 *batchAiJobChainerSettingsModel       `tfsdk:"chainer_settings"`
	CustomToolkitSettings           *batchAiJobCustomToolkitSettingsModel `tfsdk:"custom_toolkit_settings"`
	JobPreparation                  *batchAiJobJobPreparationModel        `tfsdk:"job_preparation"`
	InputDirectories                []batchAiJobInputDirectoriesModel     `tfsdk:"input_directories"`
	OutputDirectories               []batchAiJobOutputDirectoriesModel    `tfsdk:"output_directories"`
	EnvironmentVariables            []batchAiJobEnvironmentVariablesModel `tfsdk:"environment_variables"`
	Secrets                         []batchAiJobSecretsModel              `tfsdk:"secrets"`
	MountVolumes                    *batchAiJobMountVolumesModel          `tfsdk:"mount_volumes"`
	JobOutputDirectoryPathSegment   types.String                          `tfsdk:"job_output_directory_path_segment"`
	ToolType                        types.String                          `tfsdk:"tool_type"`
	CreationTime                    types.String                          `tfsdk:"creation_time"`
	ProvisioningState               types.String                          `tfsdk:"provisioning_state"`
	ProvisioningStateTransitionTime types.String                          `tfsdk:"provisioning_state_transition_time"`
	ExecutionState                  types.String                          `tfsdk:"execution_state"`
	ExecutionStateTransitionTime    types.String                          `tfsdk:"execution_state_transition_time"`
	ExecutionInfo                   types.Object                          `tfsdk:"execution_info"`
	Timeouts                        timeouts.Value                        `tfsdk:"timeouts"`
}

// batchAiJobConstraintsModel is one `constraints` block.
type batchAiJobConstraintsModel struct {
	MaxWallClockTime types.String `tfsdk:"max_wall_clock_time"`
}

// batchAiJobContainerSettingsModel is one `container_settings` block.
type batchAiJobContainerSettingsModel struct {
	ImageSourceRegistry *batchAiJobContainerSettingsImageSourceRegistryModel `tfsdk:"image_source_registry"`
}

// batchAiJobContainerSettingsImageSourceRegistryModel is one `container_settings.image_source_registry` block.
type batchAiJobContainerSettingsImageSourceRegistryModel struct {
	ServerURL   types.String                                                    `tfsdk:"server_url"`
	Image       types.String                                                    `tfsdk:"image"`
	Credentials *batchAiJobContainerSettingsImageSourceRegistryCredentialsModel `tfsdk:"credentials"`
}

// batchAiJobContainerSettingsImageSourceRegistryCredentialsModel is one `container_settings.image_source_registry.credentials` block.
type batchAiJobContainerSettingsImageSourceRegistryCredentialsModel struct {
	Username                types.String                                                                           `tfsdk:"username"`
	Password                types.String                                                                           `tfsdk:"password"`
	PasswordSecretReference *batchAiJobContainerSettingsImageSourceRegistryCredentialsPasswordSecretReferenceModel `tfsdk:"password_secret_reference"`
}

// batchAiJobContainerSettingsImageSourceRegistryCredentialsPasswordSecretReferenceModel is one `container_settings.image_source_registry.credentials.password_secret_reference` block.
type batchAiJobContainerSettingsImageSourceRegistryCredentialsPasswordSecretReferenceModel struct {
	SourceVaultID types.String `tfsdk:"source_vault_id"`
	SecretURL     types.String `tfsdk:"secret_url"`
}

// batchAiJobCntkSettingsModel is one `cntk_settings` block.
type batchAiJobCntkSettingsModel struct {
	LanguageType          types.String `tfsdk:"language_type"`
	ConfigFilePath        types.String `tfsdk:"config_file_path"`
	PythonScriptFilePath  types.String `tfsdk:"python_script_file_path"`
	PythonInterpreterPath types.String `tfsdk:"python_interpreter_path"`
	CommandLineArgs       types.String `tfsdk:"command_line_args"`
	ProcessCount          types.Int64  `tfsdk:"process_count"`
}

// batchAiJobPyTorchSettingsModel is one `py_torch_settings` block.
type batchAiJobPyTorchSettingsModel struct {
	PythonScriptFilePath  types.String `tfsdk:"python_script_file_path"`
	PythonInterpreterPath types.String `tfsdk:"python_interpreter_path"`
	CommandLineArgs       types.String `tfsdk:"command_line_args"`
	ProcessCount          types.Int64  `tfsdk:"process_count"`
	CommunicationBackend  types.String `tfsdk:"communication_backend"`
}

// batchAiJobTensorFlowSettingsModel is one `tensor_flow_settings` block.
type batchAiJobTensorFlowSettingsModel struct {
	PythonScriptFilePath           types.String `tfsdk:"python_script_file_path"`
	PythonInterpreterPath          types.String `tfsdk:"python_interpreter_path"`
	MasterCommandLineArgs          types.String `tfsdk:"master_command_line_args"`
	WorkerCommandLineArgs          types.String `tfsdk:"worker_command_line_args"`
	ParameterServerCommandLineArgs types.String `tfsdk:"parameter_server_command_line_args"`
	WorkerCount                    types.Int64  `tfsdk:"worker_count"`
	ParameterServerCount           types.Int64  `tfsdk:"parameter_server_count"`
}

// batchAiJobCaffeSettingsModel is one `caffe_settings` block.
type batchAiJobCaffeSettingsModel struct {
	ConfigFilePath        types.String `tfsdk:"config_file_path"`
	PythonScriptFilePath  types.String `tfsdk:"python_script_file_path"`
	PythonInterpreterPath types.String `tfsdk:"python_interpreter_path"`
	CommandLineArgs       types.String `tfsdk:"command_line_args"`
	ProcessCount          types.Int64  `tfsdk:"process_count"`
}

// batchAiJobCaffe2SettingsModel is one `caffe2_settings` block.
type batchAiJobCaffe2SettingsModel struct {
	PythonScriptFilePath  types.String `tfsdk:"python_script_file_path"`
	PythonInterpreterPath types.String `tfsdk:"python_interpreter_path"`
	CommandLineArgs       types.String `tfsdk:"command_line_args"`
}

// batchAiJobChainerSettingsModel is one `chainer_settings` block.
type batchAiJobChainerSettingsModel struct {
	PythonScriptFilePath  types.String `tfsdk:"python_script_file_path"`
	PythonInterpreterPath types.String `tfsdk:"python_interpreter_path"`
	CommandLineArgs       types.String `tfsdk:"command_line_args"`
	ProcessCount          types.Int64  `tfsdk:"process_count"`
}

// batchAiJobCustomToolkitSettingsModel is one `custom_toolkit_settings` block.
type batchAiJobCustomToolkitSettingsModel struct {
	CommandLine types.String `tfsdk:"command_line"`
}

// batchAiJobJobPreparationModel is one `job_preparation` block.
type batchAiJobJobPreparationModel struct {
	CommandLine types.String `tfsdk:"command_line"`
}

// batchAiJobInputDirectoriesModel is one `input_directories` block.
type batchAiJobInputDirectoriesModel struct {
	ID   types.String `tfsdk:"id"`
	Path types.String `tfsdk:"path"`
}

// batchAiJobOutputDirectoriesModel is one `output_directories` block.
type batchAiJobOutputDirectoriesModel struct {
	ID         types.String `tfsdk:"id"`
	PathPrefix types.String `tfsdk:"path_prefix"`
	PathSuffix types.String `tfsdk:"path_suffix"`
	Type       types.String `tfsdk:"type"`
	CreateNew  types.Bool   `tfsdk:"create_new"`
}

// batchAiJobEnvironmentVariablesModel is one `environment_variables` block.
type batchAiJobEnvironmentVariablesModel struct {
	Name  types.String `tfsdk:"name"`
	Value types.String `tfsdk:"value"`
}

// batchAiJobSecretsModel is one `secrets` block.
type batchAiJobSecretsModel struct {
	Name                 types.String                                `tfsdk:"name"`
	Value                types.String                                `tfsdk:"value"`
	ValueSecretReference *batchAiJobSecretsValueSecretReferenceModel `tfsdk:"value_secret_reference"`
}

// batchAiJobSecretsValueSecretReferenceModel is one `secrets.value_secret_reference` block.
type batchAiJobSecretsValueSecretReferenceModel struct {
	SourceVaultID types.String `tfsdk:"source_vault_id"`
	SecretURL     types.String `tfsdk:"secret_url"`
}

// batchAiJobMountVolumesModel is one `mount_volumes` block.
type batchAiJobMountVolumesModel struct {
	AzureFileShares      []batchAiJobMountVolumesAzureFileSharesModel      `tfsdk:"azure_file_shares"`
	AzureBlobFileSystems []batchAiJobMountVolumesAzureBlobFileSystemsModel `tfsdk:"azure_blob_file_systems"`
	FileServers          []batchAiJobMountVolumesFileServersModel          `tfsdk:"file_servers"`
	UnmanagedFileSystems []batchAiJobMountVolumesUnmanagedFileSystemsModel `tfsdk:"unmanaged_file_systems"`
}

// batchAiJobMountVolumesAzureFileSharesModel is one `mount_volumes.azure_file_shares` block.
type batchAiJobMountVolumesAzureFileSharesModel struct {
	AccountName       types.String                                           `tfsdk:"account_name"`
	AzureFileURL      types.String                                           `tfsdk:"azure_file_url"`
	Credentials       *batchAiJobMountVolumesAzureFileSharesCredentialsModel `tfsdk:"credentials"`
	RelativeMountPath types.String                                           `tfsdk:"relative_mount_path"`
	FileMode          types.String                                           `tfsdk:"file_mode"`
	DirectoryMode     types.String                                           `tfsdk:"directory_mode"`
}

// batchAiJobMountVolumesAzureFileSharesCredentialsModel is one `mount_volumes.azure_file_shares.credentials` block.
type batchAiJobMountVolumesAzureFileSharesCredentialsModel struct {
	AccountKey                types.String                                                                    `tfsdk:"account_key"`
	AccountKeySecretReference *batchAiJobMountVolumesAzureFileSharesCredentialsAccountKeySecretReferenceModel `tfsdk:"account_key_secret_reference"`
}

// batchAiJobMountVolumesAzureFileSharesCredentialsAccountKeySecretReferenceModel is one `mount_volumes.azure_file_shares.credentials.account_key_secret_reference` block.
type batchAiJobMountVolumesAzureFileSharesCredentialsAccountKeySecretReferenceModel struct {
	SourceVaultID types.String `tfsdk:"source_vault_id"`
	SecretURL     types.String `tfsdk:"secret_url"`
}

// batchAiJobMountVolumesAzureBlobFileSystemsModel is one `mount_volumes.azure_blob_file_systems` block.
type batchAiJobMountVolumesAzureBlobFileSystemsModel struct {
	AccountName       types.String                                                `tfsdk:"account_name"`
	ContainerName     types.String                                                `tfsdk:"container_name"`
	Credentials       *batchAiJobMountVolumesAzureBlobFileSystemsCredentialsModel `tfsdk:"credentials"`
	RelativeMountPath types.String                                                `tfsdk:"relative_mount_path"`
	MountOptions      types.String                                                `tfsdk:"mount_options"`
}

// batchAiJobMountVolumesAzureBlobFileSystemsCredentialsModel is one `mount_volumes.azure_blob_file_systems.credentials` block.
type batchAiJobMountVolumesAzureBlobFileSystemsCredentialsModel struct {
	AccountKey                types.String                                                                         `tfsdk:"account_key"`
	AccountKeySecretReference *batchAiJobMountVolumesAzureBlobFileSystemsCredentialsAccountKeySecretReferenceModel `tfsdk:"account_key_secret_reference"`
}

// batchAiJobMountVolumesAzureBlobFileSystemsCredentialsAccountKeySecretReferenceModel is one `mount_volumes.azure_blob_file_systems.credentials.account_key_secret_reference` block.
type batchAiJobMountVolumesAzureBlobFileSystemsCredentialsAccountKeySecretReferenceModel struct {
	SourceVaultID types.String `tfsdk:"source_vault_id"`
	SecretURL     types.String `tfsdk:"secret_url"`
}

// batchAiJobMountVolumesFileServersModel is one `mount_volumes.file_servers` block.
type batchAiJobMountVolumesFileServersModel struct {
	FileServerID      types.String `tfsdk:"file_server_id"`
	SourceDirectory   types.String `tfsdk:"source_directory"`
	RelativeMountPath types.String `tfsdk:"relative_mount_path"`
	MountOptions      types.String `tfsdk:"mount_options"`
}

// batchAiJobMountVolumesUnmanagedFileSystemsModel is one `mount_volumes.unmanaged_file_systems` block.
type batchAiJobMountVolumesUnmanagedFileSystemsModel struct {
	MountCommand      types.String `tfsdk:"mount_command"`
	RelativeMountPath types.String `tfsdk:"relative_mount_path"`
}

// batchAiJobExecutionInfoModel is one `execution_info` block.
type batchAiJobExecutionInfoModel struct {
	StartTime types.String `tfsdk:"start_time"`
	EndTime   types.String `tfsdk:"end_time"`
	ExitCode  types.Int64  `tfsdk:"exit_code"`
	Errors    types.List   `tfsdk:"errors"`
}

// batchAiJobExecutionInfoErrorsModel is one `execution_info.errors` block.
type batchAiJobExecutionInfoErrorsModel struct {
	Code    types.String `tfsdk:"code"`
	Message types.String `tfsdk:"message"`
	Details types.List   `tfsdk:"details"`
}

// batchAiJobExecutionInfoErrorsDetailsModel is one `execution_info.errors.details` block.
type batchAiJobExecutionInfoErrorsDetailsModel struct {
	Name  types.String `tfsdk:"name"`
	Value types.String `tfsdk:"value"`
}

// batchAiJobExecutionInfoAttrTypes are the attribute types of one `execution_info` object.
var batchAiJobExecutionInfoAttrTypes = map[string]attr.Type{
	"start_time": types.StringType,
	"end_time":   types.StringType,
	"exit_code":  types.Int64Type,
	"errors":     types.ListType{ElemType: types.ObjectType{AttrTypes: batchAiJobExecutionInfoErrorsAttrTypes}},
}

// batchAiJobExecutionInfoErrorsAttrTypes are the attribute types of one `execution_info.errors` object.
var batchAiJobExecutionInfoErrorsAttrTypes = map[string]attr.Type{
	"code":    types.StringType,
	"message": types.StringType,
	"details": types.ListType{ElemType: types.ObjectType{AttrTypes: batchAiJobExecutionInfoErrorsDetailsAttrTypes}},
}

// batchAiJobExecutionInfoErrorsDetailsAttrTypes are the attribute types of one `execution_info.errors.details` object.
var batchAiJobExecutionInfoErrorsDetailsAttrTypes = map[string]attr.Type{
	"name":  types.StringType,
	"value": types.StringType,
}

func (r *BatchAiJobResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "azurerm_batch_ai_job"
}

func (r *BatchAiJobResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Version:             0,
		MarkdownDescription: "Manages an Azure Batch AI job: a run of a deep learning toolkit (CNTK, TensorFlow, PyTorch, Caffe,\nCaffe2, Chainer) or of a custom command line on a Batch AI cluster. A job cannot be changed once it has\nbeen submitted: changing any argument replaces it.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "The name of the job within the specified resource group. Job names can only contain a combination of alphanumeric characters along with dash (-) and underscore (_). The name must be from 1 through 64 characters long.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 64),
					stringvalidator.RegexMatches(regexp.MustCompile("^[-a-zA-Z0-9_]+$"), "must match the regular expression ^[-a-zA-Z0-9_]+$"),
				},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"resource_group": schema.StringAttribute{
				MarkdownDescription: "The name of the resource group in which to create the job.",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 90),
					stringvalidator.RegexMatches(regexp.MustCompile("^[-\\w\\._]+$"), "must match the regular expression ^[-\\w\\._]+$"),
				},
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"location": schema.StringAttribute{
				MarkdownDescription: "The Azure region in which to create the job, e.g. `eastus`. It must be the region of the cluster.",
				Required:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "The user specified tags associated with the job.",
				Optional:            true,
				ElementType:         types.StringType,
				PlanModifiers: []planmodifier.Map{
					mapplanmodifier.RequiresReplace(),
				},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "The ID of the Batch AI job.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "The type of the resource, `Microsoft.BatchAI/Job`.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"cluster_id": schema.StringAttribute{
				MarkdownDescription: "The ID of the Batch AI cluster on which this job will run.",
				Required:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"node_count": schema.Int64Attribute{
				MarkdownDescription: "The number of compute nodes to run the job on. The job will be gang scheduled on that many compute nodes.",
				Required:            true,
				Validators: []validator.Int64{
					int64validator.AtLeast(1),
				},
				PlanModifiers: []planmodifier.Int64{
					int64planmodifier.RequiresReplace(),
				},
			},
			"std_out_err_path_prefix": schema.StringAttribute{
				MarkdownDescription: "The path where the Batch AI service will upload the stdout and stderr of the job, e.g. `$AZ_BATCHAI_MOUNT_ROOT/azfiles`.",
				Required:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"experiment_name": schema.StringAttribute{
				MarkdownDescription: "Describes the experiment information of the job.",
				Optional:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.RequiresReplace(),
				},
			},
			"priority": schema.Int64Attribute{
				MarkdownDescription: "The priority associated with the job. Priority values can range from -1000 to 1000, with -1000 being the lowest priority and 1000 being the highest priority.",
				Optional:            true,
				Computed:            true,
				Default:             int64default.StaticInt64(0),
				Validators: []validator.Int64{
					int64validator.Between(-1000, 1000),
				},
				PlanModifiers: []planmodifier.Int64{
					int64planmodifier.RequiresReplace(),
				},
			},
			"job_output_directory_path_segment": schema.StringAttribute{
				MarkdownDescription: "A segment of the job's output directories path created by Batch AI. Batch AI creates the job's output directories under a unique path to avoid conflicts between jobs; this value is the path segment it generated, and can be used to find the output directory on the node or mounted file system.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"tool_type": schema.StringAttribute{
				MarkdownDescription: "The toolkit type of this job.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"creation_time": schema.StringAttribute{
				MarkdownDescription: "The creation time of the job.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"provisioning_state": schema.StringAttribute{
				MarkdownDescription: "The provisioning state of the Batch AI job.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"provisioning_state_transition_time": schema.StringAttribute{
				MarkdownDescription: "The time at which the job entered its current provisioning state.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"execution_state": schema.StringAttribute{
				MarkdownDescription: "The current state of the job. `queued`: the job is queued and able to run; a job enters this state when it is created, or when it is awaiting a retry after a failed run. `running`: the job is running on a compute cluster; this includes job-level preparation such as downloading resource files or setting up the container specified on the job, so it does not necessarily mean that the job command line has started executing. `terminating`: the job is terminated by the user and the terminate operation is in progress. `succeeded`: the job has completed running successfully and exited with exit code 0. `failed`: the job has finished unsuccessfully (failed with a non-zero exit code) and has exhausted its retry limit; a job is also marked as failed if an error occurred launching the job.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"execution_state_transition_time": schema.StringAttribute{
				MarkdownDescription: "The time at which the job entered its current execution state.",
				Computed:            true,
				PlanModifiers: []planmodifier.String{
					stringplanmodifier.UseStateForUnknown(),
				},
			},
			"execution_info": schema.SingleNestedAttribute{
				MarkdownDescription: "Information about the execution of the job.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"start_time": schema.StringAttribute{
						MarkdownDescription: "The time at which the job started running. If the job has been restarted or retried, this is the most recent time at which the job started running. Present only for jobs that are in the running or completed state.",
						Computed:            true,
					},
					"end_time": schema.StringAttribute{
						MarkdownDescription: "The time at which the job completed. Present only if the job is in the completed state.",
						Computed:            true,
					},
					"exit_code": schema.Int64Attribute{
						MarkdownDescription: "The exit code of the job. Present only if the job is in the completed state.",
						Computed:            true,
					},
					"errors": schema.ListNestedAttribute{
						MarkdownDescription: "Details of the errors encountered by the service during the job execution.",
						Computed:            true,
						NestedObject: schema.NestedAttributeObject{
							Attributes: map[string]schema.Attribute{
								"code": schema.StringAttribute{
									MarkdownDescription: "An identifier for the error. Codes are invariant and are intended to be consumed programmatically.",
									Computed:            true,
								},
								"message": schema.StringAttribute{
									MarkdownDescription: "A message describing the error, intended to be suitable for display in a user interface.",
									Computed:            true,
								},
								"details": schema.ListNestedAttribute{
									MarkdownDescription: "A list of additional details about the error.",
									Computed:            true,
									NestedObject: schema.NestedAttributeObject{
										Attributes: map[string]schema.Attribute{
											"name": schema.StringAttribute{
												MarkdownDescription: "The name in the name-value pair.",
												Computed:            true,
											},
											"value": schema.StringAttribute{
												MarkdownDescription: "The value in the name-value pair.",
												Computed:            true,
											},
										},
									},
								},
							},
						},
					},
				},
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.UseStateForUnknown(),
				},
			},
		},
		Blocks: map[string]schema.Block{
			"constraints": schema.SingleNestedBlock{
				MarkdownDescription: "Constraints associated with the job.",
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Attributes: map[string]schema.Attribute{
					"max_wall_clock_time": schema.StringAttribute{
						MarkdownDescription: "The maximum time the job can run, as an ISO 8601 duration, e.g. `PT12H`. If not specified, the service uses one week (`P7D`).",
						Optional:            true,
						Computed:            true,
						PlanModifiers: []planmodifier.String{
							stringplanmodifier.UseStateForUnknown(),
						},
					},
				},
			},
			"container_settings": schema.SingleNestedBlock{
				MarkdownDescription: "If provided, the job will run in the specified container. If the container was downloaded as part of cluster setup then the same container image will be used. If not provided, the job will run on the VM.",
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Blocks: map[string]schema.Block{
					"image_source_registry": schema.SingleNestedBlock{
						MarkdownDescription: "The registry to download the container from.",
						Validators: []validator.Object{
							mmgen.InBlockObject(objectvalidator.IsRequired()),
							objectvalidator.AlsoRequires(path.MatchRelative().AtName("image")),
						},
						Attributes: map[string]schema.Attribute{
							"server_url": schema.StringAttribute{
								MarkdownDescription: "The URL of the image repository. If not specified, Docker Hub is used.",
								Optional:            true,
							},
							"image": schema.StringAttribute{
								MarkdownDescription: "The name of the image in the image repository, e.g. `ubuntu`.",
								Optional:            true,
							},
						},
						Blocks: map[string]schema.Block{
							"credentials": schema.SingleNestedBlock{
								MarkdownDescription: "The credentials to access the private Docker repository.",
								Validators: []validator.Object{
									objectvalidator.AlsoRequires(path.MatchRelative().AtName("username")),
								},
								Attributes: map[string]schema.Attribute{
									"username": schema.StringAttribute{
										MarkdownDescription: "The user name to log in with.",
										Optional:            true,
									},
									"password": schema.StringAttribute{
										MarkdownDescription: "The password to log in with. Exactly one of `password` or `password_secret_reference` must be specified. The service never returns it.",
										Optional:            true,
										Sensitive:           true,
										Validators: []validator.String{
											mmgen.Redacted(mmgen.InBlockString(stringvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("password_secret_reference")))),
										},
									},
								},
								Blocks: map[string]schema.Block{
									"password_secret_reference": schema.SingleNestedBlock{
										MarkdownDescription: "The location of the password, which is a Key Vault secret. Users can store their secrets in Azure Key Vault and pass them to the Batch AI service to integrate with Key Vault. Exactly one of `password` or `password_secret_reference` must be specified.",
										Validators: []validator.Object{
											objectvalidator.AlsoRequires(path.MatchRelative().AtName("source_vault_id"), path.MatchRelative().AtName("secret_url")),
										},
										Attributes: map[string]schema.Attribute{
											"source_vault_id": schema.StringAttribute{
												MarkdownDescription: "The fully qualified resource ID of the Key Vault.",
												Optional:            true,
											},
											"secret_url": schema.StringAttribute{
												MarkdownDescription: "The URL referencing a secret in the Key Vault.",
												Optional:            true,
											},
										},
									},
								},
							},
						},
					},
				},
			},
			"cntk_settings": schema.SingleNestedBlock{
				MarkdownDescription: "The settings for a CNTK (aka Microsoft Cognitive Toolkit) job.",
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Attributes: map[string]schema.Attribute{
					"language_type": schema.StringAttribute{
						MarkdownDescription: "The language type to use for launching the CNTK (aka Microsoft Cognitive Toolkit) job. Valid values are `BrainScript` or `Python`.",
						Optional:            true,
					},
					"config_file_path": schema.StringAttribute{
						MarkdownDescription: "The path of the config file. This property can be specified only if `language_type` is `BrainScript`.",
						Optional:            true,
					},
					"python_script_file_path": schema.StringAttribute{
						MarkdownDescription: "The path and file name of the python script to execute the job. This property can be specified only if `language_type` is `Python`.",
						Optional:            true,
					},
					"python_interpreter_path": schema.StringAttribute{
						MarkdownDescription: "The path to the python interpreter. This property can be specified only if `language_type` is `Python`.",
						Optional:            true,
					},
					"command_line_args": schema.StringAttribute{
						MarkdownDescription: "Command line arguments that need to be passed to the python script or CNTK.exe.",
						Optional:            true,
					},
					"process_count": schema.Int64Attribute{
						MarkdownDescription: "The number of processes parameter that is passed to the MPI runtime. The service defaults it to the job's `node_count`.",
						Optional:            true,
						Computed:            true,
						PlanModifiers: []planmodifier.Int64{
							int64planmodifier.UseStateForUnknown(),
						},
					},
				},
			},
			"py_torch_settings": schema.SingleNestedBlock{
				MarkdownDescription: "The settings for a PyTorch job.",
				Validators: []validator.Object{
					objectvalidator.AlsoRequires(path.MatchRelative().AtName("python_script_file_path")),
				},
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Attributes: map[string]schema.Attribute{
					"python_script_file_path": schema.StringAttribute{
						MarkdownDescription: "The path and file name of the python script to execute the job.",
						Optional:            true,
					},
					"python_interpreter_path": schema.StringAttribute{
						MarkdownDescription: "The path to the python interpreter.",
						Optional:            true,
					},
					"command_line_args": schema.StringAttribute{
						MarkdownDescription: "The command line arguments for the master task.",
						Optional:            true,
					},
					"process_count": schema.Int64Attribute{
						MarkdownDescription: "The number of processes to launch for the job execution. The service defaults it to the job's `node_count`.",
						Optional:            true,
						Computed:            true,
						PlanModifiers: []planmodifier.Int64{
							int64planmodifier.UseStateForUnknown(),
						},
					},
					"communication_backend": schema.StringAttribute{
						MarkdownDescription: "The type of the communication backend for distributed jobs. Valid values are `TCP`, `Gloo` or `MPI`. Not required for non-distributed jobs.",
						Optional:            true,
					},
				},
			},
			"tensor_flow_settings": schema.SingleNestedBlock{
				MarkdownDescription: "The settings for a TensorFlow job.",
				Validators: []validator.Object{
					objectvalidator.AlsoRequires(path.MatchRelative().AtName("python_script_file_path")),
				},
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Attributes: map[string]schema.Attribute{
					"python_script_file_path": schema.StringAttribute{
						MarkdownDescription: "The path and file name of the python script to execute the job.",
						Optional:            true,
					},
					"python_interpreter_path": schema.StringAttribute{
						MarkdownDescription: "The path to the python interpreter.",
						Optional:            true,
					},
					"master_command_line_args": schema.StringAttribute{
						MarkdownDescription: "The command line arguments for the master task.",
						Optional:            true,
					},
					"worker_command_line_args": schema.StringAttribute{
						MarkdownDescription: "The command line arguments for the worker task. This property is optional for single machine training.",
						Optional:            true,
					},
					"parameter_server_command_line_args": schema.StringAttribute{
						MarkdownDescription: "The command line arguments for the parameter server task. This property is optional for single machine training.",
						Optional:            true,
					},
					"worker_count": schema.Int64Attribute{
						MarkdownDescription: "The number of worker tasks. If specified, the value must be less than or equal to (`node_count` * number of GPUs per VM). If not specified, the service defaults it to `node_count`. This property can be specified only for distributed TensorFlow training.",
						Optional:            true,
						Computed:            true,
						PlanModifiers: []planmodifier.Int64{
							int64planmodifier.UseStateForUnknown(),
						},
					},
					"parameter_server_count": schema.Int64Attribute{
						MarkdownDescription: "The number of parameter server tasks. If specified, the value must be less than or equal to `node_count`. If not specified, the service defaults it to 1 for distributed TensorFlow training (it is not applicable to single machine training). This property can be specified only for distributed TensorFlow training.",
						Optional:            true,
						Computed:            true,
						PlanModifiers: []planmodifier.Int64{
							int64planmodifier.UseStateForUnknown(),
						},
					},
				},
			},
			"caffe_settings": schema.SingleNestedBlock{
				MarkdownDescription: "The settings for a Caffe job.",
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Attributes: map[string]schema.Attribute{
					"config_file_path": schema.StringAttribute{
						MarkdownDescription: "The path of the config file. This property cannot be specified if `python_script_file_path` is specified.",
						Optional:            true,
						Validators: []validator.String{
							mmgen.InBlockString(stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName("python_script_file_path"))),
						},
					},
					"python_script_file_path": schema.StringAttribute{
						MarkdownDescription: "The path and file name of the python script to execute the job. This property cannot be specified if `config_file_path` is specified.",
						Optional:            true,
						Validators: []validator.String{
							mmgen.InBlockString(stringvalidator.ConflictsWith(path.MatchRelative().AtParent().AtName("config_file_path"))),
						},
					},
					"python_interpreter_path": schema.StringAttribute{
						MarkdownDescription: "The path to the python interpreter. This property can be specified only if `python_script_file_path` is specified.",
						Optional:            true,
						Validators: []validator.String{
							mmgen.InBlockString(stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName("python_script_file_path"))),
						},
					},
					"command_line_args": schema.StringAttribute{
						MarkdownDescription: "Command line arguments that need to be passed to the Caffe job.",
						Optional:            true,
					},
					"process_count": schema.Int64Attribute{
						MarkdownDescription: "The number of processes parameter that is passed to the MPI runtime. The service defaults it to the job's `node_count`.",
						Optional:            true,
						Computed:            true,
						PlanModifiers: []planmodifier.Int64{
							int64planmodifier.UseStateForUnknown(),
						},
					},
				},
			},
			"caffe2_settings": schema.SingleNestedBlock{
				MarkdownDescription: "The settings for a Caffe2 job.",
				Validators: []validator.Object{
					objectvalidator.AlsoRequires(path.MatchRelative().AtName("python_script_file_path")),
				},
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Attributes: map[string]schema.Attribute{
					"python_script_file_path": schema.StringAttribute{
						MarkdownDescription: "The path and file name of the python script to execute the job.",
						Optional:            true,
					},
					"python_interpreter_path": schema.StringAttribute{
						MarkdownDescription: "The path to the python interpreter.",
						Optional:            true,
					},
					"command_line_args": schema.StringAttribute{
						MarkdownDescription: "Command line arguments that need to be passed to the python script.",
						Optional:            true,
					},
				},
			},
			"chainer_settings": schema.SingleNestedBlock{
				MarkdownDescription: "The settings for a Chainer job.",
				Validators: []validator.Object{
					objectvalidator.AlsoRequires(path.MatchRelative().AtName("python_script_file_path")),
				},
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Attributes: map[string]schema.Attribute{
					"python_script_file_path": schema.StringAttribute{
						MarkdownDescription: "The path and file name of the python script to execute the job.",
						Optional:            true,
					},
					"python_interpreter_path": schema.StringAttribute{
						MarkdownDescription: "The path to the python interpreter.",
						Optional:            true,
					},
					"command_line_args": schema.StringAttribute{
						MarkdownDescription: "Command line arguments that need to be passed to the python script.",
						Optional:            true,
					},
					"process_count": schema.Int64Attribute{
						MarkdownDescription: "The number of processes parameter that is passed to the MPI runtime. The service defaults it to the job's `node_count`.",
						Optional:            true,
						Computed:            true,
						PlanModifiers: []planmodifier.Int64{
							int64planmodifier.UseStateForUnknown(),
						},
					},
				},
			},
			"custom_toolkit_settings": schema.SingleNestedBlock{
				MarkdownDescription: "The settings for a custom toolkit job.",
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Attributes: map[string]schema.Attribute{
					"command_line": schema.StringAttribute{
						MarkdownDescription: "The command line to execute the custom toolkit job.",
						Optional:            true,
					},
				},
			},
			"job_preparation": schema.SingleNestedBlock{
				MarkdownDescription: "The command line to be executed before the toolkit is launched. The specified actions will run on all the nodes that are part of the job.",
				Validators: []validator.Object{
					objectvalidator.AlsoRequires(path.MatchRelative().AtName("command_line")),
				},
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Attributes: map[string]schema.Attribute{
					"command_line": schema.StringAttribute{
						MarkdownDescription: "The command line to execute. If `container_settings` is specified on the job, this command line will be executed in the same container as the job. Otherwise it will be executed on the node.",
						Optional:            true,
					},
				},
			},
			"input_directories": schema.ListNestedBlock{
				MarkdownDescription: "The list of input directories for the job.",
				PlanModifiers: []planmodifier.List{
					listplanmodifier.RequiresReplace(),
				},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"id": schema.StringAttribute{
							MarkdownDescription: "The ID of the input directory. The path of the input directory will be available as the value of an environment variable named `AZ_BATCHAI_INPUT_<id>`, where `<id>` is the value of this attribute.",
							Required:            true,
						},
						"path": schema.StringAttribute{
							MarkdownDescription: "The path to the input directory.",
							Required:            true,
						},
					},
				},
			},
			"output_directories": schema.ListNestedBlock{
				MarkdownDescription: "The list of output directories where the models will be created.",
				PlanModifiers: []planmodifier.List{
					listplanmodifier.RequiresReplace(),
				},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"id": schema.StringAttribute{
							MarkdownDescription: "The name of the output directory. The path of the output directory will be available as the value of an environment variable named `AZ_BATCHAI_OUTPUT_<id>`, where `<id>` is the value of this attribute.",
							Required:            true,
						},
						"path_prefix": schema.StringAttribute{
							MarkdownDescription: "The prefix path where the output directory will be created. This is an absolute path, e.g. `$AZ_BATCHAI_MOUNT_ROOT/MyNFS/MyLogs`. The full path to the output directory is the combination of `path_prefix`, `job_output_directory_path_segment` and `path_suffix`.",
							Required:            true,
						},
						"path_suffix": schema.StringAttribute{
							MarkdownDescription: "The suffix path where the output directory will be created, e.g. `models`. The full path to the output directory is the combination of `path_prefix`, `job_output_directory_path_segment` and `path_suffix`.",
							Optional:            true,
						},
						"type": schema.StringAttribute{
							MarkdownDescription: "The type of the job output directory.",
							Optional:            true,
							Computed:            true,
							Default:             stringdefault.StaticString("custom"),
							Validators: []validator.String{
								stringvalidator.OneOf("model", "logs", "summary", "custom"),
							},
						},
						"create_new": schema.BoolAttribute{
							MarkdownDescription: "Whether to create a new directory. If `false`, the directory is not created and can be any directory path that the user specifies.",
							Optional:            true,
							Computed:            true,
							Default:             booldefault.StaticBool(true),
						},
					},
				},
			},
			"environment_variables": schema.ListNestedBlock{
				MarkdownDescription: "Additional environment variables to set on the job. Batch AI will set up these additional environment variables for the job.",
				PlanModifiers: []planmodifier.List{
					listplanmodifier.RequiresReplace(),
				},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							MarkdownDescription: "The name of the environment variable.",
							Required:            true,
						},
						"value": schema.StringAttribute{
							MarkdownDescription: "The value of the environment variable.",
							Required:            true,
						},
					},
				},
			},
			"secrets": schema.ListNestedBlock{
				MarkdownDescription: "Additional environment variables with secret values to set on the job. Batch AI will set up these additional environment variables for the job; the service never reports their values back.",
				PlanModifiers: []planmodifier.List{
					listplanmodifier.RequiresReplace(),
				},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"name": schema.StringAttribute{
							MarkdownDescription: "The name of the environment variable to store the secret value.",
							Required:            true,
						},
						"value": schema.StringAttribute{
							MarkdownDescription: "The value of the environment variable. This value will never be reported back by Batch AI. Exactly one of `value` or `value_secret_reference` must be specified.",
							Optional:            true,
							Sensitive:           true,
							Validators: []validator.String{
								mmgen.Redacted(stringvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("value_secret_reference"))),
							},
						},
					},
					Blocks: map[string]schema.Block{
						"value_secret_reference": schema.SingleNestedBlock{
							MarkdownDescription: "The location of the Azure Key Vault secret which will be used as the environment variable value. Exactly one of `value` or `value_secret_reference` must be specified.",
							Validators: []validator.Object{
								objectvalidator.AlsoRequires(path.MatchRelative().AtName("source_vault_id"), path.MatchRelative().AtName("secret_url")),
							},
							Attributes: map[string]schema.Attribute{
								"source_vault_id": schema.StringAttribute{
									MarkdownDescription: "The fully qualified resource ID of the Key Vault.",
									Optional:            true,
								},
								"secret_url": schema.StringAttribute{
									MarkdownDescription: "The URL referencing a secret in the Key Vault.",
									Optional:            true,
								},
							},
						},
					},
				},
			},
			"mount_volumes": schema.SingleNestedBlock{
				MarkdownDescription: "Information on shared volumes to be used by the job. These volumes will be mounted before the job execution and will be unmounted after the job completion. The volumes will be mounted at the location specified by the `$AZ_BATCHAI_JOB_MOUNT_ROOT` environment variable.",
				PlanModifiers: []planmodifier.Object{
					objectplanmodifier.RequiresReplace(),
				},
				Blocks: map[string]schema.Block{
					"azure_file_shares": schema.ListNestedBlock{
						MarkdownDescription: "References to Azure File Shares that are to be mounted to the cluster nodes.",
						NestedObject: schema.NestedBlockObject{
							Attributes: map[string]schema.Attribute{
								"account_name": schema.StringAttribute{
									MarkdownDescription: "The name of the storage account.",
									Required:            true,
								},
								"azure_file_url": schema.StringAttribute{
									MarkdownDescription: "The URL to access the Azure File share, e.g. `https://example.file.core.windows.net/share`.",
									Required:            true,
								},
								"relative_mount_path": schema.StringAttribute{
									MarkdownDescription: "The relative path on the compute node where the Azure File share will be mounted. All cluster level file shares are mounted under `$AZ_BATCHAI_MOUNT_ROOT` and all job level file shares under `$AZ_BATCHAI_JOB_MOUNT_ROOT`.",
									Required:            true,
								},
								"file_mode": schema.StringAttribute{
									MarkdownDescription: "The file mode of the mounted files, in octal. Valid only if the OS is Linux.",
									Optional:            true,
									Computed:            true,
									Default:             stringdefault.StaticString("0777"),
								},
								"directory_mode": schema.StringAttribute{
									MarkdownDescription: "The directory mode of the mounted directories, in octal. Valid only if the OS is Linux.",
									Optional:            true,
									Computed:            true,
									Default:             stringdefault.StaticString("0777"),
								},
							},
							Blocks: map[string]schema.Block{
								"credentials": schema.SingleNestedBlock{
									MarkdownDescription: "The credentials of the Azure File share's storage account.",
									Validators: []validator.Object{
										objectvalidator.IsRequired(),
									},
									Attributes: map[string]schema.Attribute{
										"account_key": schema.StringAttribute{
											MarkdownDescription: "The storage account key. Exactly one of `account_key` or `account_key_secret_reference` must be specified. The service never returns it.",
											Optional:            true,
											Sensitive:           true,
											Validators: []validator.String{
												mmgen.Redacted(mmgen.InBlockString(stringvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("account_key_secret_reference")))),
											},
										},
									},
									Blocks: map[string]schema.Block{
										"account_key_secret_reference": schema.SingleNestedBlock{
											MarkdownDescription: "The location of the storage account key, which is a Key Vault secret. Exactly one of `account_key` or `account_key_secret_reference` must be specified.",
											Validators: []validator.Object{
												objectvalidator.AlsoRequires(path.MatchRelative().AtName("source_vault_id"), path.MatchRelative().AtName("secret_url")),
											},
											Attributes: map[string]schema.Attribute{
												"source_vault_id": schema.StringAttribute{
													MarkdownDescription: "The fully qualified resource ID of the Key Vault.",
													Optional:            true,
												},
												"secret_url": schema.StringAttribute{
													MarkdownDescription: "The URL referencing a secret in the Key Vault.",
													Optional:            true,
												},
											},
										},
									},
								},
							},
						},
					},
					"azure_blob_file_systems": schema.ListNestedBlock{
						MarkdownDescription: "References to Azure Blob Storage containers (mounted with blobfuse) that are to be mounted to the cluster nodes.",
						NestedObject: schema.NestedBlockObject{
							Attributes: map[string]schema.Attribute{
								"account_name": schema.StringAttribute{
									MarkdownDescription: "The name of the Azure Blob Storage account.",
									Required:            true,
								},
								"container_name": schema.StringAttribute{
									MarkdownDescription: "The name of the Azure Blob Storage container to mount on the cluster.",
									Required:            true,
								},
								"relative_mount_path": schema.StringAttribute{
									MarkdownDescription: "The relative path on the compute node where the Azure Blob file system will be mounted. All cluster level blob file systems are mounted under `$AZ_BATCHAI_MOUNT_ROOT` and all job level blob file systems under `$AZ_BATCHAI_JOB_MOUNT_ROOT`.",
									Required:            true,
								},
								"mount_options": schema.StringAttribute{
									MarkdownDescription: "The mount options that can be used to configure the Blob file system.",
									Optional:            true,
								},
							},
							Blocks: map[string]schema.Block{
								"credentials": schema.SingleNestedBlock{
									MarkdownDescription: "The credentials of the Azure Blob Storage account.",
									Validators: []validator.Object{
										objectvalidator.IsRequired(),
									},
									Attributes: map[string]schema.Attribute{
										"account_key": schema.StringAttribute{
											MarkdownDescription: "The storage account key. Exactly one of `account_key` or `account_key_secret_reference` must be specified. The service never returns it.",
											Optional:            true,
											Sensitive:           true,
											Validators: []validator.String{
												mmgen.Redacted(mmgen.InBlockString(stringvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("account_key_secret_reference")))),
											},
										},
									},
									Blocks: map[string]schema.Block{
										"account_key_secret_reference": schema.SingleNestedBlock{
											MarkdownDescription: "The location of the storage account key, which is a Key Vault secret. Exactly one of `account_key` or `account_key_secret_reference` must be specified.",
											Validators: []validator.Object{
												objectvalidator.AlsoRequires(path.MatchRelative().AtName("source_vault_id"), path.MatchRelative().AtName("secret_url")),
											},
											Attributes: map[string]schema.Attribute{
												"source_vault_id": schema.StringAttribute{
													MarkdownDescription: "The fully qualified resource ID of the Key Vault.",
													Optional:            true,
												},
												"secret_url": schema.StringAttribute{
													MarkdownDescription: "The URL referencing a secret in the Key Vault.",
													Optional:            true,
												},
											},
										},
									},
								},
							},
						},
					},
					"file_servers": schema.ListNestedBlock{
						MarkdownDescription: "References to Batch AI file servers that are to be mounted to the cluster nodes.",
						NestedObject: schema.NestedBlockObject{
							Attributes: map[string]schema.Attribute{
								"file_server_id": schema.StringAttribute{
									MarkdownDescription: "The ID of the Batch AI file server to mount.",
									Required:            true,
								},
								"source_directory": schema.StringAttribute{
									MarkdownDescription: "The source directory in the file server that needs to be mounted. If this property is not specified, the entire file server will be mounted.",
									Optional:            true,
								},
								"relative_mount_path": schema.StringAttribute{
									MarkdownDescription: "The relative path on the compute node where the file server will be mounted. All cluster level file servers are mounted under `$AZ_BATCHAI_MOUNT_ROOT` and job level file servers under `$AZ_BATCHAI_JOB_MOUNT_ROOT`.",
									Required:            true,
								},
								"mount_options": schema.StringAttribute{
									MarkdownDescription: "The mount options for the file server.",
									Optional:            true,
								},
							},
						},
					},
					"unmanaged_file_systems": schema.ListNestedBlock{
						MarkdownDescription: "Details of unmanaged file systems to mount on the compute cluster nodes.",
						NestedObject: schema.NestedBlockObject{
							Attributes: map[string]schema.Attribute{
								"mount_command": schema.StringAttribute{
									MarkdownDescription: "The command used to mount the unmanaged file system.",
									Required:            true,
								},
								"relative_mount_path": schema.StringAttribute{
									MarkdownDescription: "The relative path on the compute cluster node where the file system will be mounted. All cluster level unmanaged file systems are mounted under `$AZ_BATCHAI_MOUNT_ROOT` and job level unmanaged file systems under `$AZ_BATCHAI_JOB_MOUNT_ROOT`.",
									Required:            true,
								},
							},
						},
					},
				},
			},
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Delete: true}),
		},
	}
}

func (r *BatchAiJobResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
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
func (r *BatchAiJobResource) idValues(m *batchAiJobModel) map[string]string {
	return map[string]string{
		"subscription_id": r.settings["subscription_id"],
		"resource_group":  m.ResourceGroup.ValueString(),
		"name":            m.Name.ValueString(),
	}
}

// url is the request URL for template (relative to the product's base URL).
func (r *BatchAiJobResource) url(template string, m *batchAiJobModel, query url.Values) (string, error) {
	p, err := mmgen.FillTemplate(template, r.idValues(m), true)
	if err != nil {
		return "", err
	}
	if query == nil {
		query = url.Values{}
	}
	query.Set("api-version", "2018-03-01")
	return r.client.URL("https://management.azure.com/", p, query), nil
}

func (r *BatchAiJobResource) resourceID(m *batchAiJobModel) (string, error) {
	return mmgen.FillTemplate("/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.BatchAI/jobs/{name}", r.idValues(m), false)
}

// get reads the resource into a new model; found is false on 404.
func (r *BatchAiJobResource) get(ctx context.Context, prior *batchAiJobModel, diags *diag.Diagnostics) (result *batchAiJobModel, found bool, err error) {
	u, err := r.url("/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.BatchAI/jobs/{name}", prior, nil)
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
	m := &batchAiJobModel{}
	m.flatten(ctx, api, prior, api, diags)
	m.Timeouts = prior.Timeouts
	return m, true, nil
}

// wait follows the operation an accepted request started, until it ends; it
// returns what a Google operation answers as its response (nil otherwise).
func (r *BatchAiJobResource) wait(ctx context.Context, resp *mmgen.Response, resourceURL string, deleting bool, m *batchAiJobModel) (map[string]any, error) {
	if err := r.client.WaitARM(ctx, resp, deleting); err != nil {
		return nil, err
	}
	if deleting {
		return nil, nil
	}
	return nil, r.client.WaitProvisioning(ctx, resourceURL)
}

func (r *BatchAiJobResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan batchAiJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, 30*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	body := plan.expand(ctx, &plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	createURL, err := r.url("/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.BatchAI/jobs/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("azurerm_batch_ai_job: create failed", err.Error())
		return
	}
	selfURL, err := r.url("/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.BatchAI/jobs/{name}", &plan, nil)
	if err != nil {
		resp.Diagnostics.AddError("azurerm_batch_ai_job: create failed", err.Error())
		return
	}
	apiResp, err := r.client.Do(ctx, "PUT", createURL, body)
	if err == nil {
		err = mmgen.CheckResponse(apiResp)
	}
	if err != nil {
		resp.Diagnostics.AddError("azurerm_batch_ai_job: create failed", err.Error())
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

func (r *BatchAiJobResource) keepTainted(ctx context.Context, plan *batchAiJobModel, resp *resource.CreateResponse, cause error) {
	resp.Diagnostics.AddError("azurerm_batch_ai_job: create failed", cause.Error())
	resp.Diagnostics.Append(resp.State.Set(ctx, mmgen.WithoutUnknowns(ctx, plan))...)
}

func (r *BatchAiJobResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior batchAiJobModel
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
		resp.Diagnostics.AddError("azurerm_batch_ai_job: read failed", err.Error())
		return
	}
	if !found {
		resp.State.RemoveResource(ctx) // deleted outside Terraform: plan recreates it
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *BatchAiJobResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior batchAiJobModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Every argument forces a new resource, so only the timeouts can change in place.
	prior.Timeouts = plan.Timeouts
	resp.Diagnostics.Append(resp.State.Set(ctx, &prior)...)
}

func (r *BatchAiJobResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state batchAiJobModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, 30*time.Minute)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	deleteURL, err := r.url("/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.BatchAI/jobs/{name}", &state, nil)
	if err != nil {
		resp.Diagnostics.AddError("azurerm_batch_ai_job: delete failed", err.Error())
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
		resp.Diagnostics.AddError("azurerm_batch_ai_job: delete failed", err.Error())
	}
}

// ImportState accepts every import format in order; the values it finds set the
// arguments the id is built from, and Read fills in the rest.
func (r *BatchAiJobResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	values, err := mmgen.ParseID([]string{"/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.BatchAI/jobs/{name}"}, req.ID)
	if err != nil {
		resp.Diagnostics.AddError("azurerm_batch_ai_job: import failed", err.Error())
		return
	}
	if v, ok := values["resource_group"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("resource_group"), v)...)
	}
	if v, ok := values["name"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), v)...)
	}
	if v, ok := values["subscription_id"]; ok && r.settings["subscription_id"] != "" && !strings.EqualFold(v, r.settings["subscription_id"]) {
		resp.Diagnostics.AddError("azurerm_batch_ai_job: import failed", fmt.Sprintf("the import id has %s %q but the provider is configured with %q", "subscription_id", v, r.settings["subscription_id"]))
		return
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, mmgen.ImportedKey, []byte("true"))...)
}

func (m *batchAiJobModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Location) {
		mmgen.Put(body, m.Location.ValueString(), "location")
	}
	if mmgen.Known(m.Tags) {
		mmgen.Put(body, mmgen.ExpandMap(m.Tags), "tags")
	}
	if mmgen.Known(m.ClusterID) {
		mmgen.Put(body, m.ClusterID.ValueString(), "properties", "cluster", "id")
	}
	if mmgen.Known(m.NodeCount) {
		mmgen.Put(body, m.NodeCount.ValueInt64(), "properties", "nodeCount")
	}
	if mmgen.Known(m.StdOutErrPathPrefix) {
		mmgen.Put(body, m.StdOutErrPathPrefix.ValueString(), "properties", "stdOutErrPathPrefix")
	}
	if mmgen.Known(m.ExperimentName) {
		mmgen.Put(body, m.ExperimentName.ValueString(), "properties", "experimentName")
	}
	if mmgen.Known(m.Priority) {
		mmgen.Put(body, m.Priority.ValueInt64(), "properties", "priority")
	}
	if m.Constraints != nil {
		mmgen.Put(body, m.Constraints.expand(ctx, root, diags), "properties", "constraints")
	}
	if m.ContainerSettings != nil {
		mmgen.Put(body, m.ContainerSettings.expand(ctx, root, diags), "properties", "containerSettings")
	}
	if m.CntkSettings != nil {
		mmgen.Put(body, m.CntkSettings.expand(ctx, root, diags), "properties", "cntkSettings")
	}
	if m.PyTorchSettings != nil {
		mmgen.Put(body, m.PyTorchSettings.expand(ctx, root, diags), "properties", "pyTorchSettings")
	}
	if m.TensorFlowSettings != nil {
		mmgen.Put(body, m.TensorFlowSettings.expand(ctx, root, diags), "properties", "tensorFlowSettings")
	}
	if m.CaffeSettings != nil {
		mmgen.Put(body, m.CaffeSettings.expand(ctx, root, diags), "properties", "caffeSettings")
	}
	if m.Caffe2Settings != nil {
		mmgen.Put(body, m.Caffe2Settings.expand(ctx, root, diags), "properties", "caffe2Settings")
	}
	if m.ChainerSettings != nil {
		mmgen.Put(body, m.ChainerSettings.expand(ctx, root, diags), "properties", "chainerSettings")
	}
	if m.CustomToolkitSettings != nil {
		mmgen.Put(body, m.CustomToolkitSettings.expand(ctx, root, diags), "properties", "customToolkitSettings")
	}
	if m.JobPreparation != nil {
		mmgen.Put(body, m.JobPreparation.expand(ctx, root, diags), "properties", "jobPreparation")
	}
	if len(m.InputDirectories) > 0 {
		items := make([]any, 0, len(m.InputDirectories))
		for i := range m.InputDirectories {
			items = append(items, m.InputDirectories[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "properties", "inputDirectories")
	}
	if len(m.OutputDirectories) > 0 {
		items := make([]any, 0, len(m.OutputDirectories))
		for i := range m.OutputDirectories {
			items = append(items, m.OutputDirectories[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "properties", "outputDirectories")
	}
	if len(m.EnvironmentVariables) > 0 {
		items := make([]any, 0, len(m.EnvironmentVariables))
		for i := range m.EnvironmentVariables {
			items = append(items, m.EnvironmentVariables[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "properties", "environmentVariables")
	}
	if len(m.Secrets) > 0 {
		items := make([]any, 0, len(m.Secrets))
		for i := range m.Secrets {
			items = append(items, m.Secrets[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "properties", "secrets")
	}
	if m.MountVolumes != nil {
		mmgen.Put(body, m.MountVolumes.expand(ctx, root, diags), "properties", "mountVolumes")
	}
	return body
}

func (m *batchAiJobModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobModel, root map[string]any, diags *diag.Diagnostics) {
	m.Name = mmgen.PriorString(prior.Name)
	m.ResourceGroup = mmgen.PriorString(prior.ResourceGroup)
	m.Location = mmgen.StringValue(mmgen.Get(api, "location"))
	{
		raw, ok := mmgen.Get(api, "tags")
		v, d := mmgen.MapValue(raw, ok, types.StringType)
		diags.Append(d...)
		m.Tags = mmgen.KeepEmptyMap(v, mmgen.PriorMap(prior.Tags, types.StringType))
	}
	m.ID = mmgen.StringValue(mmgen.Get(api, "id"))
	m.Type = mmgen.StringValue(mmgen.Get(api, "type"))
	m.ClusterID = mmgen.StringValue(mmgen.Get(api, "properties", "cluster", "id"))
	m.NodeCount = mmgen.Int64Value(mmgen.Get(api, "properties", "nodeCount"))
	m.StdOutErrPathPrefix = mmgen.StringValue(mmgen.Get(api, "properties", "stdOutErrPathPrefix"))
	m.ExperimentName = mmgen.StringValue(mmgen.Get(api, "properties", "experimentName"))
	m.Priority = mmgen.Int64Value(mmgen.Get(api, "properties", "priority"))
	{
		raw, ok := mmgen.Get(api, "properties", "constraints")
		obj, isObj := mmgen.Object(raw)
		m.Constraints = nil
		if ok && isObj && (len(obj) > 0 || prior.Constraints != nil) && (prior.Constraints != nil || mmgen.IsImporting(ctx)) {
			p := prior.Constraints
			if p == nil {
				p = &batchAiJobConstraintsModel{}
			}
			v := &batchAiJobConstraintsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.Constraints = v
		}
	}
	{
		raw, ok := mmgen.Get(api, "properties", "containerSettings")
		obj, isObj := mmgen.Object(raw)
		m.ContainerSettings = nil
		if ok && isObj && (len(obj) > 0 || prior.ContainerSettings != nil) {
			p := prior.ContainerSettings
			if p == nil {
				p = &batchAiJobContainerSettingsModel{}
			}
			v := &batchAiJobContainerSettingsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.ContainerSettings = v
		}
	}
	{
		raw, ok := mmgen.Get(api, "properties", "cntkSettings")
		obj, isObj := mmgen.Object(raw)
		m.CntkSettings = nil
		if ok && isObj && (len(obj) > 0 || prior.CntkSettings != nil) {
			p := prior.CntkSettings
			if p == nil {
				p = &batchAiJobCntkSettingsModel{}
			}
			v := &batchAiJobCntkSettingsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.CntkSettings = v
		}
	}
	{
		raw, ok := mmgen.Get(api, "properties", "pyTorchSettings")
		obj, isObj := mmgen.Object(raw)
		m.PyTorchSettings = nil
		if ok && isObj && (len(obj) > 0 || prior.PyTorchSettings != nil) {
			p := prior.PyTorchSettings
			if p == nil {
				p = &batchAiJobPyTorchSettingsModel{}
			}
			v := &batchAiJobPyTorchSettingsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.PyTorchSettings = v
		}
	}
	{
		raw, ok := mmgen.Get(api, "properties", "tensorFlowSettings")
		obj, isObj := mmgen.Object(raw)
		m.TensorFlowSettings = nil
		if ok && isObj && (len(obj) > 0 || prior.TensorFlowSettings != nil) {
			p := prior.TensorFlowSettings
			if p == nil {
				p = &batchAiJobTensorFlowSettingsModel{}
			}
			v := &batchAiJobTensorFlowSettingsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.TensorFlowSettings = v
		}
	}
	{
		raw, ok := mmgen.Get(api, "properties", "caffeSettings")
		obj, isObj := mmgen.Object(raw)
		m.CaffeSettings = nil
		if ok && isObj && (len(obj) > 0 || prior.CaffeSettings != nil) {
			p := prior.CaffeSettings
			if p == nil {
				p = &batchAiJobCaffeSettingsModel{}
			}
			v := &batchAiJobCaffeSettingsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.CaffeSettings = v
		}
	}
	m.Caffe2Settings = prior.Caffe2Settings
	{
		raw, ok := mmgen.Get(api, "properties", "chainerSettings")
		obj, isObj := mmgen.Object(raw)
		m.ChainerSettings = nil
		if ok && isObj && (len(obj) > 0 || prior.ChainerSettings != nil) {
			p := prior.ChainerSettings
			if p == nil {
				p = &batchAiJobChainerSettingsModel{}
			}
			v := &batchAiJobChainerSettingsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.ChainerSettings = v
		}
	}
	{
		raw, ok := mmgen.Get(api, "properties", "customToolkitSettings")
		obj, isObj := mmgen.Object(raw)
		m.CustomToolkitSettings = nil
		if ok && isObj && (len(obj) > 0 || prior.CustomToolkitSettings != nil) {
			p := prior.CustomToolkitSettings
			if p == nil {
				p = &batchAiJobCustomToolkitSettingsModel{}
			}
			v := &batchAiJobCustomToolkitSettingsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.CustomToolkitSettings = v
		}
	}
	{
		raw, ok := mmgen.Get(api, "properties", "jobPreparation")
		obj, isObj := mmgen.Object(raw)
		m.JobPreparation = nil
		if ok && isObj && (len(obj) > 0 || prior.JobPreparation != nil) {
			p := prior.JobPreparation
			if p == nil {
				p = &batchAiJobJobPreparationModel{}
			}
			v := &batchAiJobJobPreparationModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.JobPreparation = v
		}
	}
	{
		raw, _ := mmgen.Get(api, "properties", "inputDirectories")
		items, _ := raw.([]any)
		m.InputDirectories = make([]batchAiJobInputDirectoriesModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p batchAiJobInputDirectoriesModel
			if i < len(prior.InputDirectories) {
				p = prior.InputDirectories[i]
			}
			var v batchAiJobInputDirectoriesModel
			v.flatten(ctx, obj, &p, root, diags)
			m.InputDirectories = append(m.InputDirectories, v)
		}
	}
	{
		raw, _ := mmgen.Get(api, "properties", "outputDirectories")
		items, _ := raw.([]any)
		m.OutputDirectories = make([]batchAiJobOutputDirectoriesModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p batchAiJobOutputDirectoriesModel
			if i < len(prior.OutputDirectories) {
				p = prior.OutputDirectories[i]
			}
			var v batchAiJobOutputDirectoriesModel
			v.flatten(ctx, obj, &p, root, diags)
			m.OutputDirectories = append(m.OutputDirectories, v)
		}
	}
	{
		raw, _ := mmgen.Get(api, "properties", "environmentVariables")
		items, _ := raw.([]any)
		m.EnvironmentVariables = make([]batchAiJobEnvironmentVariablesModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p batchAiJobEnvironmentVariablesModel
			if i < len(prior.EnvironmentVariables) {
				p = prior.EnvironmentVariables[i]
			}
			var v batchAiJobEnvironmentVariablesModel
			v.flatten(ctx, obj, &p, root, diags)
			m.EnvironmentVariables = append(m.EnvironmentVariables, v)
		}
	}
	{
		raw, _ := mmgen.Get(api, "properties", "secrets")
		items, _ := raw.([]any)
		m.Secrets = make([]batchAiJobSecretsModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p batchAiJobSecretsModel
			if i < len(prior.Secrets) {
				p = prior.Secrets[i]
			}
			var v batchAiJobSecretsModel
			v.flatten(ctx, obj, &p, root, diags)
			m.Secrets = append(m.Secrets, v)
		}
	}
	m.MountVolumes = prior.MountVolumes
	m.JobOutputDirectoryPathSegment = mmgen.StringValue(mmgen.Get(api, "properties", "jobOutputDirectoryPathSegment"))
	m.ToolType = mmgen.StringValue(mmgen.Get(api, "properties", "toolType"))
	m.CreationTime = mmgen.StringValue(mmgen.Get(api, "properties", "creationTime"))
	m.ProvisioningState = mmgen.StringValue(mmgen.Get(api, "properties", "provisioningState"))
	m.ProvisioningStateTransitionTime = mmgen.StringValue(mmgen.Get(api, "properties", "provisioningStateTransitionTime"))
	m.ExecutionState = mmgen.StringValue(mmgen.Get(api, "properties", "executionState"))
	m.ExecutionStateTransitionTime = mmgen.StringValue(mmgen.Get(api, "properties", "executionStateTransitionTime"))
	{
		raw, ok := mmgen.Get(api, "properties", "executionInfo")
		obj, isObj := mmgen.Object(raw)
		m.ExecutionInfo = types.ObjectNull(batchAiJobExecutionInfoAttrTypes)
		if ok && isObj && len(obj) > 0 {
			var v batchAiJobExecutionInfoModel
			v.flatten(ctx, obj, &batchAiJobExecutionInfoModel{}, root, diags)
			o, d := types.ObjectValueFrom(ctx, batchAiJobExecutionInfoAttrTypes, v)
			diags.Append(d...)
			m.ExecutionInfo = o
		}
	}
}

func (m *batchAiJobConstraintsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.MaxWallClockTime) {
		mmgen.Put(body, m.MaxWallClockTime.ValueString(), "maxWallClockTime")
	}
	return body
}

func (m *batchAiJobConstraintsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobConstraintsModel, root map[string]any, diags *diag.Diagnostics) {
	m.MaxWallClockTime = mmgen.StringValue(mmgen.Get(api, "maxWallClockTime"))
}

func (m *batchAiJobContainerSettingsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if m.ImageSourceRegistry != nil {
		mmgen.Put(body, m.ImageSourceRegistry.expand(ctx, root, diags), "imageSourceRegistry")
	}
	return body
}

func (m *batchAiJobContainerSettingsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobContainerSettingsModel, root map[string]any, diags *diag.Diagnostics) {
	{
		raw, ok := mmgen.Get(api, "imageSourceRegistry")
		obj, isObj := mmgen.Object(raw)
		m.ImageSourceRegistry = nil
		if ok && isObj && (len(obj) > 0 || prior.ImageSourceRegistry != nil) {
			p := prior.ImageSourceRegistry
			if p == nil {
				p = &batchAiJobContainerSettingsImageSourceRegistryModel{}
			}
			v := &batchAiJobContainerSettingsImageSourceRegistryModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.ImageSourceRegistry = v
		}
	}
}

func (m *batchAiJobContainerSettingsImageSourceRegistryModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.ServerURL) {
		mmgen.Put(body, m.ServerURL.ValueString(), "serverUrl")
	}
	if mmgen.Known(m.Image) {
		mmgen.Put(body, m.Image.ValueString(), "image")
	}
	if m.Credentials != nil {
		mmgen.Put(body, m.Credentials.expand(ctx, root, diags), "credentials")
	}
	return body
}

func (m *batchAiJobContainerSettingsImageSourceRegistryModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobContainerSettingsImageSourceRegistryModel, root map[string]any, diags *diag.Diagnostics) {
	m.ServerURL = mmgen.StringValue(mmgen.Get(api, "serverUrl"))
	m.Image = mmgen.StringValue(mmgen.Get(api, "image"))
	{
		raw, ok := mmgen.Get(api, "credentials")
		obj, isObj := mmgen.Object(raw)
		m.Credentials = nil
		if ok && isObj && (len(obj) > 0 || prior.Credentials != nil) {
			p := prior.Credentials
			if p == nil {
				p = &batchAiJobContainerSettingsImageSourceRegistryCredentialsModel{}
			}
			v := &batchAiJobContainerSettingsImageSourceRegistryCredentialsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.Credentials = v
		}
	}
}

func (m *batchAiJobContainerSettingsImageSourceRegistryCredentialsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Username) {
		mmgen.Put(body, m.Username.ValueString(), "username")
	}
	if mmgen.Known(m.Password) {
		mmgen.Put(body, m.Password.ValueString(), "password")
	}
	if m.PasswordSecretReference != nil {
		mmgen.Put(body, m.PasswordSecretReference.expand(ctx, root, diags), "passwordSecretReference")
	}
	return body
}

func (m *batchAiJobContainerSettingsImageSourceRegistryCredentialsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobContainerSettingsImageSourceRegistryCredentialsModel, root map[string]any, diags *diag.Diagnostics) {
	m.Username = mmgen.StringValue(mmgen.Get(api, "username"))
	m.Password = mmgen.PriorString(prior.Password)
	{
		raw, ok := mmgen.Get(api, "passwordSecretReference")
		obj, isObj := mmgen.Object(raw)
		m.PasswordSecretReference = nil
		if ok && isObj && (len(obj) > 0 || prior.PasswordSecretReference != nil) {
			p := prior.PasswordSecretReference
			if p == nil {
				p = &batchAiJobContainerSettingsImageSourceRegistryCredentialsPasswordSecretReferenceModel{}
			}
			v := &batchAiJobContainerSettingsImageSourceRegistryCredentialsPasswordSecretReferenceModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.PasswordSecretReference = v
		}
	}
}

func (m *batchAiJobContainerSettingsImageSourceRegistryCredentialsPasswordSecretReferenceModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.SourceVaultID) {
		mmgen.Put(body, m.SourceVaultID.ValueString(), "sourceVault", "id")
	}
	if mmgen.Known(m.SecretURL) {
		mmgen.Put(body, m.SecretURL.ValueString(), "secretUrl")
	}
	return body
}

func (m *batchAiJobContainerSettingsImageSourceRegistryCredentialsPasswordSecretReferenceModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobContainerSettingsImageSourceRegistryCredentialsPasswordSecretReferenceModel, root map[string]any, diags *diag.Diagnostics) {
	m.SourceVaultID = mmgen.StringValue(mmgen.Get(api, "sourceVault", "id"))
	m.SecretURL = mmgen.StringValue(mmgen.Get(api, "secretUrl"))
}

func (m *batchAiJobCntkSettingsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.LanguageType) {
		mmgen.Put(body, m.LanguageType.ValueString(), "languageType")
	}
	if mmgen.Known(m.ConfigFilePath) {
		mmgen.Put(body, m.ConfigFilePath.ValueString(), "configFilePath")
	}
	if mmgen.Known(m.PythonScriptFilePath) {
		mmgen.Put(body, m.PythonScriptFilePath.ValueString(), "pythonScriptFilePath")
	}
	if mmgen.Known(m.PythonInterpreterPath) {
		mmgen.Put(body, m.PythonInterpreterPath.ValueString(), "pythonInterpreterPath")
	}
	if mmgen.Known(m.CommandLineArgs) {
		mmgen.Put(body, m.CommandLineArgs.ValueString(), "commandLineArgs")
	}
	if mmgen.Known(m.ProcessCount) {
		mmgen.Put(body, m.ProcessCount.ValueInt64(), "processCount")
	}
	return body
}

func (m *batchAiJobCntkSettingsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobCntkSettingsModel, root map[string]any, diags *diag.Diagnostics) {
	m.LanguageType = mmgen.StringValue(mmgen.Get(api, "languageType"))
	m.ConfigFilePath = mmgen.StringValue(mmgen.Get(api, "configFilePath"))
	m.PythonScriptFilePath = mmgen.StringValue(mmgen.Get(api, "pythonScriptFilePath"))
	m.PythonInterpreterPath = mmgen.StringValue(mmgen.Get(api, "pythonInterpreterPath"))
	m.CommandLineArgs = mmgen.StringValue(mmgen.Get(api, "commandLineArgs"))
	m.ProcessCount = mmgen.Int64Value(mmgen.Get(api, "processCount"))
}

func (m *batchAiJobPyTorchSettingsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.PythonScriptFilePath) {
		mmgen.Put(body, m.PythonScriptFilePath.ValueString(), "pythonScriptFilePath")
	}
	if mmgen.Known(m.PythonInterpreterPath) {
		mmgen.Put(body, m.PythonInterpreterPath.ValueString(), "pythonInterpreterPath")
	}
	if mmgen.Known(m.CommandLineArgs) {
		mmgen.Put(body, m.CommandLineArgs.ValueString(), "commandLineArgs")
	}
	if mmgen.Known(m.ProcessCount) {
		mmgen.Put(body, m.ProcessCount.ValueInt64(), "processCount")
	}
	if mmgen.Known(m.CommunicationBackend) {
		mmgen.Put(body, m.CommunicationBackend.ValueString(), "communicationBackend")
	}
	return body
}

func (m *batchAiJobPyTorchSettingsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobPyTorchSettingsModel, root map[string]any, diags *diag.Diagnostics) {
	m.PythonScriptFilePath = mmgen.StringValue(mmgen.Get(api, "pythonScriptFilePath"))
	m.PythonInterpreterPath = mmgen.StringValue(mmgen.Get(api, "pythonInterpreterPath"))
	m.CommandLineArgs = mmgen.StringValue(mmgen.Get(api, "commandLineArgs"))
	m.ProcessCount = mmgen.Int64Value(mmgen.Get(api, "processCount"))
	m.CommunicationBackend = mmgen.StringValue(mmgen.Get(api, "communicationBackend"))
}

func (m *batchAiJobTensorFlowSettingsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.PythonScriptFilePath) {
		mmgen.Put(body, m.PythonScriptFilePath.ValueString(), "pythonScriptFilePath")
	}
	if mmgen.Known(m.PythonInterpreterPath) {
		mmgen.Put(body, m.PythonInterpreterPath.ValueString(), "pythonInterpreterPath")
	}
	if mmgen.Known(m.MasterCommandLineArgs) {
		mmgen.Put(body, m.MasterCommandLineArgs.ValueString(), "masterCommandLineArgs")
	}
	if mmgen.Known(m.WorkerCommandLineArgs) {
		mmgen.Put(body, m.WorkerCommandLineArgs.ValueString(), "workerCommandLineArgs")
	}
	if mmgen.Known(m.ParameterServerCommandLineArgs) {
		mmgen.Put(body, m.ParameterServerCommandLineArgs.ValueString(), "parameterServerCommandLineArgs")
	}
	if mmgen.Known(m.WorkerCount) {
		mmgen.Put(body, m.WorkerCount.ValueInt64(), "workerCount")
	}
	if mmgen.Known(m.ParameterServerCount) {
		mmgen.Put(body, m.ParameterServerCount.ValueInt64(), "parameterServerCount")
	}
	return body
}

func (m *batchAiJobTensorFlowSettingsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobTensorFlowSettingsModel, root map[string]any, diags *diag.Diagnostics) {
	m.PythonScriptFilePath = mmgen.StringValue(mmgen.Get(api, "pythonScriptFilePath"))
	m.PythonInterpreterPath = mmgen.StringValue(mmgen.Get(api, "pythonInterpreterPath"))
	m.MasterCommandLineArgs = mmgen.StringValue(mmgen.Get(api, "masterCommandLineArgs"))
	m.WorkerCommandLineArgs = mmgen.StringValue(mmgen.Get(api, "workerCommandLineArgs"))
	m.ParameterServerCommandLineArgs = mmgen.StringValue(mmgen.Get(api, "parameterServerCommandLineArgs"))
	m.WorkerCount = mmgen.Int64Value(mmgen.Get(api, "workerCount"))
	m.ParameterServerCount = mmgen.Int64Value(mmgen.Get(api, "parameterServerCount"))
}

func (m *batchAiJobCaffeSettingsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.ConfigFilePath) {
		mmgen.Put(body, m.ConfigFilePath.ValueString(), "configFilePath")
	}
	if mmgen.Known(m.PythonScriptFilePath) {
		mmgen.Put(body, m.PythonScriptFilePath.ValueString(), "pythonScriptFilePath")
	}
	if mmgen.Known(m.PythonInterpreterPath) {
		mmgen.Put(body, m.PythonInterpreterPath.ValueString(), "pythonInterpreterPath")
	}
	if mmgen.Known(m.CommandLineArgs) {
		mmgen.Put(body, m.CommandLineArgs.ValueString(), "commandLineArgs")
	}
	if mmgen.Known(m.ProcessCount) {
		mmgen.Put(body, m.ProcessCount.ValueInt64(), "processCount")
	}
	return body
}

func (m *batchAiJobCaffeSettingsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobCaffeSettingsModel, root map[string]any, diags *diag.Diagnostics) {
	m.ConfigFilePath = mmgen.StringValue(mmgen.Get(api, "configFilePath"))
	m.PythonScriptFilePath = mmgen.StringValue(mmgen.Get(api, "pythonScriptFilePath"))
	m.PythonInterpreterPath = mmgen.StringValue(mmgen.Get(api, "pythonInterpreterPath"))
	m.CommandLineArgs = mmgen.StringValue(mmgen.Get(api, "commandLineArgs"))
	m.ProcessCount = mmgen.Int64Value(mmgen.Get(api, "processCount"))
}

func (m *batchAiJobCaffe2SettingsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.PythonScriptFilePath) {
		mmgen.Put(body, m.PythonScriptFilePath.ValueString(), "pythonScriptFilePath")
	}
	if mmgen.Known(m.PythonInterpreterPath) {
		mmgen.Put(body, m.PythonInterpreterPath.ValueString(), "pythonInterpreterPath")
	}
	if mmgen.Known(m.CommandLineArgs) {
		mmgen.Put(body, m.CommandLineArgs.ValueString(), "commandLineArgs")
	}
	return body
}

func (m *batchAiJobCaffe2SettingsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobCaffe2SettingsModel, root map[string]any, diags *diag.Diagnostics) {
	m.PythonScriptFilePath = mmgen.StringValue(mmgen.Get(api, "pythonScriptFilePath"))
	m.PythonInterpreterPath = mmgen.StringValue(mmgen.Get(api, "pythonInterpreterPath"))
	m.CommandLineArgs = mmgen.StringValue(mmgen.Get(api, "commandLineArgs"))
}

func (m *batchAiJobChainerSettingsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.PythonScriptFilePath) {
		mmgen.Put(body, m.PythonScriptFilePath.ValueString(), "pythonScriptFilePath")
	}
	if mmgen.Known(m.PythonInterpreterPath) {
		mmgen.Put(body, m.PythonInterpreterPath.ValueString(), "pythonInterpreterPath")
	}
	if mmgen.Known(m.CommandLineArgs) {
		mmgen.Put(body, m.CommandLineArgs.ValueString(), "commandLineArgs")
	}
	if mmgen.Known(m.ProcessCount) {
		mmgen.Put(body, m.ProcessCount.ValueInt64(), "processCount")
	}
	return body
}

func (m *batchAiJobChainerSettingsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobChainerSettingsModel, root map[string]any, diags *diag.Diagnostics) {
	m.PythonScriptFilePath = mmgen.StringValue(mmgen.Get(api, "pythonScriptFilePath"))
	m.PythonInterpreterPath = mmgen.StringValue(mmgen.Get(api, "pythonInterpreterPath"))
	m.CommandLineArgs = mmgen.StringValue(mmgen.Get(api, "commandLineArgs"))
	m.ProcessCount = mmgen.Int64Value(mmgen.Get(api, "processCount"))
}

func (m *batchAiJobCustomToolkitSettingsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.CommandLine) {
		mmgen.Put(body, m.CommandLine.ValueString(), "commandLine")
	}
	return body
}

func (m *batchAiJobCustomToolkitSettingsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobCustomToolkitSettingsModel, root map[string]any, diags *diag.Diagnostics) {
	m.CommandLine = mmgen.StringValue(mmgen.Get(api, "commandLine"))
}

func (m *batchAiJobJobPreparationModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.CommandLine) {
		mmgen.Put(body, m.CommandLine.ValueString(), "commandLine")
	}
	return body
}

func (m *batchAiJobJobPreparationModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobJobPreparationModel, root map[string]any, diags *diag.Diagnostics) {
	m.CommandLine = mmgen.StringValue(mmgen.Get(api, "commandLine"))
}

func (m *batchAiJobInputDirectoriesModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.ID) {
		mmgen.Put(body, m.ID.ValueString(), "id")
	}
	if mmgen.Known(m.Path) {
		mmgen.Put(body, m.Path.ValueString(), "path")
	}
	return body
}

func (m *batchAiJobInputDirectoriesModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobInputDirectoriesModel, root map[string]any, diags *diag.Diagnostics) {
	m.ID = mmgen.StringValue(mmgen.Get(api, "id"))
	m.Path = mmgen.StringValue(mmgen.Get(api, "path"))
}

func (m *batchAiJobOutputDirectoriesModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.ID) {
		mmgen.Put(body, m.ID.ValueString(), "id")
	}
	if mmgen.Known(m.PathPrefix) {
		mmgen.Put(body, m.PathPrefix.ValueString(), "pathPrefix")
	}
	if mmgen.Known(m.PathSuffix) {
		mmgen.Put(body, m.PathSuffix.ValueString(), "pathSuffix")
	}
	if mmgen.Known(m.Type) {
		mmgen.Put(body, m.Type.ValueString(), "type")
	}
	if mmgen.Known(m.CreateNew) {
		mmgen.Put(body, m.CreateNew.ValueBool(), "createNew")
	}
	return body
}

func (m *batchAiJobOutputDirectoriesModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobOutputDirectoriesModel, root map[string]any, diags *diag.Diagnostics) {
	m.ID = mmgen.StringValue(mmgen.Get(api, "id"))
	m.PathPrefix = mmgen.StringValue(mmgen.Get(api, "pathPrefix"))
	m.PathSuffix = mmgen.StringValue(mmgen.Get(api, "pathSuffix"))
	m.Type = mmgen.StringValue(mmgen.Get(api, "type"))
	m.CreateNew = mmgen.BoolValue(mmgen.Get(api, "createNew"))
}

func (m *batchAiJobEnvironmentVariablesModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Name) {
		mmgen.Put(body, m.Name.ValueString(), "name")
	}
	if mmgen.Known(m.Value) {
		mmgen.Put(body, m.Value.ValueString(), "value")
	}
	return body
}

func (m *batchAiJobEnvironmentVariablesModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobEnvironmentVariablesModel, root map[string]any, diags *diag.Diagnostics) {
	m.Name = mmgen.StringValue(mmgen.Get(api, "name"))
	m.Value = mmgen.StringValue(mmgen.Get(api, "value"))
}

func (m *batchAiJobSecretsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.Name) {
		mmgen.Put(body, m.Name.ValueString(), "name")
	}
	if mmgen.Known(m.Value) {
		mmgen.Put(body, m.Value.ValueString(), "value")
	}
	if m.ValueSecretReference != nil {
		mmgen.Put(body, m.ValueSecretReference.expand(ctx, root, diags), "valueSecretReference")
	}
	return body
}

func (m *batchAiJobSecretsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobSecretsModel, root map[string]any, diags *diag.Diagnostics) {
	m.Name = mmgen.StringValue(mmgen.Get(api, "name"))
	m.Value = mmgen.PriorString(prior.Value)
	{
		raw, ok := mmgen.Get(api, "valueSecretReference")
		obj, isObj := mmgen.Object(raw)
		m.ValueSecretReference = nil
		if ok && isObj && (len(obj) > 0 || prior.ValueSecretReference != nil) {
			p := prior.ValueSecretReference
			if p == nil {
				p = &batchAiJobSecretsValueSecretReferenceModel{}
			}
			v := &batchAiJobSecretsValueSecretReferenceModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.ValueSecretReference = v
		}
	}
}

func (m *batchAiJobSecretsValueSecretReferenceModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.SourceVaultID) {
		mmgen.Put(body, m.SourceVaultID.ValueString(), "sourceVault", "id")
	}
	if mmgen.Known(m.SecretURL) {
		mmgen.Put(body, m.SecretURL.ValueString(), "secretUrl")
	}
	return body
}

func (m *batchAiJobSecretsValueSecretReferenceModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobSecretsValueSecretReferenceModel, root map[string]any, diags *diag.Diagnostics) {
	m.SourceVaultID = mmgen.StringValue(mmgen.Get(api, "sourceVault", "id"))
	m.SecretURL = mmgen.StringValue(mmgen.Get(api, "secretUrl"))
}

func (m *batchAiJobMountVolumesModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if len(m.AzureFileShares) > 0 {
		items := make([]any, 0, len(m.AzureFileShares))
		for i := range m.AzureFileShares {
			items = append(items, m.AzureFileShares[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "azureFileShares")
	}
	if len(m.AzureBlobFileSystems) > 0 {
		items := make([]any, 0, len(m.AzureBlobFileSystems))
		for i := range m.AzureBlobFileSystems {
			items = append(items, m.AzureBlobFileSystems[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "azureBlobFileSystems")
	}
	if len(m.FileServers) > 0 {
		items := make([]any, 0, len(m.FileServers))
		for i := range m.FileServers {
			items = append(items, m.FileServers[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "fileServers")
	}
	if len(m.UnmanagedFileSystems) > 0 {
		items := make([]any, 0, len(m.UnmanagedFileSystems))
		for i := range m.UnmanagedFileSystems {
			items = append(items, m.UnmanagedFileSystems[i].expand(ctx, root, diags))
		}
		mmgen.Put(body, items, "unmanagedFileSystems")
	}
	return body
}

func (m *batchAiJobMountVolumesModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobMountVolumesModel, root map[string]any, diags *diag.Diagnostics) {
	{
		raw, _ := mmgen.Get(api, "azureFileShares")
		items, _ := raw.([]any)
		m.AzureFileShares = make([]batchAiJobMountVolumesAzureFileSharesModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p batchAiJobMountVolumesAzureFileSharesModel
			if i < len(prior.AzureFileShares) {
				p = prior.AzureFileShares[i]
			}
			var v batchAiJobMountVolumesAzureFileSharesModel
			v.flatten(ctx, obj, &p, root, diags)
			m.AzureFileShares = append(m.AzureFileShares, v)
		}
	}
	{
		raw, _ := mmgen.Get(api, "azureBlobFileSystems")
		items, _ := raw.([]any)
		m.AzureBlobFileSystems = make([]batchAiJobMountVolumesAzureBlobFileSystemsModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p batchAiJobMountVolumesAzureBlobFileSystemsModel
			if i < len(prior.AzureBlobFileSystems) {
				p = prior.AzureBlobFileSystems[i]
			}
			var v batchAiJobMountVolumesAzureBlobFileSystemsModel
			v.flatten(ctx, obj, &p, root, diags)
			m.AzureBlobFileSystems = append(m.AzureBlobFileSystems, v)
		}
	}
	{
		raw, _ := mmgen.Get(api, "fileServers")
		items, _ := raw.([]any)
		m.FileServers = make([]batchAiJobMountVolumesFileServersModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p batchAiJobMountVolumesFileServersModel
			if i < len(prior.FileServers) {
				p = prior.FileServers[i]
			}
			var v batchAiJobMountVolumesFileServersModel
			v.flatten(ctx, obj, &p, root, diags)
			m.FileServers = append(m.FileServers, v)
		}
	}
	{
		raw, _ := mmgen.Get(api, "unmanagedFileSystems")
		items, _ := raw.([]any)
		m.UnmanagedFileSystems = make([]batchAiJobMountVolumesUnmanagedFileSystemsModel, 0, len(items))
		for i, item := range items {
			obj, isObj := mmgen.Object(item)
			if !isObj || !(true) {
				continue
			}
			var p batchAiJobMountVolumesUnmanagedFileSystemsModel
			if i < len(prior.UnmanagedFileSystems) {
				p = prior.UnmanagedFileSystems[i]
			}
			var v batchAiJobMountVolumesUnmanagedFileSystemsModel
			v.flatten(ctx, obj, &p, root, diags)
			m.UnmanagedFileSystems = append(m.UnmanagedFileSystems, v)
		}
	}
}

func (m *batchAiJobMountVolumesAzureFileSharesModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.AccountName) {
		mmgen.Put(body, m.AccountName.ValueString(), "accountName")
	}
	if mmgen.Known(m.AzureFileURL) {
		mmgen.Put(body, m.AzureFileURL.ValueString(), "azureFileUrl")
	}
	if m.Credentials != nil {
		mmgen.Put(body, m.Credentials.expand(ctx, root, diags), "credentials")
	}
	if mmgen.Known(m.RelativeMountPath) {
		mmgen.Put(body, m.RelativeMountPath.ValueString(), "relativeMountPath")
	}
	if mmgen.Known(m.FileMode) {
		mmgen.Put(body, m.FileMode.ValueString(), "fileMode")
	}
	if mmgen.Known(m.DirectoryMode) {
		mmgen.Put(body, m.DirectoryMode.ValueString(), "directoryMode")
	}
	return body
}

func (m *batchAiJobMountVolumesAzureFileSharesModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobMountVolumesAzureFileSharesModel, root map[string]any, diags *diag.Diagnostics) {
	m.AccountName = mmgen.StringValue(mmgen.Get(api, "accountName"))
	m.AzureFileURL = mmgen.StringValue(mmgen.Get(api, "azureFileUrl"))
	{
		raw, ok := mmgen.Get(api, "credentials")
		obj, isObj := mmgen.Object(raw)
		m.Credentials = nil
		if ok && isObj && (len(obj) > 0 || prior.Credentials != nil) {
			p := prior.Credentials
			if p == nil {
				p = &batchAiJobMountVolumesAzureFileSharesCredentialsModel{}
			}
			v := &batchAiJobMountVolumesAzureFileSharesCredentialsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.Credentials = v
		}
	}
	m.RelativeMountPath = mmgen.StringValue(mmgen.Get(api, "relativeMountPath"))
	m.FileMode = mmgen.StringValue(mmgen.Get(api, "fileMode"))
	m.DirectoryMode = mmgen.StringValue(mmgen.Get(api, "directoryMode"))
}

func (m *batchAiJobMountVolumesAzureFileSharesCredentialsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.AccountKey) {
		mmgen.Put(body, m.AccountKey.ValueString(), "accountKey")
	}
	if m.AccountKeySecretReference != nil {
		mmgen.Put(body, m.AccountKeySecretReference.expand(ctx, root, diags), "accountKeySecretReference")
	}
	return body
}

func (m *batchAiJobMountVolumesAzureFileSharesCredentialsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobMountVolumesAzureFileSharesCredentialsModel, root map[string]any, diags *diag.Diagnostics) {
	m.AccountKey = mmgen.PriorString(prior.AccountKey)
	{
		raw, ok := mmgen.Get(api, "accountKeySecretReference")
		obj, isObj := mmgen.Object(raw)
		m.AccountKeySecretReference = nil
		if ok && isObj && (len(obj) > 0 || prior.AccountKeySecretReference != nil) {
			p := prior.AccountKeySecretReference
			if p == nil {
				p = &batchAiJobMountVolumesAzureFileSharesCredentialsAccountKeySecretReferenceModel{}
			}
			v := &batchAiJobMountVolumesAzureFileSharesCredentialsAccountKeySecretReferenceModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.AccountKeySecretReference = v
		}
	}
}

func (m *batchAiJobMountVolumesAzureFileSharesCredentialsAccountKeySecretReferenceModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.SourceVaultID) {
		mmgen.Put(body, m.SourceVaultID.ValueString(), "sourceVault", "id")
	}
	if mmgen.Known(m.SecretURL) {
		mmgen.Put(body, m.SecretURL.ValueString(), "secretUrl")
	}
	return body
}

func (m *batchAiJobMountVolumesAzureFileSharesCredentialsAccountKeySecretReferenceModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobMountVolumesAzureFileSharesCredentialsAccountKeySecretReferenceModel, root map[string]any, diags *diag.Diagnostics) {
	m.SourceVaultID = mmgen.StringValue(mmgen.Get(api, "sourceVault", "id"))
	m.SecretURL = mmgen.StringValue(mmgen.Get(api, "secretUrl"))
}

func (m *batchAiJobMountVolumesAzureBlobFileSystemsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.AccountName) {
		mmgen.Put(body, m.AccountName.ValueString(), "accountName")
	}
	if mmgen.Known(m.ContainerName) {
		mmgen.Put(body, m.ContainerName.ValueString(), "containerName")
	}
	if m.Credentials != nil {
		mmgen.Put(body, m.Credentials.expand(ctx, root, diags), "credentials")
	}
	if mmgen.Known(m.RelativeMountPath) {
		mmgen.Put(body, m.RelativeMountPath.ValueString(), "relativeMountPath")
	}
	if mmgen.Known(m.MountOptions) {
		mmgen.Put(body, m.MountOptions.ValueString(), "mountOptions")
	}
	return body
}

func (m *batchAiJobMountVolumesAzureBlobFileSystemsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobMountVolumesAzureBlobFileSystemsModel, root map[string]any, diags *diag.Diagnostics) {
	m.AccountName = mmgen.StringValue(mmgen.Get(api, "accountName"))
	m.ContainerName = mmgen.StringValue(mmgen.Get(api, "containerName"))
	{
		raw, ok := mmgen.Get(api, "credentials")
		obj, isObj := mmgen.Object(raw)
		m.Credentials = nil
		if ok && isObj && (len(obj) > 0 || prior.Credentials != nil) {
			p := prior.Credentials
			if p == nil {
				p = &batchAiJobMountVolumesAzureBlobFileSystemsCredentialsModel{}
			}
			v := &batchAiJobMountVolumesAzureBlobFileSystemsCredentialsModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.Credentials = v
		}
	}
	m.RelativeMountPath = mmgen.StringValue(mmgen.Get(api, "relativeMountPath"))
	m.MountOptions = mmgen.StringValue(mmgen.Get(api, "mountOptions"))
}

func (m *batchAiJobMountVolumesAzureBlobFileSystemsCredentialsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.AccountKey) {
		mmgen.Put(body, m.AccountKey.ValueString(), "accountKey")
	}
	if m.AccountKeySecretReference != nil {
		mmgen.Put(body, m.AccountKeySecretReference.expand(ctx, root, diags), "accountKeySecretReference")
	}
	return body
}

func (m *batchAiJobMountVolumesAzureBlobFileSystemsCredentialsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobMountVolumesAzureBlobFileSystemsCredentialsModel, root map[string]any, diags *diag.Diagnostics) {
	m.AccountKey = mmgen.PriorString(prior.AccountKey)
	{
		raw, ok := mmgen.Get(api, "accountKeySecretReference")
		obj, isObj := mmgen.Object(raw)
		m.AccountKeySecretReference = nil
		if ok && isObj && (len(obj) > 0 || prior.AccountKeySecretReference != nil) {
			p := prior.AccountKeySecretReference
			if p == nil {
				p = &batchAiJobMountVolumesAzureBlobFileSystemsCredentialsAccountKeySecretReferenceModel{}
			}
			v := &batchAiJobMountVolumesAzureBlobFileSystemsCredentialsAccountKeySecretReferenceModel{}
			v.flatten(ctx, obj, p, root, diags)
			m.AccountKeySecretReference = v
		}
	}
}

func (m *batchAiJobMountVolumesAzureBlobFileSystemsCredentialsAccountKeySecretReferenceModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.SourceVaultID) {
		mmgen.Put(body, m.SourceVaultID.ValueString(), "sourceVault", "id")
	}
	if mmgen.Known(m.SecretURL) {
		mmgen.Put(body, m.SecretURL.ValueString(), "secretUrl")
	}
	return body
}

func (m *batchAiJobMountVolumesAzureBlobFileSystemsCredentialsAccountKeySecretReferenceModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobMountVolumesAzureBlobFileSystemsCredentialsAccountKeySecretReferenceModel, root map[string]any, diags *diag.Diagnostics) {
	m.SourceVaultID = mmgen.StringValue(mmgen.Get(api, "sourceVault", "id"))
	m.SecretURL = mmgen.StringValue(mmgen.Get(api, "secretUrl"))
}

func (m *batchAiJobMountVolumesFileServersModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.FileServerID) {
		mmgen.Put(body, m.FileServerID.ValueString(), "fileServer", "id")
	}
	if mmgen.Known(m.SourceDirectory) {
		mmgen.Put(body, m.SourceDirectory.ValueString(), "sourceDirectory")
	}
	if mmgen.Known(m.RelativeMountPath) {
		mmgen.Put(body, m.RelativeMountPath.ValueString(), "relativeMountPath")
	}
	if mmgen.Known(m.MountOptions) {
		mmgen.Put(body, m.MountOptions.ValueString(), "mountOptions")
	}
	return body
}

func (m *batchAiJobMountVolumesFileServersModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobMountVolumesFileServersModel, root map[string]any, diags *diag.Diagnostics) {
	m.FileServerID = mmgen.StringValue(mmgen.Get(api, "fileServer", "id"))
	m.SourceDirectory = mmgen.StringValue(mmgen.Get(api, "sourceDirectory"))
	m.RelativeMountPath = mmgen.StringValue(mmgen.Get(api, "relativeMountPath"))
	m.MountOptions = mmgen.StringValue(mmgen.Get(api, "mountOptions"))
}

func (m *batchAiJobMountVolumesUnmanagedFileSystemsModel) expand(ctx context.Context, root *batchAiJobModel, diags *diag.Diagnostics) map[string]any {
	body := map[string]any{}
	if mmgen.Known(m.MountCommand) {
		mmgen.Put(body, m.MountCommand.ValueString(), "mountCommand")
	}
	if mmgen.Known(m.RelativeMountPath) {
		mmgen.Put(body, m.RelativeMountPath.ValueString(), "relativeMountPath")
	}
	return body
}

func (m *batchAiJobMountVolumesUnmanagedFileSystemsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobMountVolumesUnmanagedFileSystemsModel, root map[string]any, diags *diag.Diagnostics) {
	m.MountCommand = mmgen.StringValue(mmgen.Get(api, "mountCommand"))
	m.RelativeMountPath = mmgen.StringValue(mmgen.Get(api, "relativeMountPath"))
}

func (m *batchAiJobExecutionInfoModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobExecutionInfoModel, root map[string]any, diags *diag.Diagnostics) {
	m.StartTime = mmgen.StringValue(mmgen.Get(api, "startTime"))
	m.EndTime = mmgen.StringValue(mmgen.Get(api, "endTime"))
	m.ExitCode = mmgen.Int64Value(mmgen.Get(api, "exitCode"))
	{
		raw, ok := mmgen.Get(api, "errors")
		items := make([]batchAiJobExecutionInfoErrorsModel, 0)
		list, _ := raw.([]any)
		for _, item := range list {
			obj, isObj := mmgen.Object(item)
			if !isObj {
				continue
			}
			var v batchAiJobExecutionInfoErrorsModel
			v.flatten(ctx, obj, &batchAiJobExecutionInfoErrorsModel{}, root, diags)
			items = append(items, v)
		}
		m.Errors = types.ListNull(types.ObjectType{AttrTypes: batchAiJobExecutionInfoErrorsAttrTypes})
		if ok {
			v, d := types.ListValueFrom(ctx, types.ObjectType{AttrTypes: batchAiJobExecutionInfoErrorsAttrTypes}, items)
			diags.Append(d...)
			m.Errors = v
		}
	}
}

func (m *batchAiJobExecutionInfoErrorsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobExecutionInfoErrorsModel, root map[string]any, diags *diag.Diagnostics) {
	m.Code = mmgen.StringValue(mmgen.Get(api, "code"))
	m.Message = mmgen.StringValue(mmgen.Get(api, "message"))
	{
		raw, ok := mmgen.Get(api, "details")
		items := make([]batchAiJobExecutionInfoErrorsDetailsModel, 0)
		list, _ := raw.([]any)
		for _, item := range list {
			obj, isObj := mmgen.Object(item)
			if !isObj {
				continue
			}
			var v batchAiJobExecutionInfoErrorsDetailsModel
			v.flatten(ctx, obj, &batchAiJobExecutionInfoErrorsDetailsModel{}, root, diags)
			items = append(items, v)
		}
		m.Details = types.ListNull(types.ObjectType{AttrTypes: batchAiJobExecutionInfoErrorsDetailsAttrTypes})
		if ok {
			v, d := types.ListValueFrom(ctx, types.ObjectType{AttrTypes: batchAiJobExecutionInfoErrorsDetailsAttrTypes}, items)
			diags.Append(d...)
			m.Details = v
		}
	}
}

func (m *batchAiJobExecutionInfoErrorsDetailsModel) flatten(ctx context.Context, api map[string]any, prior *batchAiJobExecutionInfoErrorsDetailsModel, root map[string]any, diags *diag.Diagnostics) {
	m.Name = mmgen.StringValue(mmgen.Get(api, "name"))
	m.Value = mmgen.StringValue(mmgen.Get(api, "value"))
}
