// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: specs/batchai/batch_ai_job.yaml
// Template:    acctest.go.j2
// Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
//
// ----------------------------------------------------------------------------

package batchai_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/mmgen/terraform-provider-azurerm/internal/acctest"
)

var targetBatchAiJob = acctest.Target{
	BaseURL:    "https://management.azure.com/",
	Template:   "/subscriptions/{subscription_id}/resourceGroups/{resource_group}/providers/Microsoft.BatchAI/jobs/{name}",
	APIVersion: "2018-03-01",
	Params: map[string]string{
		"subscription_id": "subscription_id",
		"resource_group":  "resource_group",
		"name":            "name",
	},
	FromSettings: map[string]bool{
		"subscription_id": true,
	},
}

// caseBatchAiJobBasic is the example's test: its configuration (`{random}` and
// `{env:NAME}` filled by acctest.Config) and the changes its life cycle applies.
var caseBatchAiJobBasic = acctest.Case{
	ResourceType: "azurerm_batch_ai_job",
	Address:      "azurerm_batch_ai_job.example",
	Config:       "resource \"azurerm_batch_ai_job\" \"example\" {\n  name                    = \"tf-test-job-{random}\"\n  resource_group          = \"tf-test-rg-{random}\"\n  location                = \"eastus\"\n  cluster_id              = \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tf-test-rg-{random}/providers/Microsoft.BatchAI/clusters/tf-test-cluster-{random}\"\n  node_count              = 1\n  priority                = 0\n  std_out_err_path_prefix = \"$AZ_BATCHAI_MOUNT_ROOT/azfiles\"\n\n  custom_toolkit_settings {\n    command_line = \"echo hi | tee $AZ_BATCHAI_OUTPUT_OUTPUTS/hi.txt\"\n  }\n\n  input_directories {\n    id   = \"INPUT\"\n    path = \"$AZ_BATCHAI_MOUNT_ROOT/azfiles/input\"\n  }\n\n  output_directories {\n    id          = \"OUTPUTS\"\n    path_prefix = \"$AZ_BATCHAI_MOUNT_ROOT/azfiles/\"\n    path_suffix = \"files\"\n    type        = \"custom\"\n    create_new  = true\n  }\n\n  container_settings {\n    image_source_registry {\n      image = \"ubuntu\"\n    }\n  }\n}\n",
	Import:       true,
	ImportIgnore: []string{
		"^timeouts(\\..*)?$",
		"^caffe2_settings(\\..*)?$",
		"^constraints(\\..*)?$",
		"^container_settings\\.image_source_registry\\.credentials\\.password(\\..*)?$",
		"^mount_volumes(\\..*)?$",
		"^mount_volumes\\.azure_blob_file_systems\\.[^.]+\\.credentials\\.account_key(\\..*)?$",
		"^mount_volumes\\.azure_file_shares\\.[^.]+\\.credentials\\.account_key(\\..*)?$",
		"^secrets\\.[^.]+\\.value(\\..*)?$",
	},
	Changes: []acctest.Change{
		{
			Config: "resource \"azurerm_batch_ai_job\" \"example\" {\n  name                    = \"tf-test-job-{random}-upd\"\n  resource_group          = \"tf-test-rg-{random}\"\n  location                = \"eastus\"\n  cluster_id              = \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tf-test-rg-{random}/providers/Microsoft.BatchAI/clusters/tf-test-cluster-{random}\"\n  node_count              = 1\n  priority                = 0\n  std_out_err_path_prefix = \"$AZ_BATCHAI_MOUNT_ROOT/azfiles\"\n\n  custom_toolkit_settings {\n    command_line = \"echo hi | tee $AZ_BATCHAI_OUTPUT_OUTPUTS/hi.txt\"\n  }\n\n  input_directories {\n    id   = \"INPUT\"\n    path = \"$AZ_BATCHAI_MOUNT_ROOT/azfiles/input\"\n  }\n\n  output_directories {\n    id          = \"OUTPUTS\"\n    path_prefix = \"$AZ_BATCHAI_MOUNT_ROOT/azfiles/\"\n    path_suffix = \"files\"\n    type        = \"custom\"\n    create_new  = true\n  }\n\n  container_settings {\n    image_source_registry {\n      image = \"ubuntu\"\n    }\n  }\n}\n",
			Action: plancheck.ResourceActionReplace,
		},
	},
}

// TestAccBatchAiJob_Basic: create, an empty plan, import and compare, change, destroy.
func TestAccBatchAiJob_Basic(t *testing.T) {
	acctest.LifeCycle(t, targetBatchAiJob, caseBatchAiJobBasic)
}

