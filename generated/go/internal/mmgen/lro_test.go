// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/lro_test.go
// Template:    go/runtime/lro_test.go
// Regenerate:  make generate  (mmgen generate --specs specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Tests for the long-running operation pollers against a scripted loopback
// server: ARM's two polling styles and provisioningState, Google
// operations, and poll URLs that point somewhere they must not.

package mmgen

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func initial(status int, url string, header map[string]string) *Response {
	h := http.Header{}
	for k, v := range header {
		h.Set(k, v)
	}
	return &Response{Status: status, Header: h, URL: url, Method: "PUT"}
}

func TestWaitARMAsyncOperation(t *testing.T) {
	running := reply{status: 200, body: `{"status":"InProgress"}`}
	tests := []struct {
		name     string
		replies  []reply
		wantErr  *OperationError
		wantPoll int
	}{
		{"succeeded", []reply{running, running, {status: 200, body: `{"status":"Succeeded"}`}}, nil, 3},
		{"case-insensitive", []reply{{status: 200, body: `{"status":"succeeded"}`}}, nil, 1},
		{"failed with body.error", []reply{running, {status: 200, body: `{"status":"Failed","error":{"code":"Conflict","message":"boom"}}`}},
			&OperationError{Status: "Failed", Code: "Conflict", Message: "boom"}, 2},
		{"failed with properties.error", []reply{{status: 200, body: `{"status":"Failed","properties":{"error":{"code":"Quota","message":"none left"}}}`}},
			&OperationError{Status: "Failed", Code: "Quota", Message: "none left"}, 1},
		{"cancelled", []reply{{status: 200, body: `{"status":"Cancelled"}`}},
			&OperationError{Status: "Cancelled", Message: "the operation ended with status Cancelled"}, 1},
		{"canceled", []reply{{status: 200, body: `{"status":"Canceled"}`}},
			&OperationError{Status: "Canceled", Message: "the operation ended with status Canceled"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, map[string][]reply{"/op": tt.replies})
			c, rec := testClient(Config{Token: secret, PollInterval: 2 * time.Second, MinWait: 10 * time.Millisecond}, srv.URL)
			init := initial(201, srv.URL+"/res", map[string]string{"Azure-AsyncOperation": "/op", "Retry-After": "0"})
			err := c.WaitARM(context.Background(), init, false)
			var oe *OperationError
			switch {
			case tt.wantErr == nil && err != nil:
				t.Fatalf("err = %v", err)
			case tt.wantErr != nil && (!errors.As(err, &oe) || *oe != *tt.wantErr):
				t.Fatalf("err = %#v, want %#v", err, tt.wantErr)
			}
			reqs := srv.requests()
			if len(reqs) != tt.wantPoll || reqs[0].auth != "Bearer "+secret {
				t.Fatalf("%d polls (auth %q), want %d", len(reqs), reqs[0].auth, tt.wantPoll)
			}
			// The first wait follows the initial Retry-After: 0 (the floor); later ones the poll interval.
			want := []time.Duration{10 * time.Millisecond}
			for range tt.wantPoll - 1 {
				want = append(want, 2*time.Second)
			}
			if !slices.Equal(rec.all(), want) {
				t.Fatalf("waits %v, want %v", rec.all(), want)
			}
		})
	}
}

