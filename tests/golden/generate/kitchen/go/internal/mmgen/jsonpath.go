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

// PutNonEmpty is Put for a field that leaves empty values out of request
// bodies (Magic Modules' default): false, 0, "", an empty list and an empty
// object are not stored.
func PutNonEmpty(obj map[string]any, value any, path ...string) {
	if IsEmptyValue(value) {
		return
	}
	Put(obj, value, path...)
}

// IsEmptyValue reports whether v is JSON's false, 0, "", [] or {} (or nil).
func IsEmptyValue(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case string:
		return x == ""
	case int64:
		return x == 0
	case int:
		return x == 0
	case float64:
		return x == 0
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
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

// Only returns the parts of obj at the given paths (each a list of keys), in
// a new object: the body of an update call for some fields only.
func Only(obj map[string]any, paths [][]string) map[string]any {
	out := map[string]any{}
	for _, p := range paths {
		if v, ok := Get(obj, p...); ok && len(p) > 0 {
			Put(out, v, p...)
		}
	}
	return out
}

// Without returns obj without the values at the given paths; obj is left
// alone. An object emptied by the removal goes too, as one never written.
func Without(obj map[string]any, paths [][]string) map[string]any {
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		out[k] = v
	}
	for _, p := range paths {
		deletePath(out, p)
	}
	return out
}

func deletePath(m map[string]any, path []string) {
	switch len(path) {
	case 0:
		return
	case 1:
		delete(m, path[0])
		return
	}
	child, ok := Object(m[path[0]])
	if !ok {
		return
	}
	c := make(map[string]any, len(child))
	for k, v := range child {
		c[k] = v
	}
	deletePath(c, path[1:])
	if len(c) == 0 {
		delete(m, path[0])
	} else {
		m[path[0]] = c
	}
}
