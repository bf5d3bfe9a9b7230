// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/errors.go
// Template:    go/runtime/errors.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// This file holds the error types generated code branches on: a failed HTTP
// call (APIError), a long-running operation that ended badly
// (OperationError) and a deadline (TimeoutError). ARM and Google shape error
// bodies differently; both are read here so diagnostics show the API's own
// code and message rather than raw JSON.

package mmgen

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// APIError is an HTTP response with status >= 400.
type APIError struct {
	Status  int
	Code    string
	Message string
	Method  string
	URL     string
}

// Error reads "GET <url>: HTTP 404 NotFound: message".
func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: HTTP %d", e.Method, e.URL, e.Status)
	if e.Code != "" {
		b.WriteString(" " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	return b.String()
}

// ErrorFromResponse reads the error out of r's body: ARM's
// {"error":{"code","message"}}, Google's {"error":{"code":404,"message",
// "status":"NOT_FOUND"}} (status wins as Code), a top-level {"code","message"},
// or else the first 500 bytes of the body.
func ErrorFromResponse(r *Response) *APIError {
	if r == nil {
		return &APIError{Message: "no response"}
	}
	e := &APIError{Status: r.Status, Method: r.Method, URL: r.URL}
	m, _ := r.JSON() // a body that is not JSON falls through to the raw text
	if obj, ok := Object(m["error"]); ok {
		e.Code, e.Message = errorCodeMessage(obj)
	} else if s, ok := m["error"].(string); ok {
		e.Code = s
		e.Message, _ = m["error_description"].(string)
	} else if m != nil {
		e.Code, e.Message = errorCodeMessage(m)
	}
	if e.Code == "" && e.Message == "" {
		e.Message = bodySnippet(r.Body)
		if e.Message == "" {
			e.Message = http.StatusText(r.Status)
		}
	}
	return e
}

// errorCodeMessage reads one error object of either style.
func errorCodeMessage(obj map[string]any) (code, message string) {
	if s, ok := obj["status"].(string); ok && s != "" {
		code = s
	} else if v, ok := obj["code"]; ok && v != nil {
		code, _ = coerceString(v)
	}
	message, _ = obj["message"].(string)
	if message == "" { // Google compute: {"errors":[{"code","message"}]}
		var msgs []string
		if list, ok := obj["errors"].([]any); ok {
			for i, it := range list {
				item, _ := Object(it)
				c, m := errorCodeMessage(item)
				if i == 0 && code == "" {
					code = c
				}
				if m != "" {
					msgs = append(msgs, m)
				}
			}
		}
		message = strings.Join(msgs, "; ")
	}
	return code, message
}

func bodySnippet(body []byte) string {
	if len(body) > 500 {
		body = body[:500]
	}
	return strings.TrimSpace(strings.ToValidUTF8(string(body), ""))
}

// CheckResponse returns nil when r's status is below 400 or listed in
// accept, and an *APIError otherwise.
func CheckResponse(r *Response, accept ...int) error {
	if r == nil {
		return &APIError{Message: "no response"}
	}
	if r.Status < 400 || slices.Contains(accept, r.Status) {
		return nil
	}
	return ErrorFromResponse(r)
}

// IsNotFound reports whether err is an HTTP 404, or an operation that failed
// because its target is gone.
func IsNotFound(err error) bool {
	if ae, ok := errors.AsType[*APIError](err); ok {
		return ae.Status == http.StatusNotFound
	}
	if oe, ok := errors.AsType[*OperationError](err); ok {
		switch strings.ToLower(oe.Code) {
		case "notfound", "not_found", "resourcenotfound":
			return true
		}
	}
	return false
}

// OperationError is a long-running operation that ended Failed or Canceled
// (ARM), or a Google operation that is done with an "error".
type OperationError struct {
	Status  string
	Code    string
	Message string
}

func (e *OperationError) Error() string {
	s := "operation failed"
	if e.Status != "" {
		s += " (status " + e.Status + ")"
	}
	if e.Code != "" {
		s += ": " + e.Code
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// TimeoutError is a deadline that passed, or would pass, before an operation
// ended. errors.Is(err, context.DeadlineExceeded) holds for it, so callers
// can treat it like any context timeout.
type TimeoutError struct {
	Operation string        // what was being done, e.g. "GET <url>"
	Wait      time.Duration // the wait that would have passed the deadline, 0 when it already passed
	Last      error         // the last retryable failure seen, if any
}

func (e *TimeoutError) Error() string {
	s := e.Operation + ": timed out"
	if e.Wait > 0 {
		s += fmt.Sprintf(" (the next attempt, in %s, would be after the deadline)", e.Wait)
	}
	if e.Last != nil {
		s += "; last error: " + e.Last.Error()
	}
	return s
}

// Unwrap gives context.DeadlineExceeded and the last failure.
func (e *TimeoutError) Unwrap() []error {
	if e.Last == nil {
		return []error{context.DeadlineExceeded}
	}
	return []error{context.DeadlineExceeded, e.Last}
}