func TestWaitARMLocation(t *testing.T) {
	accepted := reply{status: 202, header: map[string]string{"Retry-After": "1"}}
	tests := []struct {
		name     string
		replies  []reply
		deleting bool
		notFound bool // want an APIError 404
		wantErr  bool
	}{
		{"202 then 200", []reply{accepted, accepted, {status: 200, body: `{}`}}, false, false, false},
		{"204 when deleting", []reply{accepted, {status: 204}}, true, false, false},
		{"404 when deleting is done", []reply{accepted, {status: 404}}, true, false, false},
		{"404 when creating is an error", []reply{{status: 404}}, false, true, true},
		{"400 is an error", []reply{{status: 400, body: `{"error":{"code":"Bad","message":"no"}}`}}, false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, map[string][]reply{"/result": tt.replies})
			c, rec := testClient(Config{MinWait: 5 * time.Millisecond}, srv.URL)
			init := initial(202, srv.URL+"/res", map[string]string{"Location": srv.URL + "/result"})
			err := c.WaitARM(context.Background(), init, tt.deleting)
			if (err != nil) != tt.wantErr || IsNotFound(err) != tt.notFound {
				t.Fatalf("err = %v", err)
			}
			if len(srv.requests()) != len(tt.replies) {
				t.Fatalf("%d polls, want %d", len(srv.requests()), len(tt.replies))
			}
			// The initial answer has no hint (the poll interval); each 202 asks for 1s.
			want := []time.Duration{DefaultPollInterval}
			for range len(tt.replies) - 1 {
				want = append(want, time.Second)
			}
			if !slices.Equal(rec.all(), want) {
				t.Fatalf("waits %v, want %v", rec.all(), want)
			}
		})
	}
}

func TestWaitARMNothingToWaitFor(t *testing.T) {
	srv := newAPIServer(t, nil)
	c, _ := testClient(Config{}, srv.URL)
	for _, init := range []*Response{
		initial(200, srv.URL+"/res", nil),
		initial(201, srv.URL+"/res", map[string]string{"Location": srv.URL + "/x"}), // Location counts only on 202
	} {
		if err := c.WaitARM(context.Background(), init, false); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.WaitARM(context.Background(), initial(409, srv.URL, nil), false); err == nil {
		t.Fatal("an initial 409 must be an error")
	}
	if err := c.WaitARM(context.Background(), initial(404, srv.URL, nil), true); err != nil {
		t.Fatalf("deleting what is gone: %v", err)
	}
	if err := c.WaitARM(context.Background(), initial(404, srv.URL, nil), false); !IsNotFound(err) {
		t.Fatalf("an initial 404 when not deleting: %v", err)
	}
	if n := len(srv.requests()); n != 0 {
		t.Fatalf("%d requests, want none", n)
	}
}

func TestPollURLToAnotherHostIsRefused(t *testing.T) {
	evil := newAPIServer(t, map[string][]reply{"/op": {{status: 200, body: `{"status":"Succeeded","done":true}`}}})
	api := newAPIServer(t, nil)
	c, _ := testClient(Config{Token: secret}, api.URL)
	ctx := context.Background()
	for _, h := range []map[string]string{{"Azure-AsyncOperation": evil.URL + "/op"}, {"Location": evil.URL + "/op"}} {
		if err := c.WaitARM(ctx, initial(202, api.URL+"/res", h), false); !errors.Is(err, ErrRefused) {
			t.Errorf("%v: err = %v, want ErrRefused", h, err)
		}
	}
	op := &Response{Status: 200, URL: api.URL + "/res", Body: []byte(`{"name":"` + evil.URL + `/op"}`)}
	if _, err := c.WaitGoogleOperation(ctx, op, api.URL); !errors.Is(err, ErrRefused) {
		t.Errorf("google: err = %v, want ErrRefused", err)
	}
	if n := len(evil.requests()); n != 0 {
		t.Fatalf("the other host got %d requests", n)
	}
}

func TestPollURLMovedOntoEndpoint(t *testing.T) {
	srv := newAPIServer(t, map[string][]reply{"/sub/op": {{status: 200, body: `{"status":"Succeeded"}`}}})
	c, _ := testClient(Config{Endpoint: srv.URL, Token: secret}, "https://management.azure.com/")
	init := initial(201, srv.URL+"/res", map[string]string{"Azure-AsyncOperation": "https://management.azure.com/sub/op?api-version=1"})
	if err := c.WaitARM(context.Background(), init, false); err != nil {
		t.Fatal(err)
	}
	if got := srv.requests(); len(got) != 1 || got[0].uri != "/sub/op?api-version=1" {
		t.Fatalf("requests %v", got)
	}
}

func TestPollDeadlineFailsWithoutSleeping(t *testing.T) {
	srv := newAPIServer(t, map[string][]reply{"/op": {{status: 200, body: `{"status":"InProgress"}`}}})
	c, rec := testClient(Config{PollInterval: time.Minute}, srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	err := c.WaitARM(ctx, initial(201, srv.URL+"/res", map[string]string{"Azure-AsyncOperation": srv.URL + "/op"}), false)
	if !errors.Is(err, context.DeadlineExceeded) || len(rec.all()) != 0 {
		t.Fatalf("err = %v, waits %v: want an immediate timeout", err, rec.all())
	}
}

func TestWaitProvisioning(t *testing.T) {
	state := func(s string) reply {
		return reply{status: 200, body: `{"id":"x","properties":{"provisioningState":"` + s + `"}}`}
	}
	tests := []struct {
		name     string
		replies  []reply
		wantErr  string
		requests int
	}{
		{"polls until Succeeded", []reply{state("Creating"), state("Updating"), state("Succeeded")}, "", 3},
		{"absent state is done", []reply{{status: 200, body: `{"id":"x","properties":{}}`}}, "", 1},
		{"empty body is done", []reply{{status: 200}}, "", 1},
		{"Failed", []reply{state("Accepted"), {status: 200, body: `{"properties":{"provisioningState":"Failed","error":{"code":"Boom","message":"bad"}}}`}},
			"operation failed (status Failed): Boom: bad", 2},
		{"404", []reply{{status: 404, body: `{"error":{"code":"ResourceNotFound","message":"gone"}}`}}, "HTTP 404 ResourceNotFound: gone", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, map[string][]reply{"/res": tt.replies})
			c, rec := testClient(Config{PollInterval: 3 * time.Second}, srv.URL)
			err := c.WaitProvisioning(context.Background(), srv.URL+"/res")
			if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if len(srv.requests()) != tt.requests || len(rec.all()) != tt.requests-1 {
				t.Fatalf("%d requests and waits %v", len(srv.requests()), rec.all())
			}
		})
	}
}

