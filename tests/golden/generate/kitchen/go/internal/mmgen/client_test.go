// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/client_test.go
// Template:    go/runtime/client_test.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Tests for the HTTP client: retries and their waits, deadlines, the host
// allow list that keeps the token at home, and the endpoint override.

package mmgen

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

const secret = "tok-SECRET-123"

func TestRetryWaits(t *testing.T) {
	now := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name   string
		status int
		header map[string]string
		want   time.Duration
	}{
		{"Retry-After seconds", 429, map[string]string{"Retry-After": "3"}, 3 * time.Second},
		{"Retry-After fractional", 503, map[string]string{"Retry-After": "0.5"}, 500 * time.Millisecond},
		{"Retry-After HTTP date", 503, map[string]string{"Retry-After": now.Add(7 * time.Second).Format(http.TimeFormat)}, 7 * time.Second},
		{"Retry-After date in the past is the floor", 503, map[string]string{"Retry-After": now.Add(-time.Hour).Format(http.TimeFormat)}, 100 * time.Millisecond},
		{"retry-after-ms", 429, map[string]string{"retry-after-ms": "1500"}, 1500 * time.Millisecond},
		{"x-ms-retry-after-ms", 429, map[string]string{"x-ms-retry-after-ms": "250"}, 250 * time.Millisecond},
		{"ms wins over Retry-After", 429, map[string]string{"retry-after-ms": "200", "Retry-After": "9"}, 200 * time.Millisecond},
		{"Retry-After 0 gets the floor", 429, map[string]string{"Retry-After": "0"}, 100 * time.Millisecond},
		{"huge hint is capped", 429, map[string]string{"Retry-After": "999999"}, maxHint},
		{"garbage hint falls back to backoff", 503, map[string]string{"Retry-After": "soon"}, 500 * time.Millisecond},
		{"no hint: backoff", 500, nil, 500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, map[string][]reply{"/x": {
				{status: tt.status, header: tt.header, body: `{"error":{"code":"Busy","message":"later"}}`},
				{status: 200, body: `{"ok":true}`},
			}})
			c, rec := testClient(Config{MinWait: 100 * time.Millisecond}, srv.URL)
			c.now = func() time.Time { return now }
			resp, err := c.Do(context.Background(), "GET", srv.URL+"/x", nil)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Status != 200 || len(srv.requests()) != 2 {
				t.Fatalf("status %d after %d requests, want 200 after 2", resp.Status, len(srv.requests()))
			}
			if got := rec.all(); !slices.Equal(got, []time.Duration{tt.want}) {
				t.Fatalf("waits %v, want [%v]", got, tt.want)
			}
		})
	}
}

func TestWhichStatusesAreRetried(t *testing.T) {
	for _, tt := range []struct {
		status int
		retry  bool
	}{{429, true}, {500, true}, {502, true}, {503, true}, {504, true}, {400, false}, {404, false}, {409, false}, {501, false}} {
		srv := newAPIServer(t, map[string][]reply{"/x": {{status: tt.status}, {status: 200}}})
		c, _ := testClient(Config{}, srv.URL)
		resp, err := c.Do(context.Background(), "PUT", srv.URL+"/x", map[string]any{"a": 1})
		if err != nil {
			t.Fatal(err)
		}
		want, n := tt.status, 1
		if tt.retry {
			want, n = 200, 2
		}
		if resp.Status != want || len(srv.requests()) != n {
			t.Errorf("HTTP %d: got %d after %d requests, want %d after %d", tt.status, resp.Status, len(srv.requests()), want, n)
		}
	}
}

