// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: specs/batchai/product.yaml
// Template:    doc.go.j2
// Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
//
// ----------------------------------------------------------------------------

// Package batchai holds the Batch AI resources of the provider, one file each.
package batchai
