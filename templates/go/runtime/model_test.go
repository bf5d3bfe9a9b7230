// Tests of the model helpers: the update mask with update_mask_fields, and the
// unknowns of a plan filled from another model.

package mmgen

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestUpdateMaskNamesReplaceAFieldsPaths(t *testing.T) {
	before := map[string]any{"limits": map[string]any{"low": 1, "high": 9},
		"sli": map[string]any{"ratio": map[string]any{"good": "a"}}, "note": ""}
	after := map[string]any{"limits": map[string]any{"low": 2, "high": 9},
		"sli": map[string]any{"ratio": map[string]any{"good": "b"}}, "note": "n"}
	names := []MaskNames{
		{Path: "limits", Names: []string{"limits.low", "limits.high", "limitsMode"}},
		{Path: "sli.ratio", Names: []string{"sli.ratio.good", "sli.ratio.bad"}},
	}
	want := []string{"limits.low", "limits.high", "limitsMode", "note", "sli.ratio.good", "sli.ratio.bad"}
	if got := UpdateMask(before, after, names); !reflect.DeepEqual(got, want) {
		t.Fatalf("UpdateMask = %v, want %v", got, want)
	}
	if got := UpdateMask(before, after, nil); !reflect.DeepEqual(got, ChangedPaths(before, after)) {
		t.Fatalf("UpdateMask without names = %v", got)
	}
	if got := UpdateMask(before, before, names); len(got) != 0 {
		t.Fatalf("UpdateMask of no change = %v", got)
	}
}

type fillInner struct {
	Value types.String
}

type fillModel struct {
	Name   types.String
	Secret types.String
	Inner  *fillInner
}

func TestFillUnknownsTakesOnlyWhatIsUnknown(t *testing.T) {
	ctx := context.Background()
	plan := &fillModel{Name: types.StringValue("t1"), Secret: types.StringUnknown(),
		Inner: &fillInner{Value: types.StringUnknown()}}
	from := &fillModel{Name: types.StringValue("other"), Secret: types.StringValue("s3cr3t"),
		Inner: &fillInner{Value: types.StringValue("v")}}
	got := FillUnknowns(ctx, plan, from)
	if got.Name.ValueString() != "t1" || got.Secret.ValueString() != "s3cr3t" || got.Inner.Value.ValueString() != "v" {
		t.Fatalf("FillUnknowns = %+v", got)
	}
}