func TestGivesUpAfterMaxRetries(t *testing.T) {
	for _, tt := range []struct {
		max, requests int
		waits         []time.Duration
	}{
		{2, 3, []time.Duration{500 * time.Millisecond, time.Second}},
		{-1, 1, nil},
		{0, DefaultMaxRetries + 1, []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second}},
	} {
		srv := newAPIServer(t, map[string][]reply{"/x": {{status: 503, body: `{"error":{"code":"ServerBusy","message":"try later"}}`}}})
		c, rec := testClient(Config{MaxRetries: tt.max, MinWait: time.Millisecond}, srv.URL)
		resp, err := c.Do(context.Background(), "GET", srv.URL+"/x", nil)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != 503 || len(srv.requests()) != tt.requests {
			t.Errorf("MaxRetries %d: status %d after %d requests, want 503 after %d", tt.max, resp.Status, len(srv.requests()), tt.requests)
		}
		if !slices.Equal(rec.all(), tt.waits) {
			t.Errorf("MaxRetries %d: waits %v, want %v", tt.max, rec.all(), tt.waits)
		}
		var ae *APIError
		if err := CheckResponse(resp); !errors.As(err, &ae) || ae.Code != "ServerBusy" {
			t.Errorf("CheckResponse = %v, want the ServerBusy APIError", err)
		}
	}
}

func TestBackoffIsCappedAndJittered(t *testing.T) {
	c := NewClient(Config{})
	for attempt := range 12 {
		d := c.backoff(attempt)
		if d > maxBackoff || d < min(time.Second<<min(attempt, 6), maxBackoff)/2 {
			t.Fatalf("backoff(%d) = %v", attempt, d)
		}
	}
}

func TestDeadlineBeforeHintedWaitFailsAtOnce(t *testing.T) {
	srv := newAPIServer(t, map[string][]reply{"/x": {{status: 429, header: map[string]string{"Retry-After": "120"}}}})
	c, rec := testClient(Config{}, srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.Do(ctx, "GET", srv.URL+"/x", nil)
	var te *TimeoutError
	if !errors.As(err, &te) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want a TimeoutError that is context.DeadlineExceeded", err)
	}
	if te.Wait != 120*time.Second || len(rec.all()) != 0 || time.Since(start) > 2*time.Second {
		t.Fatalf("wait %v, sleeps %v, took %v: want an immediate failure", te.Wait, rec.all(), time.Since(start))
	}
	if len(srv.requests()) != 1 {
		t.Fatalf("%d requests, want 1", len(srv.requests()))
	}
}

func TestConnectionErrorsAreRetried(t *testing.T) {
	srv := newAPIServer(t, map[string][]reply{"/x": {{status: -1}, {status: 200, body: `{}`}}})
	c, rec := testClient(Config{Token: secret}, srv.URL)
	resp, err := c.Do(context.Background(), "GET", srv.URL+"/x", nil)
	if err != nil || resp.Status != 200 || len(rec.all()) != 1 {
		t.Fatalf("resp %v, err %v, waits %v: want 200 after one retry", resp, err, rec.all())
	}

	srv.Close() // now nothing listens there
	c, _ = testClient(Config{Token: secret, MaxRetries: 1}, srv.URL)
	_, err = c.Do(context.Background(), "GET", srv.URL+"/x", nil)
	if err == nil || strings.Contains(err.Error(), secret) {
		t.Fatalf("err = %v, want a connection error without the token", err)
	}
}

