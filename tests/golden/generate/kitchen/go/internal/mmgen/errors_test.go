// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/errors_test.go
// Template:    go/runtime/errors_test.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// Tests for reading API errors of both styles and for the error types'
// relations (IsNotFound, errors.Is for timeouts).

package mmgen

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestErrorFromResponse(t *testing.T) {
	long := strings.Repeat("x", 600)
	for _, tt := range []struct {
		name, body, wantCode, wantMsg string
		status                        int
	}{
		{"ARM", `{"error":{"code":"ResourceNotFound","message":"The resource was not found."}}`, "ResourceNotFound", "The resource was not found.", 404},
		{"Google", `{"error":{"code":404,"message":"Not found: x","status":"NOT_FOUND"}}`, "NOT_FOUND", "Not found: x", 404},
		{"Google without status", `{"error":{"code":403,"message":"denied"}}`, "403", "denied", 403},
		{"top level", `{"code":"Conflict","message":"busy"}`, "Conflict", "busy", 409},
		{"OAuth style", `{"error":"invalid_token","error_description":"expired"}`, "invalid_token", "expired", 401},
		{"plain text", "upstream connect error", "", "upstream connect error", 502},
		{"long body is cut", long, "", long[:500], 500},
		{"empty body", "", "", "Service Unavailable", 503},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := ErrorFromResponse(&Response{Status: tt.status, Body: []byte(tt.body), Method: "GET", URL: "https://h/x"})
			if e.Code != tt.wantCode || e.Message != tt.wantMsg || e.Status != tt.status {
				t.Fatalf("got %+v", e)
			}
		})
	}
}

func TestAPIErrorText(t *testing.T) {
	for _, tt := range []struct {
		e    APIError
		want string
	}{
		{APIError{404, "NotFound", "message", "GET", "https://h/x"}, "GET https://h/x: HTTP 404 NotFound: message"},
		{APIError{500, "", "oops", "PUT", "https://h/x"}, "PUT https://h/x: HTTP 500: oops"},
		{APIError{400, "Bad", "", "POST", "https://h/x"}, "POST https://h/x: HTTP 400 Bad"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestCheckResponseAndIsNotFound(t *testing.T) {
	r404 := &Response{Status: 404, Method: "GET", URL: "https://h/x"}
	for _, tt := range []struct {
		r      *Response
		accept []int
		isErr  bool
	}{
		{&Response{Status: 200}, nil, false},
		{&Response{Status: 302}, nil, false},
		{r404, nil, true},
		{r404, []int{404}, false},
		{&Response{Status: 500}, []int{404}, true},
		{nil, nil, true},
	} {
		if err := CheckResponse(tt.r, tt.accept...); (err != nil) != tt.isErr {
			t.Errorf("CheckResponse(%v, %v) = %v", tt.r, tt.accept, err)
		}
	}
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{CheckResponse(r404), true},
		{fmt.Errorf("reading: %w", CheckResponse(r404)), true},
		{CheckResponse(&Response{Status: 403}), false},
		{&OperationError{Code: "NOT_FOUND"}, true},
		{&OperationError{Code: "Conflict"}, false},
		{errors.New("404"), false},
		{nil, false},
	} {
		if got := IsNotFound(tt.err); got != tt.want {
			t.Errorf("IsNotFound(%v) = %v", tt.err, got)
		}
	}
}

func TestTimeoutErrorIsDeadlineExceeded(t *testing.T) {
	last := &APIError{Status: 503, Method: "GET", URL: "u"}
	err := fmt.Errorf("create: %w", &TimeoutError{Operation: "GET u", Last: last})
	var ae *APIError
	if !errors.Is(err, context.DeadlineExceeded) || !errors.As(err, &ae) || ae != last {
		t.Fatalf("%v: want DeadlineExceeded and the last APIError in the chain", err)
	}
	if !strings.Contains(err.Error(), "timed out") || !strings.Contains(err.Error(), "HTTP 503") {
		t.Fatalf("text %q", err)
	}
}