// TestAccBatchAiJob_Basic_disappears: deleted behind Terraform's back, the next plan recreates it.
func TestAccBatchAiJob_Basic_disappears(t *testing.T) {
	acctest.Disappears(t, targetBatchAiJob, caseBatchAiJobBasic)
}

// caseBatchAiJobFull is the example's test: its configuration (`{random}` and
// `{env:NAME}` filled by acctest.Config) and the changes its life cycle applies.
var caseBatchAiJobFull = acctest.Case{
	ResourceType: "azurerm_batch_ai_job",
	Address:      "azurerm_batch_ai_job.example",
	Config:       "resource \"azurerm_batch_ai_job\" \"example\" {\n  name                    = \"tf-test-job-{random}\"\n  resource_group          = \"tf-test-rg-{random}\"\n  location                = \"eastus\"\n  cluster_id              = \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tf-test-rg-{random}/providers/Microsoft.BatchAI/clusters/tf-test-cluster-{random}\"\n  experiment_name         = \"mnist\"\n  node_count              = 2\n  priority                = 100\n  std_out_err_path_prefix = \"$AZ_BATCHAI_JOB_MOUNT_ROOT/azfiles/logs\"\n\n  tensor_flow_settings {\n    python_script_file_path            = \"$AZ_BATCHAI_INPUT_SCRIPTS/mnist_replica.py\"\n    master_command_line_args           = \"--job_name=worker --num_gpus=1 --data_dir=$AZ_BATCHAI_INPUT_DATA\"\n    worker_command_line_args           = \"--job_name=worker --num_gpus=1 --data_dir=$AZ_BATCHAI_INPUT_DATA\"\n    parameter_server_command_line_args = \"--job_name=ps --num_gpus=0 --data_dir=$AZ_BATCHAI_INPUT_DATA\"\n    worker_count                       = 2\n    parameter_server_count             = 1\n  }\n\n  job_preparation {\n    command_line = \"pip install --quiet tensorflow-gpu==1.8.0\"\n  }\n\n  container_settings {\n    image_source_registry {\n      server_url = \"tftestacr{random}.azurecr.io\"\n      image      = \"tftestacr{random}.azurecr.io/tensorflow:1.8.0-gpu\"\n\n      credentials {\n        username = \"tftestacr{random}\"\n\n        password_secret_reference {\n          source_vault_id = \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tf-test-rg-{random}/providers/Microsoft.KeyVault/vaults/tftestkv{random}\"\n          secret_url      = \"https://tftestkv{random}.vault.azure.net/secrets/registry-password\"\n        }\n      }\n    }\n  }\n\n  mount_volumes {\n    azure_file_shares {\n      account_name        = \"tftestsa{random}\"\n      azure_file_url      = \"https://tftestsa{random}.file.core.windows.net/jobs\"\n      relative_mount_path = \"azfiles\"\n      file_mode           = \"0777\"\n      directory_mode      = \"0777\"\n\n      credentials {\n        account_key = \"tf-test-storage-key-{random}\"\n      }\n    }\n  }\n\n  input_directories {\n    id   = \"SCRIPTS\"\n    path = \"$AZ_BATCHAI_JOB_MOUNT_ROOT/azfiles/scripts\"\n  }\n\n  input_directories {\n    id   = \"DATA\"\n    path = \"$AZ_BATCHAI_JOB_MOUNT_ROOT/azfiles/data\"\n  }\n\n  output_directories {\n    id          = \"MODEL\"\n    path_prefix = \"$AZ_BATCHAI_JOB_MOUNT_ROOT/azfiles/\"\n    path_suffix = \"models\"\n    type        = \"model\"\n  }\n\n  environment_variables {\n    name  = \"TF_CPP_MIN_LOG_LEVEL\"\n    value = \"2\"\n  }\n\n  secrets {\n    name  = \"DATASET_TOKEN\"\n    value = \"tf-test-token-{random}\"\n  }\n\n  secrets {\n    name = \"API_KEY\"\n\n    value_secret_reference {\n      source_vault_id = \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tf-test-rg-{random}/providers/Microsoft.KeyVault/vaults/tftestkv{random}\"\n      secret_url      = \"https://tftestkv{random}.vault.azure.net/secrets/api-key\"\n    }\n  }\n\n  constraints {\n    max_wall_clock_time = \"PT12H\"\n  }\n\n  tags = {\n    environment = \"example\"\n  }\n}\n",
	Import:       true,
	ImportIgnore: []string{
		"^timeouts(\\..*)?$",
		"^caffe2_settings(\\..*)?$",
		"^container_settings\\.image_source_registry\\.credentials\\.password(\\..*)?$",
		"^mount_volumes(\\..*)?$",
		"^mount_volumes\\.azure_blob_file_systems\\.[^.]+\\.credentials\\.account_key(\\..*)?$",
		"^mount_volumes\\.azure_file_shares\\.[^.]+\\.credentials\\.account_key(\\..*)?$",
		"^secrets\\.[^.]+\\.value(\\..*)?$",
	},
	Changes: []acctest.Change{
		{
			Config: "resource \"azurerm_batch_ai_job\" \"example\" {\n  name                    = \"tf-test-job-{random}-upd\"\n  resource_group          = \"tf-test-rg-{random}\"\n  location                = \"eastus\"\n  cluster_id              = \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tf-test-rg-{random}/providers/Microsoft.BatchAI/clusters/tf-test-cluster-{random}\"\n  experiment_name         = \"mnist\"\n  node_count              = 2\n  priority                = 100\n  std_out_err_path_prefix = \"$AZ_BATCHAI_JOB_MOUNT_ROOT/azfiles/logs\"\n\n  tensor_flow_settings {\n    python_script_file_path            = \"$AZ_BATCHAI_INPUT_SCRIPTS/mnist_replica.py\"\n    master_command_line_args           = \"--job_name=worker --num_gpus=1 --data_dir=$AZ_BATCHAI_INPUT_DATA\"\n    worker_command_line_args           = \"--job_name=worker --num_gpus=1 --data_dir=$AZ_BATCHAI_INPUT_DATA\"\n    parameter_server_command_line_args = \"--job_name=ps --num_gpus=0 --data_dir=$AZ_BATCHAI_INPUT_DATA\"\n    worker_count                       = 2\n    parameter_server_count             = 1\n  }\n\n  job_preparation {\n    command_line = \"pip install --quiet tensorflow-gpu==1.8.0\"\n  }\n\n  container_settings {\n    image_source_registry {\n      server_url = \"tftestacr{random}.azurecr.io\"\n      image      = \"tftestacr{random}.azurecr.io/tensorflow:1.8.0-gpu\"\n\n      credentials {\n        username = \"tftestacr{random}\"\n\n        password_secret_reference {\n          source_vault_id = \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tf-test-rg-{random}/providers/Microsoft.KeyVault/vaults/tftestkv{random}\"\n          secret_url      = \"https://tftestkv{random}.vault.azure.net/secrets/registry-password\"\n        }\n      }\n    }\n  }\n\n  mount_volumes {\n    azure_file_shares {\n      account_name        = \"tftestsa{random}\"\n      azure_file_url      = \"https://tftestsa{random}.file.core.windows.net/jobs\"\n      relative_mount_path = \"azfiles\"\n      file_mode           = \"0777\"\n      directory_mode      = \"0777\"\n\n      credentials {\n        account_key = \"tf-test-storage-key-{random}\"\n      }\n    }\n  }\n\n  input_directories {\n    id   = \"SCRIPTS\"\n    path = \"$AZ_BATCHAI_JOB_MOUNT_ROOT/azfiles/scripts\"\n  }\n\n  input_directories {\n    id   = \"DATA\"\n    path = \"$AZ_BATCHAI_JOB_MOUNT_ROOT/azfiles/data\"\n  }\n\n  output_directories {\n    id          = \"MODEL\"\n    path_prefix = \"$AZ_BATCHAI_JOB_MOUNT_ROOT/azfiles/\"\n    path_suffix = \"models\"\n    type        = \"model\"\n  }\n\n  environment_variables {\n    name  = \"TF_CPP_MIN_LOG_LEVEL\"\n    value = \"2\"\n  }\n\n  secrets {\n    name  = \"DATASET_TOKEN\"\n    value = \"tf-test-token-{random}\"\n  }\n\n  secrets {\n    name = \"API_KEY\"\n\n    value_secret_reference {\n      source_vault_id = \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tf-test-rg-{random}/providers/Microsoft.KeyVault/vaults/tftestkv{random}\"\n      secret_url      = \"https://tftestkv{random}.vault.azure.net/secrets/api-key\"\n    }\n  }\n\n  constraints {\n    max_wall_clock_time = \"PT12H\"\n  }\n\n  tags = {\n    environment = \"example\"\n  }\n}\n",
			Action: plancheck.ResourceActionReplace,
		},
	},
}

// TestAccBatchAiJob_Full: create, an empty plan, import and compare, change, destroy.
func TestAccBatchAiJob_Full(t *testing.T) {
	acctest.LifeCycle(t, targetBatchAiJob, caseBatchAiJobFull)
}

// TestAccBatchAiJob_Full_disappears: deleted behind Terraform's back, the next plan recreates it.
func TestAccBatchAiJob_Full_disappears(t *testing.T) {
	acctest.Disappears(t, targetBatchAiJob, caseBatchAiJobFull)
}
