// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/ids.go
// Template:    go/runtime/ids.go
// Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// This file holds id templates: filling "{param}" paths to build URLs and
// resource ids, and parsing import ids back into their parameters. Specs
// come from ARM ("{name}") and Magic Modules ("{{name}}", "{{%name}}"), so
// both spellings are one placeholder here.

package mmgen

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// tplPart is literal text or one placeholder of a template.
type tplPart struct {
	lit   string
	name  string
	param bool
	multi bool // "{{%name}}": the value may span several path segments
}

// parseTemplate splits tpl into literal text and placeholders. A brace that
// does not open a well-formed placeholder is literal text.
func parseTemplate(tpl string) []tplPart {
	var parts []tplPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, tplPart{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(tpl); {
		if tpl[i] == '{' {
			if name, n, ok := placeholderAt(tpl[i:]); ok {
				flush()
				multi := strings.HasPrefix(name, "%")
				parts = append(parts, tplPart{name: strings.TrimPrefix(name, "%"), param: true, multi: multi})
				i += n
				continue
			}
		}
		lit.WriteByte(tpl[i])
		i++
	}
	flush()
	return parts
}

// placeholderAt reads "{{name}}" or "{name}" at the start of s and returns
// the name (with any '%') and the length read.
func placeholderAt(s string) (string, int, bool) {
	if strings.HasPrefix(s, "{{") {
		if j := strings.Index(s[2:], "}}"); j >= 0 && validParamName(s[2:2+j]) {
			return s[2 : 2+j], j + 4, true
		}
	}
	if j := strings.IndexByte(s[1:], '}'); j >= 0 && validParamName(s[1:1+j]) {
		return s[1 : 1+j], j + 2, true
	}
	return "", 0, false
}

func validParamName(s string) bool {
	s = strings.TrimPrefix(s, "%")
	return s != "" && !strings.ContainsAny(s, "{}/ ")
}

// TemplateParams returns the placeholder names of tpl in order of first
// appearance, each once.
func TemplateParams(tpl string) []string {
	var names []string
	seen := map[string]bool{}
	for _, p := range parseTemplate(tpl) {
		if p.param && !seen[p.name] {
			seen[p.name] = true
			names = append(names, p.name)
		}
	}
	return names
}

// FillTemplate replaces each placeholder with its value. With escape, values
// are path-escaped; a "{{%name}}" value is escaped segment by segment so its
// slashes stay. A missing or empty value is an error naming the parameter.
func FillTemplate(tpl string, values map[string]string, escape bool) (string, error) {
	var b strings.Builder
	var missing []string
	for _, p := range parseTemplate(tpl) {
		if !p.param {
			b.WriteString(p.lit)
			continue
		}
		v := values[p.name]
		if v == "" {
			if !slices.Contains(missing, p.name) {
				missing = append(missing, p.name)
			}
			continue
		}
		if escape {
			v = escapeValue(v, p.multi)
		}
		b.WriteString(v)
	}
	if len(missing) > 0 {
		if len(missing) == 1 {
			return "", fmt.Errorf("a value for %s is needed to fill %q", quoteAll(missing), tpl)
		}
		return "", fmt.Errorf("values for %s are needed to fill %q", quoteAll(missing), tpl)
	}
	return b.String(), nil
}

func escapeValue(v string, multi bool) string {
	if !multi {
		return url.PathEscape(v)
	}
	segs := strings.Split(v, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// ParseID matches id against each format in turn and returns the first
// match's values, path-unescaped. A placeholder matches one path segment,
// "{{%name}}" one or more; literal text matches in any case (ARM answers
// "resourcegroups" for "resourceGroups"); leading and trailing '/' are
// optional.
func ParseID(formats []string, id string) (map[string]string, error) {
	if len(formats) == 0 {
		return nil, errors.New("no import id formats to match")
	}
	for _, f := range formats {
		if values, ok := matchFormat(f, id); ok {
			return values, nil
		}
	}
	return nil, fmt.Errorf("import id %q does not match any of the formats %s", id, quoteAll(formats))
}

func matchFormat(format, id string) (map[string]string, bool) {
	var b strings.Builder
	var names []string
	b.WriteString("(?is)^")
	parts := parseTemplate(strings.Trim(format, "/"))
	// A parent's id first (`{%pool_id}/jobs/{name}`): its own leading '/' (an ARM id's)
	// is part of its value; otherwise a leading '/' is optional.
	parentFirst := len(parts) > 0 && parts[0].param && parts[0].multi
	if !parentFirst {
		b.WriteString("/?")
	}
	for i, p := range parts {
		switch {
		case !p.param:
			b.WriteString(regexp.QuoteMeta(p.lit))
		case i == 0 && p.multi:
			b.WriteString("(/?.+?)")
		case p.multi:
			b.WriteString("(.+?)")
		default:
			b.WriteString("([^/]+)")
		}
		if p.param {
			names = append(names, p.name)
		}
	}
	b.WriteString("/?$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, false
	}
	m := re.FindStringSubmatch(strings.TrimSpace(id))
	if m == nil {
		return nil, false
	}
	values := make(map[string]string, len(names))
	for i, name := range names {
		v := m[i+1]
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		if prev, ok := values[name]; ok && prev != v {
			return nil, false // a name used twice must have one value
		}
		values[name] = v
	}
	return values, true
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
