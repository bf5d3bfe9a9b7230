// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: specs/provider.yaml
// Template:    acctest_helpers.go.j2
// Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
//
// ----------------------------------------------------------------------------

// Package acctest holds what every acceptance test of the provider shares: the provider
// factories (the provider runs in-process, Terraform reattaches to it), the environment
// check, random names, and direct API calls for CheckDestroy and "disappears" tests.
package acctest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mmgen/terraform-provider-azurerm/internal/mmgen"
	"github.com/mmgen/terraform-provider-azurerm/internal/provider"
)

// ProviderFactories serve the provider in-process under its Terraform name.
var ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"azurerm": providerserver.NewProtocol6WithError(provider.New("test")()),
}

// PreCheck fails fast when the environment cannot run acceptance tests.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("MMGEN_ENDPOINT") == "" {
		t.Fatal("MMGEN_ENDPOINT must point at the API (the mmgen emulator, or the real API)")
	}
}

// Random is a fresh suffix for one test's names: every step of a test uses the same one,
// so that changing one value does not rename (and replace) the resource too.
func Random(t *testing.T) string {
	t.Helper()
	buf := make([]byte, 4)
	if _, err := rand.Read(buf); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(buf)
}

// Env reads the environment variables an example's tests take values from (an existing
// project, an organization id), given as name, emulator value pairs. Against the emulator
// (MMGEN_ACC_EMULATED=1) an unset one takes its emulator value; against a real API an
// unset one skips the test and names it.
func Env(t *testing.T, pairs ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		name, fallback := pairs[i], pairs[i+1]
		value := os.Getenv(name)
		if value == "" && os.Getenv("MMGEN_ACC_EMULATED") == "1" {
			value = fallback
		}
		if value == "" {
			t.Skipf("set %s: this example needs it from the environment", name)
		}
		out[name] = value
	}
	return out
}

