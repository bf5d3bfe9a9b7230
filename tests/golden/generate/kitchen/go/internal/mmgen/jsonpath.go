// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/jsonpath.go
// Template:    go/runtime/jsonpath.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// This file holds lookups and writes along a path of keys in decoded JSON.
// API fields sit at dotted paths such as properties.network.subnetId, and
// several schema fields often write into the same nested object, so Put
// merges instead of overwriting.

package mmgen

// Get follows path through nested objects. It reports false when a step is
// missing or not an object. A present JSON null is (nil, true).
func Get(obj map[string]any, path ...string) (any, bool) {
	var cur any = obj
	for _, key := range path {
		m, ok := Object(cur)
		if !ok {
			return nil, false
		}
		if cur, ok = m[key]; !ok {
			return nil, false
		}
	}
	if len(path) == 0 && obj == nil {
		return nil, false
	}
	return cur, true
}

// Put stores value at path, creating (or replacing non-object) intermediate
// steps with objects. When the existing and the new value are both objects
// they are merged recursively, the new keys winning. With an empty path an
// object value is merged into obj itself. A nil obj is left alone.
func Put(obj map[string]any, value any, path ...string) {
	if obj == nil {
		return
	}
	if len(path) == 0 {
		if m, ok := Object(value); ok {
			merge(obj, m)
		}
		return
	}
	cur := obj
	for _, key := range path[:len(path)-1] {
		next, ok := Object(cur[key])
		if !ok {
			next = map[string]any{}
			cur[key] = next
		}
		cur = next
	}
	last := path[len(path)-1]
	if dst, ok := Object(cur[last]); ok {
		if src, ok := Object(value); ok {
			merge(dst, src)
			return
		}
	}
	cur[last] = value
}

func merge(dst, src map[string]any) {
	for k, v := range src {
		if d, ok := Object(dst[k]); ok {
			if s, ok := Object(v); ok {
				merge(d, s)
				continue
			}
		}
		dst[k] = v
	}
}

// Object returns v as a JSON object; a nil map is not one.
func Object(v any) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	return m, ok && m != nil
}
