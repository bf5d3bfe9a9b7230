// hclread parses HCL with HashiCorp's own parser (hclsyntax, the one Terraform uses) and
// prints, as JSON, every attribute whose value is a constant string, so that tests can
// check both that a generated configuration parses and that each string reads back as
// the spec wrote it. Input on stdin: a JSON list of sources; output: one result each.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

type result struct {
	Errors  []string          `json:"errors"`
	Strings map[string]string `json:"strings"`
}

func walk(body *hclsyntax.Body, prefix string, out map[string]string, errs *[]string) {
	for name, attr := range body.Attributes {
		v, diags := attr.Expr.Value(nil)
		if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
			continue // references and non-strings are not constants to read back
		}
		out[prefix+name] = v.AsString()
	}
	for _, block := range body.Blocks {
		walk(block.Body, prefix+strings.Join(append([]string{block.Type}, block.Labels...), ".")+".", out, errs)
	}
}

func main() {
	var sources []string
	if err := json.NewDecoder(os.Stdin).Decode(&sources); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	results := make([]result, 0, len(sources))
	for i, src := range sources {
		r := result{Errors: []string{}, Strings: map[string]string{}}
		file, diags := hclsyntax.ParseConfig([]byte(src), fmt.Sprintf("source%d.tf", i), hcl.InitialPos)
		for _, d := range diags {
			r.Errors = append(r.Errors, d.Error())
		}
		if !diags.HasErrors() {
			walk(file.Body.(*hclsyntax.Body), "", r.Strings, &r.Errors)
		}
		results = append(results, r)
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