func TestTokenGoesOnlyToAllowedHosts(t *testing.T) {
	other := newAPIServer(t, map[string][]reply{"/steal": {{status: 200}}})
	api := newAPIServer(t, map[string][]reply{
		"/ok":       {{status: 200}},
		"/redirect": {{status: 302, header: map[string]string{"Location": other.URL + "/steal"}}},
	})
	c, _ := testClient(Config{Token: secret, UserAgent: "mmgen-test/1"}, api.URL+"/base/")
	ctx := context.Background()

	if _, err := c.Do(ctx, "GET", api.URL+"/ok", nil); err != nil {
		t.Fatal(err)
	}
	got := api.requests()[0]
	if got.auth != "Bearer "+secret || got.userAgent != "mmgen-test/1" || got.accept != "application/json" {
		t.Fatalf("allowed host got auth %q, UA %q, accept %q", got.auth, got.userAgent, got.accept)
	}
	for _, u := range []string{other.URL + "/steal", api.URL + "/redirect"} {
		_, err := c.Do(ctx, "GET", u, nil)
		if !errors.Is(err, ErrRefused) || strings.Contains(err.Error(), secret) {
			t.Errorf("GET %s: err = %v, want ErrRefused without the token", u, err)
		}
	}
	if n := len(other.requests()); n != 0 {
		t.Fatalf("the other host got %d requests", n)
	}

	c, _ = testClient(Config{}, api.URL)
	if _, err := c.Do(ctx, "GET", api.URL+"/ok", nil); err != nil {
		t.Fatal(err)
	}
	if auth := api.requests()[len(api.requests())-1].auth; auth != "" {
		t.Fatalf("no token configured, but Authorization was %q", auth)
	}
}

func TestPlainHTTPOnlyToLoopback(t *testing.T) {
	c, _ := testClient(Config{Token: secret}, "http://api.example.com/v1", "https://{{location}}-aiplatform.googleapis.com/v1/")
	_, err := c.Do(context.Background(), "GET", "http://api.example.com/v1/x", nil)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "plain http") {
		t.Fatalf("err = %v, want plain http refused", err)
	}
	for _, tt := range []struct {
		url string
		ok  bool
	}{
		{"https://us-central1-aiplatform.googleapis.com/v1/x", true},
		{"https://US-central1-aiplatform.googleapis.com:443/v1/x", true},
		{"https://evil.com/x?.aiplatform.googleapis.com", false},
		{"https://us-aiplatform.googleapis.com.evil.com/", false},
		{"https://us-central1-aiplatform.googleapis.com@evil.com/", false},
		{"https://a.b-aiplatform.googleapis.com/", false},
		{"ftp://api.example.com/v1", false},
		{"/relative", false},
	} {
		u, _ := url.Parse(tt.url)
		if err := c.checkURL(u); (err == nil) != tt.ok {
			t.Errorf("checkURL(%s) = %v, want ok=%v", tt.url, err, tt.ok)
		}
	}
	for host, want := range map[string]bool{"127.0.0.1": true, "127.9.8.7": true, "::1": true, "[::1]": true,
		"localhost": true, "LOCALHOST": true, "x.localhost": true, "10.0.0.1": false, "example.com": false, "127.0.0.1.nip.io": false} {
		if isLoopback(host) != want {
			t.Errorf("isLoopback(%q) = %v", host, !want)
		}
	}
}

