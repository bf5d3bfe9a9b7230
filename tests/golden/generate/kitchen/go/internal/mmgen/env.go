// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/env.go
// Template:    go/runtime/env.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// This file holds provider-configuration helpers. Every setting can come
// from the provider block or from environment variables (the way CI and the
// emulator configure providers), and the block wins when it is set.

package mmgen

import (
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// EnvOr returns value when it is known and non-empty, else the first
// non-empty environment variable of env, else "".
func EnvOr(value types.String, env ...string) string {
	if Known(value) && value.ValueString() != "" {
		return value.ValueString()
	}
	for _, name := range env {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// DurationFromEnv reads the environment variable name as seconds (fractions
// allowed, e.g. "0.01"). Unset, unreadable, negative, NaN or overflowing
// values give def.
func DurationFromEnv(name string, def time.Duration) time.Duration {
	s := strings.TrimSpace(os.Getenv(name))
	if s == "" {
		return def
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f < 0 || f*float64(time.Second) >= math.MaxInt64 {
		return def
	}
	return time.Duration(f * float64(time.Second))
}