func TestWaitGoogleOperation(t *testing.T) {
	tests := []struct {
		name     string
		initial  string
		polls    []reply
		wantResp string // a key of the returned response
		wantCode string // OperationError code
		notFound bool
	}{
		{"done at once", `{"name":"operations/1","done":true,"response":{"id":"r1"}}`, nil, "id", "", false},
		{"polled until done", `{"name":"operations/1","metadata":{}}`, []reply{
			{status: 200, body: `{"name":"operations/1","done":false}`},
			{status: 200, body: `{"name":"operations/1","done":true,"response":{"selfLink":"s"}}`}}, "selfLink", "", false},
		{"done without response", `{"name":"operations/1"}`, []reply{{status: 200, body: `{"name":"operations/1","done":true}`}}, "", "", false},
		{"error with numeric code", `{"name":"operations/1"}`, []reply{
			{status: 200, body: `{"name":"operations/1","done":true,"error":{"code":5,"message":"gone"}}`}}, "", "NOT_FOUND", true},
		{"error with status", `{"name":"operations/1","done":true,"error":{"code":409,"status":"ALREADY_EXISTS","message":"dup"}}`, nil, "", "ALREADY_EXISTS", false},
		{"compute style", `{"kind":"compute#operation","name":"operations/1","status":"RUNNING"}`, []reply{
			{status: 200, body: `{"name":"operations/1","status":"DONE","error":{"errors":[{"code":"QUOTA_EXCEEDED","message":"quota"}]}}`}}, "", "QUOTA_EXCEEDED", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newAPIServer(t, map[string][]reply{"/v1/operations/1": tt.polls})
			c, rec := testClient(Config{PollInterval: time.Second}, srv.URL+"/v1/")
			init := &Response{Status: 200, Body: []byte(tt.initial), URL: srv.URL + "/v1/things", Method: "POST"}
			resp, err := c.WaitGoogleOperation(context.Background(), init, c.BaseURL(srv.URL+"/v1/"))
			var oe *OperationError
			if tt.wantCode != "" {
				if !errors.As(err, &oe) || oe.Code != tt.wantCode || IsNotFound(err) != tt.notFound {
					t.Fatalf("err = %v, want code %s", err, tt.wantCode)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if _, ok := resp[tt.wantResp]; (tt.wantResp != "") != ok {
				t.Fatalf("response %v, want key %q", resp, tt.wantResp)
			}
			if len(srv.requests()) != len(tt.polls) || len(rec.all()) != len(tt.polls) {
				t.Fatalf("%d polls and waits %v, want %d", len(srv.requests()), rec.all(), len(tt.polls))
			}
		})
	}
}

func TestWaitGoogleOperationBadInput(t *testing.T) {
	c, _ := testClient(Config{}, "https://x.googleapis.com/v1/")
	ctx := context.Background()
	for _, body := range []string{`{"metadata":{}}`, `{"name":"operations/1"}`} {
		if _, err := c.WaitGoogleOperation(ctx, &Response{Status: 200, Body: []byte(body)}, ""); err == nil {
			t.Errorf("%s with no opBase: want an error", body)
		}
	}
	if r, err := c.WaitGoogleOperation(ctx, &Response{Status: 204}, ""); r != nil || err != nil {
		t.Errorf("empty body: %v, %v", r, err)
	}
}

func TestWaitGoogleOperationAtPollsWhereTheSpecSays(t *testing.T) {
	srv := newAPIServer(t, map[string][]reply{
		"/v1/projects/p/regions/r/operations/op-7": {{status: 200, body: `{"name":"op-7","done":true,"response":{"name":"g-1"}}`}},
	})
	c, _ := testClient(Config{PollInterval: time.Second}, srv.URL+"/v1/")
	init := &Response{Status: 200, Body: []byte(`{"name":"op-7","status":"RUNNING"}`), URL: srv.URL + "/v1/things", Method: "POST"}
	var asked []string
	resp, err := c.WaitGoogleOperationAt(context.Background(), init, c.BaseURL(srv.URL+"/v1/"), func(name string) (string, error) {
		asked = append(asked, name)
		return srv.URL + "/v1/projects/p/regions/r/operations/" + name, nil
	})
	if err != nil || resp["name"] != "g-1" {
		t.Fatalf("response %v, err %v", resp, err)
	}
	if !reflect.DeepEqual(asked, []string{"op-7"}) || len(srv.requests()) != 1 {
		t.Fatalf("asked %v, %d requests", asked, len(srv.requests()))
	}
	// A URL the function cannot build is the wait's error, before any request.
	_, err = c.WaitGoogleOperationAt(context.Background(), init, "", func(string) (string, error) {
		return "", errors.New("no region")
	})
	if err == nil || err.Error() != "no region" || len(srv.requests()) != 1 {
		t.Fatalf("err %v after %d requests", err, len(srv.requests()))
	}
}

func TestReadField(t *testing.T) {
	srv := newAPIServer(t, map[string][]reply{
		"/v1/things/a": {{status: 200, body: `{"name":"a","labelFingerprint":"fp-1"}`}, {status: 200, body: `{"name":"a"}`}},
		"/v1/things/b": {{status: 404, body: `{"error":{"code":404,"message":"gone"}}`}},
	})
	c, _ := testClient(Config{MaxRetries: -1}, srv.URL+"/v1/")
	ctx := context.Background()
	if v, err := c.ReadField(ctx, "GET", srv.URL+"/v1/things/a", "labelFingerprint"); err != nil || v != "fp-1" {
		t.Fatalf("got %v, %v", v, err)
	}
	if v, err := c.ReadField(ctx, "GET", srv.URL+"/v1/things/a", "labelFingerprint"); err != nil || v != nil {
		t.Fatalf("absent: got %v, %v", v, err)
	}
	if _, err := c.ReadField(ctx, "GET", srv.URL+"/v1/things/b", "labelFingerprint"); !IsNotFound(err) {
		t.Fatalf("404: got %v", err)
	}
}