func TestEndpointOverrideKeepsBasePath(t *testing.T) {
	for _, tt := range []struct{ endpoint, base, want string }{
		{"", "https://management.azure.com/", "https://management.azure.com"},
		{"http://127.0.0.1:8080", "https://compute.googleapis.com/compute/v1/", "http://127.0.0.1:8080/compute/v1"},
		{"http://127.0.0.1:8080/prefix/", "https://x.googleapis.com/v1/", "http://127.0.0.1:8080/prefix/v1"},
		{"localhost:9000", "https://management.azure.com", "https://localhost:9000"},
		{"http://127.0.0.1:1", "https://{{location}}-run.googleapis.com/v2/", "http://127.0.0.1:1/v2"},
	} {
		if got := NewClient(Config{Endpoint: tt.endpoint}).BaseURL(tt.base); got != tt.want {
			t.Errorf("endpoint %q, base %q: BaseURL = %q, want %q", tt.endpoint, tt.base, got, tt.want)
		}
	}

	srv := newAPIServer(t, map[string][]reply{"/compute/v1/projects/p": {{status: 200, body: `{"n":12345678901234567890}`}}})
	base := "https://compute.googleapis.com/compute/v1/"
	c, _ := testClient(Config{Endpoint: srv.URL, Token: secret}, base)
	resp, err := c.Do(context.Background(), "GET", c.URL(base, "/projects/p", url.Values{"b": {"2"}, "a": {"1 2"}}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.requests()[0]; got.uri != "/compute/v1/projects/p?a=1+2&b=2" || got.auth != "Bearer "+secret {
		t.Fatalf("server saw %q with auth %q", got.uri, got.auth)
	}
	m, err := resp.JSON()
	if n, ok := m["n"].(json.Number); err != nil || !ok || n.String() != "12345678901234567890" {
		t.Fatalf("JSON() = %#v, %v: want the number kept exactly", m, err)
	}
	if _, err := c.Do(context.Background(), "GET", base+"projects/p", nil); !errors.Is(err, ErrRefused) {
		t.Fatalf("the real host must not be reachable under an override: %v", err)
	}
	if _, err := NewClient(Config{Endpoint: "ftp://x"}, base).Do(context.Background(), "GET", base, nil); err == nil {
		t.Fatal("a bad endpoint must fail every request")
	}
}

func TestURLJoin(t *testing.T) {
	c := NewClient(Config{})
	for _, tt := range []struct {
		base, path string
		q          url.Values
		want       string
	}{
		{"https://h/v1/", "/a/b", nil, "https://h/v1/a/b"},
		{"https://h/v1", "a/b", url.Values{}, "https://h/v1/a/b"},
		{"https://h/v1//", "//a", nil, "https://h/v1/a"},
		{"https://h/v1/", "", nil, "https://h/v1"},
		{"https://h", "x", url.Values{"z": {"1"}, "api-version": {"2024-01-01"}}, "https://h/x?api-version=2024-01-01&z=1"},
	} {
		if got := c.URL(tt.base, tt.path, tt.q); got != tt.want {
			t.Errorf("URL(%q, %q, %v) = %q, want %q", tt.base, tt.path, tt.q, got, tt.want)
		}
	}
}

func TestDoEncodesJSONBody(t *testing.T) {
	srv := newAPIServer(t, map[string][]reply{"/x": {{status: 201}}})
	c, _ := testClient(Config{}, srv.URL)
	if _, err := c.Do(context.Background(), "PUT", srv.URL+"/x", map[string]any{"b": "<tag>", "a": 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(context.Background(), "GET", srv.URL+"/x", nil); err != nil {
		t.Fatal(err)
	}
	reqs := srv.requests()
	if reqs[0].body != `{"a":1,"b":"<tag>"}` || reqs[0].contentType != "application/json" {
		t.Fatalf("PUT sent %q as %q", reqs[0].body, reqs[0].contentType)
	}
	if reqs[1].body != "" || reqs[1].contentType != "" {
		t.Fatalf("GET sent %q as %q", reqs[1].body, reqs[1].contentType)
	}
}

func TestResponseJSON(t *testing.T) {
	for _, tt := range []struct {
		body    string
		wantNil bool
		wantErr bool
	}{{"", true, false}, {"  \n", true, false}, {"null", true, false}, {`{"a":1}`, false, false}, {"[1]", true, true}, {"{", true, true}} {
		m, err := (&Response{Body: []byte(tt.body)}).JSON()
		if (m == nil) != tt.wantNil || (err != nil) != tt.wantErr {
			t.Errorf("JSON(%q) = %v, %v", tt.body, m, err)
		}
	}
}

func TestCanceledContextStopsRetrying(t *testing.T) {
	srv := newAPIServer(t, map[string][]reply{"/x": {{status: 503}}})
	ctx, cancel := context.WithCancel(context.Background())
	c := NewClient(Config{Sleep: func(context.Context, time.Duration) error { cancel(); return context.Canceled }}, srv.URL)
	if _, err := c.Do(ctx, "GET", srv.URL+"/x", nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if err := sleepContext(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("sleepContext on a canceled context = %v", err)
	}
}