// hclEscaper escapes a value for the inside of an HCL string: the tokens sit in quotes.
var hclEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`, "${", "$${", "%{", "%%{")

// Config fills the `{random}` and `{env:NAME}` tokens of an example's test values.
func Config(config, random string, env map[string]string) string {
	out := strings.ReplaceAll(config, "{random}", random)
	for name, value := range env {
		out = strings.ReplaceAll(out, "{env:"+name+"}", hclEscaper.Replace(value))
	}
	return out
}

// settings are the provider settings as the tests' environment supplies them.
func settings() map[string]string {
	out := map[string]string{}
	out["subscription_id"] = firstEnv("ARM_SUBSCRIPTION_ID")
	out["token"] = firstEnv("ARM_ACCESS_TOKEN")
	return out
}

func firstEnv(names ...string) string {
	for _, n := range names {
		if v := os.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// API is a client for direct calls to the API under test.
func API(baseURL string) *mmgen.Client {
	return mmgen.NewClient(mmgen.Config{
		Endpoint:     os.Getenv("MMGEN_ENDPOINT"),
		Token:        settings()["token"],
		PollInterval: mmgen.DurationFromEnv("MMGEN_POLL_INTERVAL", 10*time.Second),
	}, baseURL)
}

// Target is how to reach one resource: its id template, where its values come from.
type Target struct {
	BaseURL    string
	Template   string
	APIVersion string
	// Params maps a placeholder to a state attribute, or to a provider setting when
	// FromSettings[name] is true.
	Params       map[string]string
	FromSettings map[string]bool
	// A nested resource is an entry of the list at NestedKeys in the answer at
	// Template: NestedIDPath is the API path a list of plain ids wraps, Identity
	// maps each identity attribute to its API path in an entry.
	NestedKeys   []string
	NestedIDPath []string
	Identity     map[string][]string
}

// URL is the resource's request URL, built from its state.
func (tg Target) URL(rs *terraform.ResourceState) (string, error) {
	values := map[string]string{}
	for name, attr := range tg.Params {
		if tg.FromSettings[name] {
			values[name] = settings()[attr]
		} else {
			values[name] = rs.Primary.Attributes[attr]
		}
	}
	p, err := mmgen.FillTemplate(tg.Template, values, true)
	if err != nil {
		return "", err
	}
	query := url.Values{}
	if tg.APIVersion != "" {
		query.Set("api-version", tg.APIVersion)
	}
	return API(tg.BaseURL).URL(tg.BaseURL, p, query), nil
}

func (tg Target) status(rs *terraform.ResourceState) (int, error) {
	u, err := tg.URL(rs)
	if err != nil {
		return 0, err
	}
	resp, err := API(tg.BaseURL).Do(context.Background(), "GET", u, nil)
	if err != nil {
		return 0, err
	}
	if resp.Status == 200 && tg.NestedKeys != nil {
		api, err := resp.JSON()
		if err != nil {
			return 0, err
		}
		if !tg.holds(rs, api) {
			return 404, nil // the answer is there, the resource's entry is not
		}
	}
	return resp.Status, nil
}

// holds reports whether a nested resource's list has its entry: one whose
// identity values are the state's (a string may be the other's last segment).
func (tg Target) holds(rs *terraform.ResourceState, api map[string]any) bool {
	for _, entry := range mmgen.NestedEntries(api, tg.NestedKeys, tg.NestedIDPath) {
		same := true
		for attr, p := range tg.Identity {
			want, ok := rs.Primary.Attributes[attr]
			if !ok {
				continue // a block: not in the flat state under its own name
			}
			got := ""
			if v, _ := mmgen.Get(entry, p...); v != nil {
				got = fmt.Sprint(v)
			}
			if got != want && !strings.HasSuffix(got, "/"+want) && !strings.HasSuffix(want, "/"+got) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// CheckExists asserts that the API has the resource at address.
func (tg Target) CheckExists(address string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s is not in state", address)
		}
		status, err := tg.status(rs)
		if err != nil {
			return err
		}
		if status != 200 {
			return fmt.Errorf("%s: GET answered %d, want 200", address, status)
		}
		return nil
	}
}

// CheckDestroyed asserts that no resource of type typeName is left in the API.
func (tg Target) CheckDestroyed(typeName string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != typeName {
				continue
			}
			status, err := tg.status(rs)
			if err != nil {
				return err
			}
			if status != 404 {
				return fmt.Errorf("%s %s still exists (GET answered %d)", typeName, rs.Primary.ID, status)
			}
		}
		return nil
	}
}

// Disappear deletes the resource behind Terraform's back (and waits until it is gone).
func (tg Target) Disappear(address string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s is not in state", address)
		}
		u, err := tg.URL(rs)
		if err != nil {
			return err
		}
		client := API(tg.BaseURL)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		resp, err := client.Do(ctx, "DELETE", u, nil)
		if err == nil {
			err = mmgen.CheckResponse(resp, 404)
		}
		if err == nil {
			err = client.WaitARM(ctx, resp, true)
		}
		return err
	}
}

// CaptureState keeps the flat attributes of address after a step, for VerifyImport.
func CaptureState(address string, into *map[string]string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s is not in state", address)
		}
		*into = map[string]string{}
		for k, v := range rs.Primary.Attributes {
			(*into)[k] = v
		}
		return nil
	}
}

// VerifyImport compares the imported state with the captured one, attribute by
// attribute, except where a pattern matches: like ImportStateVerify, but the patterns
// are regular expressions, so a write-only field in every element of a list
// (`^secrets\.[^.]+\.value$`) can be named.
func VerifyImport(before *map[string]string, ignore ...string) func([]*terraform.InstanceState) error {
	patterns := make([]*regexp.Regexp, len(ignore))
	for i, p := range ignore {
		patterns[i] = regexp.MustCompile(p)
	}
	skip := func(key string) bool {
		for _, p := range patterns {
			if p.MatchString(key) {
				return true
			}
		}
		return false
	}
	return func(states []*terraform.InstanceState) error {
		want := *before
		var got map[string]string
		for _, st := range states {
			if st.ID == want["id"] {
				got = st.Attributes
			}
		}
		if got == nil {
			return fmt.Errorf("no imported resource has id %q", want["id"])
		}
		var diffs []string
		keys := map[string]bool{}
		for k := range want {
			keys[k] = true
		}
		for k := range got {
			keys[k] = true
		}
		for k := range keys {
			if skip(k) || want[k] == got[k] {
				continue
			}
			diffs = append(diffs, fmt.Sprintf("  %s: %q before import, %q after", k, want[k], got[k]))
		}
		if len(diffs) > 0 {
			sort.Strings(diffs)
			return fmt.Errorf("imported state differs:\n%s", strings.Join(diffs, "\n"))
		}
		return nil
	}
}

// Case is one example's acceptance test, as data: the generated test of each example
// names its Case, and LifeCycle and Disappears turn it into terraform-plugin-testing
// steps. Configurations hold `{random}` and `{env:NAME}` tokens, filled by Config.
type Case struct {
	ResourceType string
	Address      string // the resource the checks read
	Config       string
	Env          []string // name, emulator value pairs, as Env takes them
	Checks       []Check  // after the first apply
	// Import adds the import step; ImportIgnore are patterns of what the API never
	// returns (write-only, ignore_read), which import cannot bring back.
	Import       bool
	ImportIgnore []string
	Changes      []Change
}

// Check is an attribute's expected value; the value goes through Config too.
type Check struct {
	Attribute, Value string
}

// Change is a step that applies a changed configuration: Action, when set, is the plan
// action Terraform must choose for the resource (an update, a replacement).
type Change struct {
	Config string
	Action plancheck.ResourceActionType
	Checks []Check
}

// LifeCycle creates the example's resources, imports and compares, applies each change
// and destroys. Every Config step plans again after its apply and after a refresh, and
// fails on a non-empty plan (terraform-plugin-testing's own check), so no step repeats it.
func LifeCycle(t *testing.T, target Target, c Case) {
	t.Helper()
	env := Env(t, c.Env...)
	random := Random(t)
	var created map[string]string
	checks := func(extra []Check, first ...resource.TestCheckFunc) resource.TestCheckFunc {
		for _, ch := range extra {
			first = append(first, resource.TestCheckResourceAttr(c.Address, ch.Attribute, Config(ch.Value, random, env)))
		}
		return resource.ComposeTestCheckFunc(first...)
	}
	first := resource.TestStep{
		Config: Config(c.Config, random, env),
		Check:  checks(c.Checks, target.CheckExists(c.Address), CaptureState(c.Address, &created)),
	}
	steps := []resource.TestStep{first}
	if c.Import {
		steps = append(steps, resource.TestStep{
			ResourceName:     c.Address,
			ImportState:      true,
			ImportStateCheck: VerifyImport(&created, c.ImportIgnore...),
		})
	}
	for _, ch := range c.Changes {
		step := resource.TestStep{
			Config: Config(ch.Config, random, env),
			Check:  checks(ch.Checks, target.CheckExists(c.Address)),
		}
		if ch.Action != "" {
			step.ConfigPlanChecks = resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(c.Address, ch.Action)},
			}
		}
		steps = append(steps, step)
	}
	run(t, target, c, steps)
}

// Disappears creates the example's resources and deletes the checked one behind
// Terraform's back: the plan that follows must recreate it.
func Disappears(t *testing.T, target Target, c Case) {
	t.Helper()
	env := Env(t, c.Env...)
	step := resource.TestStep{
		Config:             Config(c.Config, Random(t), env),
		Check:              resource.ComposeTestCheckFunc(target.CheckExists(c.Address), target.Disappear(c.Address)),
		ExpectNonEmptyPlan: true,
	}
	run(t, target, c, []resource.TestStep{step})
}

// run is the test case both share: the environment checked first, the provider served
// in-process, nothing of the resource's type left in the API afterwards.
func run(t *testing.T, target Target, c Case, steps []resource.TestStep) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { t.Helper(); PreCheck(t) },
		ProtoV6ProviderFactories: ProviderFactories,
		CheckDestroy:             target.CheckDestroyed(c.ResourceType),
		Steps:                    steps,
	})
}
