// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/hosts.go
// Template:    go/runtime/hosts.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// This file holds the host allow list. URLs also arrive from servers (poll
// URLs, redirects); each one is checked here before a request is built, so
// credentials can only reach the hosts the provider was generated for.

package mmgen

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
)

// ErrRefused is wrapped by every error for a request that was not sent
// because its URL is not one of the provider's API hosts or is not https.
var ErrRefused = errors.New("request refused")

// endpoint is a parsed Config.Endpoint: its scheme and host replace those
// of every base URL, and its path goes in front of theirs.
type endpoint struct{ scheme, host, path string }

func parseEndpoint(raw string) (*endpoint, error) {
	s := strings.TrimSpace(raw)
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("invalid endpoint %q: %w", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	if (scheme != "https" && scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("invalid endpoint %q: want http(s)://host[:port][/path]", raw)
	}
	return &endpoint{scheme: scheme, host: u.Host, path: strings.TrimRight(u.EscapedPath(), "/")}, nil
}

// hostRule is the scheme and host of one base URL. A base URL may have
// placeholders in its host ("https://{{location}}-foo.googleapis.com/"); re
// then matches any DNS label text in their place.
type hostRule struct {
	scheme, host string
	re           *regexp.Regexp
}

func newHostRule(raw string) (hostRule, bool) {
	scheme, host, _ := splitURL(strings.TrimSpace(raw))
	if scheme == "" || host == "" {
		return hostRule{}, false
	}
	scheme = strings.ToLower(scheme)
	r := hostRule{scheme: scheme, host: normalizeHost(scheme, host)}
	if strings.Contains(r.host, "{") {
		var b strings.Builder
		b.WriteString("^")
		for _, p := range parseTemplate(r.host) {
			if p.param {
				b.WriteString("[a-z0-9-]+")
			} else {
				b.WriteString(regexp.QuoteMeta(p.lit))
			}
		}
		b.WriteString("$")
		r.re = regexp.MustCompile(b.String())
	}
	return r, true
}

func (r hostRule) match(scheme, host string) bool {
	if r.scheme != scheme {
		return false
	}
	if r.re != nil {
		return r.re.MatchString(host)
	}
	return r.host == host
}

func (r hostRule) String() string { return r.scheme + "://" + r.host }

// splitURL splits "scheme://host/rest" by hand, because base URLs may hold
// template placeholders that url.Parse rejects in a host.
func splitURL(raw string) (scheme, host, rest string) {
	i := strings.Index(raw, "://")
	if i <= 0 {
		return "", "", raw
	}
	scheme, after := raw[:i], raw[i+3:]
	j := strings.IndexAny(after, "/?#")
	if j < 0 {
		return scheme, after, ""
	}
	return scheme, after[:j], after[j:]
}

// normalizeHost lowercases and drops the scheme's default port, so
// "https://h:443" and "https://h" are the same host.
func normalizeHost(scheme, host string) string {
	host = strings.ToLower(host)
	switch scheme {
	case "https":
		host = strings.TrimSuffix(host, ":443")
	case "http":
		host = strings.TrimSuffix(host, ":80")
	}
	return host
}

func isLoopback(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(h, "[]"))
	return ip != nil && ip.IsLoopback()
}

func (c *Client) matches(rules []hostRule, u *url.URL) bool {
	scheme := strings.ToLower(u.Scheme)
	host := normalizeHost(scheme, u.Host)
	for _, r := range rules {
		if r.match(scheme, host) {
			return true
		}
	}
	return false
}

func (c *Client) allowedURL(u *url.URL) bool { return c.matches(c.allowed, u) }

// checkURL says why a request to u must not be sent, or nil.
func (c *Client) checkURL(u *url.URL) error {
	if c.err != nil {
		return c.err
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "https" && scheme != "http" {
		return fmt.Errorf("%w: the URL must be absolute http(s), got scheme %q", ErrRefused, u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("%w: the URL has no host", ErrRefused)
	}
	if scheme == "http" && !isLoopback(u.Hostname()) {
		return fmt.Errorf("%w: plain http is only used for loopback hosts, not %s", ErrRefused, u.Host)
	}
	if !c.allowedURL(u) {
		names := make([]string, len(c.allowed))
		for i, r := range c.allowed {
			names[i] = r.String()
		}
		return fmt.Errorf("%w: %s://%s is not one of the provider's API hosts [%s]",
			ErrRefused, scheme, u.Host, strings.Join(names, " "))
	}
	return nil
}

// pollURL resolves a URL a server gave us (relative ones against ref) and
// checks it. With an Endpoint override, a URL on one of the original product
// hosts is moved onto the endpoint: proxies and recordings often hand out the
// real host, and the request was meant for the endpoint anyway.
func (c *Client) pollURL(ref, raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("invalid poll URL: %w", err)
	}
	if !u.IsAbs() && ref != "" {
		base, err := url.Parse(ref)
		if err != nil {
			return "", fmt.Errorf("invalid poll URL base: %w", err)
		}
		u = base.ResolveReference(u)
	}
	if e := c.endpoint; e != nil && u.IsAbs() && !c.allowedURL(u) && c.matches(c.original, u) {
		u.Scheme, u.Host = e.scheme, e.host
		if e.path != "" {
			path := e.path + u.EscapedPath()
			if unescaped, err := url.PathUnescape(path); err == nil {
				u.Path, u.RawPath = unescaped, path
			}
		}
	}
	if err := c.checkURL(u); err != nil {
		return "", fmt.Errorf("refusing to poll %s: %w", u.Redacted(), err)
	}
	return u.String(), nil
}
