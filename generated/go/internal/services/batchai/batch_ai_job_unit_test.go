// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: specs/batchai/batch_ai_job.yaml
// Template:    unittest.go.j2
// Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
//
// ----------------------------------------------------------------------------

package batchai

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// TestExpandFlattenBatchAiJob flattens an API object with every field set, expands the
// result and expects the settable fields back at their API paths: a wrong path or a
// conversion that loses a value in either direction fails it. No Terraform, no TF_ACC.
func TestExpandFlattenBatchAiJob(t *testing.T) {
	var api, want map[string]any
	if err := json.Unmarshal([]byte("{\"id\": \"v4\", \"location\": \"v2\", \"properties\": {\"caffe2Settings\": {\"commandLineArgs\": \"v2\", \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\"}, \"caffeSettings\": {\"commandLineArgs\": \"v3\", \"configFilePath\": \"v0\", \"processCount\": 11, \"pythonInterpreterPath\": \"v2\", \"pythonScriptFilePath\": \"v1\"}, \"chainerSettings\": {\"commandLineArgs\": \"v2\", \"processCount\": 10, \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\"}, \"cluster\": {\"id\": \"v6\"}, \"cntkSettings\": {\"commandLineArgs\": \"v4\", \"configFilePath\": \"v1\", \"languageType\": \"v0\", \"processCount\": 12, \"pythonInterpreterPath\": \"v3\", \"pythonScriptFilePath\": \"v2\"}, \"constraints\": {\"maxWallClockTime\": \"v0\"}, \"containerSettings\": {\"imageSourceRegistry\": {\"credentials\": {\"password\": \"v1\", \"passwordSecretReference\": {\"secretUrl\": \"v1\", \"sourceVault\": {\"id\": \"v0\"}}, \"username\": \"v0\"}, \"image\": \"v1\", \"serverUrl\": \"v0\"}}, \"creationTime\": \"v28\", \"customToolkitSettings\": {\"commandLine\": \"v0\"}, \"environmentVariables\": [{\"name\": \"v0\", \"value\": \"v1\"}], \"executionInfo\": \"v33\", \"executionState\": \"failed\", \"executionStateTransitionTime\": \"v32\", \"experimentName\": \"v9\", \"inputDirectories\": [{\"id\": \"v0\", \"path\": \"v1\"}], \"jobOutputDirectoryPathSegment\": \"v26\", \"jobPreparation\": {\"commandLine\": \"v0\"}, \"mountVolumes\": {\"azureBlobFileSystems\": [{\"accountName\": \"v0\", \"containerName\": \"v1\", \"credentials\": {\"accountKey\": \"v0\", \"accountKeySecretReference\": {\"secretUrl\": \"v1\", \"sourceVault\": {\"id\": \"v0\"}}}, \"mountOptions\": \"v4\", \"relativeMountPath\": \"v3\"}], \"azureFileShares\": [{\"accountName\": \"v0\", \"azureFileUrl\": \"v1\", \"credentials\": {\"accountKey\": \"v0\", \"accountKeySecretReference\": {\"secretUrl\": \"v1\", \"sourceVault\": {\"id\": \"v0\"}}}, \"directoryMode\": \"v5\", \"fileMode\": \"v4\", \"relativeMountPath\": \"v3\"}], \"fileServers\": [{\"fileServer\": {\"id\": \"v0\"}, \"mountOptions\": \"v3\", \"relativeMountPath\": \"v2\", \"sourceDirectory\": \"v1\"}], \"unmanagedFileSystems\": [{\"mountCommand\": \"v0\", \"relativeMountPath\": \"v1\"}]}, \"nodeCount\": 14, \"outputDirectories\": [{\"createNew\": true, \"id\": \"v0\", \"pathPrefix\": \"v1\", \"pathSuffix\": \"v2\", \"type\": \"custom\"}], \"priority\": 17, \"provisioningState\": \"failed\", \"provisioningStateTransitionTime\": \"v30\", \"pyTorchSettings\": {\"commandLineArgs\": \"v2\", \"communicationBackend\": \"v4\", \"processCount\": 10, \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\"}, \"secrets\": [{\"name\": \"v0\", \"value\": \"v1\", \"valueSecretReference\": {\"secretUrl\": \"v1\", \"sourceVault\": {\"id\": \"v0\"}}}], \"stdOutErrPathPrefix\": \"v8\", \"tensorFlowSettings\": {\"masterCommandLineArgs\": \"v2\", \"parameterServerCommandLineArgs\": \"v4\", \"parameterServerCount\": 13, \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\", \"workerCommandLineArgs\": \"v3\", \"workerCount\": 12}, \"toolType\": \"custom\"}, \"tags\": {\"k\": \"v3\"}, \"type\": \"v5\"}"), &api); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte("{\"location\": \"v2\", \"properties\": {\"caffeSettings\": {\"commandLineArgs\": \"v3\", \"configFilePath\": \"v0\", \"processCount\": 11, \"pythonInterpreterPath\": \"v2\", \"pythonScriptFilePath\": \"v1\"}, \"chainerSettings\": {\"commandLineArgs\": \"v2\", \"processCount\": 10, \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\"}, \"cluster\": {\"id\": \"v6\"}, \"cntkSettings\": {\"commandLineArgs\": \"v4\", \"configFilePath\": \"v1\", \"languageType\": \"v0\", \"processCount\": 12, \"pythonInterpreterPath\": \"v3\", \"pythonScriptFilePath\": \"v2\"}, \"containerSettings\": {\"imageSourceRegistry\": {\"credentials\": {\"passwordSecretReference\": {\"secretUrl\": \"v1\", \"sourceVault\": {\"id\": \"v0\"}}, \"username\": \"v0\"}, \"image\": \"v1\", \"serverUrl\": \"v0\"}}, \"customToolkitSettings\": {\"commandLine\": \"v0\"}, \"environmentVariables\": [{\"name\": \"v0\", \"value\": \"v1\"}], \"experimentName\": \"v9\", \"inputDirectories\": [{\"id\": \"v0\", \"path\": \"v1\"}], \"jobPreparation\": {\"commandLine\": \"v0\"}, \"nodeCount\": 14, \"outputDirectories\": [{\"createNew\": true, \"id\": \"v0\", \"pathPrefix\": \"v1\", \"pathSuffix\": \"v2\", \"type\": \"custom\"}], \"priority\": 17, \"pyTorchSettings\": {\"commandLineArgs\": \"v2\", \"communicationBackend\": \"v4\", \"processCount\": 10, \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\"}, \"secrets\": [{\"name\": \"v0\", \"valueSecretReference\": {\"secretUrl\": \"v1\", \"sourceVault\": {\"id\": \"v0\"}}}], \"stdOutErrPathPrefix\": \"v8\", \"tensorFlowSettings\": {\"masterCommandLineArgs\": \"v2\", \"parameterServerCommandLineArgs\": \"v4\", \"parameterServerCount\": 13, \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\", \"workerCommandLineArgs\": \"v3\", \"workerCount\": 12}}, \"tags\": {\"k\": \"v3\"}}"), &want); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var diags diag.Diagnostics
	var m batchAiJobModel
	m.flatten(ctx, api, &batchAiJobModel{}, api, &diags)
	body := m.expand(ctx, &m, &diags)
	if diags.HasError() {
		t.Fatalf("diagnostics: %v", diags)
	}
	// Compare as JSON: numbers decode alike on both sides.
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("expand(flatten(api)):\n got  %s\n want %s", raw, "{\"location\": \"v2\", \"properties\": {\"caffeSettings\": {\"commandLineArgs\": \"v3\", \"configFilePath\": \"v0\", \"processCount\": 11, \"pythonInterpreterPath\": \"v2\", \"pythonScriptFilePath\": \"v1\"}, \"chainerSettings\": {\"commandLineArgs\": \"v2\", \"processCount\": 10, \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\"}, \"cluster\": {\"id\": \"v6\"}, \"cntkSettings\": {\"commandLineArgs\": \"v4\", \"configFilePath\": \"v1\", \"languageType\": \"v0\", \"processCount\": 12, \"pythonInterpreterPath\": \"v3\", \"pythonScriptFilePath\": \"v2\"}, \"containerSettings\": {\"imageSourceRegistry\": {\"credentials\": {\"passwordSecretReference\": {\"secretUrl\": \"v1\", \"sourceVault\": {\"id\": \"v0\"}}, \"username\": \"v0\"}, \"image\": \"v1\", \"serverUrl\": \"v0\"}}, \"customToolkitSettings\": {\"commandLine\": \"v0\"}, \"environmentVariables\": [{\"name\": \"v0\", \"value\": \"v1\"}], \"experimentName\": \"v9\", \"inputDirectories\": [{\"id\": \"v0\", \"path\": \"v1\"}], \"jobPreparation\": {\"commandLine\": \"v0\"}, \"nodeCount\": 14, \"outputDirectories\": [{\"createNew\": true, \"id\": \"v0\", \"pathPrefix\": \"v1\", \"pathSuffix\": \"v2\", \"type\": \"custom\"}], \"priority\": 17, \"pyTorchSettings\": {\"commandLineArgs\": \"v2\", \"communicationBackend\": \"v4\", \"processCount\": 10, \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\"}, \"secrets\": [{\"name\": \"v0\", \"valueSecretReference\": {\"secretUrl\": \"v1\", \"sourceVault\": {\"id\": \"v0\"}}}], \"stdOutErrPathPrefix\": \"v8\", \"tensorFlowSettings\": {\"masterCommandLineArgs\": \"v2\", \"parameterServerCommandLineArgs\": \"v4\", \"parameterServerCount\": 13, \"pythonInterpreterPath\": \"v1\", \"pythonScriptFilePath\": \"v0\", \"workerCommandLineArgs\": \"v3\", \"workerCount\": 12}}, \"tags\": {\"k\": \"v3\"}}")
	}
}
