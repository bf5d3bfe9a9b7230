// This file holds the long-running operation pollers for ARM and Google. Both
// APIs answer a write before the work is done and tell the client where to
// ask again; the poll URLs come from the server, so each goes through the
// host allow list before any request (and token) is sent.

package mmgen

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

type armState int

const (
	armRunning armState = iota
	armSucceeded
	armFailed
)

func armStatus(s string) armState {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "succeeded":
		return armSucceeded
	case "failed", "canceled", "cancelled":
		return armFailed
	}
	return armRunning
}

// WaitARM waits for the ARM operation that initial (a 200/201/202 answer to
// a write) started. With Azure-AsyncOperation (or Operation-Location) it polls
// that URL until its "status" is terminal; else, on a 202 with Location, it
// polls that URL until the answer is no longer 202 (a 404 is success when
// deleting). Without either header there is nothing to wait for. A delete
// answered 404 is already done.
func (c *Client) WaitARM(ctx context.Context, initial *Response, deleting bool) error {
	if deleting && initial != nil && initial.Status == http.StatusNotFound {
		return nil
	}
	if err := CheckResponse(initial); err != nil {
		return err
	}
	async := initial.Header.Get("Azure-AsyncOperation")
	if async == "" {
		async = initial.Header.Get("Operation-Location")
	}
	if async != "" {
		u, err := c.pollURL(initial.URL, async)
		if err != nil {
			return err
		}
		return c.pollAsyncOperation(ctx, u, initial)
	}
	if loc := initial.Header.Get("Location"); loc != "" && initial.Status == http.StatusAccepted {
		u, err := c.pollURL(initial.URL, loc)
		if err != nil {
			return err
		}
		return c.pollLocation(ctx, u, initial, deleting)
	}
	return nil
}

func (c *Client) pollAsyncOperation(ctx context.Context, u string, last *Response) error {
	op := "waiting for operation " + u
	for {
		if err := c.pollWait(ctx, op, last); err != nil {
			return err
		}
		r, err := c.Do(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		if err := CheckResponse(r); err != nil {
			return err
		}
		m, err := r.JSON()
		if err != nil {
			return err
		}
		status, _ := m["status"].(string)
		switch armStatus(status) {
		case armSucceeded:
			return nil
		case armFailed:
			return armOperationError(status, m)
		}
		last = r
	}
}

func (c *Client) pollLocation(ctx context.Context, u string, last *Response, deleting bool) error {
	op := "waiting for operation " + u
	for {
		if err := c.pollWait(ctx, op, last); err != nil {
			return err
		}
		r, err := c.Do(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		switch {
		case r.Status == http.StatusAccepted:
			last = r
		case deleting && r.Status == http.StatusNotFound:
			return nil
		case r.Status >= 400:
			return ErrorFromResponse(r)
		default:
			return nil
		}
	}
}

// armOperationError reads the failure from body.error or
// body.properties.error, whichever is there.
func armOperationError(status string, m map[string]any) *OperationError {
	e := &OperationError{Status: status}
	obj, ok := Object(m["error"])
	if !ok {
		v, _ := Get(m, "properties", "error")
		obj, ok = Object(v)
	}
	if ok {
		e.Code, e.Message = errorCodeMessage(obj)
	}
	if e.Code == "" && e.Message == "" {
		e.Message = "the operation ended with status " + status
	}
	return e
}

// WaitProvisioning polls an ARM resource after create or update until its
// properties.provisioningState is absent or terminal. Some resources report
// their progress only there, after the operation itself has succeeded.
func (c *Client) WaitProvisioning(ctx context.Context, resourceURL string) error {
	op := "waiting for provisioning of " + resourceURL
	var last *Response
	for {
		if last != nil {
			if err := c.pollWait(ctx, op, last); err != nil {
				return err
			}
		}
		r, err := c.Do(ctx, http.MethodGet, resourceURL, nil)
		if err != nil {
			return err
		}
		if err := CheckResponse(r); err != nil {
			return err
		}
		m, err := r.JSON()
		if err != nil {
			return err
		}
		v, _ := Get(m, "properties", "provisioningState")
		state, _ := v.(string)
		if state == "" {
			return nil
		}
		switch armStatus(state) {
		case armSucceeded:
			return nil
		case armFailed:
			return armOperationError(state, m)
		}
		last = r
	}
}

// WaitGoogleOperation waits for the Google Operation in initial's body
// ({"name","done","error","response"}; compute's {"status":"DONE"} too). A
// pending one is polled at opBase/<name> (an absolute name is used as it is)
// until done. It returns the operation's "response" object, which may be nil.
func (c *Client) WaitGoogleOperation(ctx context.Context, initial *Response, opBase string) (map[string]any, error) {
	return c.WaitGoogleOperationAt(ctx, initial, opBase, nil)
}

// WaitGoogleOperationAt is WaitGoogleOperation for APIs that say where their
// operations are polled: pollAt(name) is the URL of the operation name (a
// spec's operation URL template). A nil pollAt polls at opBase/<name>; an
// absolute name is used as it is either way.
func (c *Client) WaitGoogleOperationAt(ctx context.Context, initial *Response, opBase string, pollAt func(name string) (string, error)) (map[string]any, error) {
	if err := CheckResponse(initial); err != nil {
		return nil, err
	}
	opm, err := initial.JSON()
	if err != nil {
		return nil, err
	}
	last := initial
	for {
		if opm == nil {
			return nil, nil
		}
		if googleDone(opm) {
			return googleResult(opm)
		}
		u, err := c.googlePollURL(opm, opBase, last.URL, pollAt)
		if err != nil {
			return nil, err
		}
		if err := c.pollWait(ctx, "waiting for operation "+u, last); err != nil {
			return nil, err
		}
		r, err := c.Do(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, err
		}
		if err := CheckResponse(r); err != nil {
			return nil, err
		}
		if opm, err = r.JSON(); err != nil {
			return nil, err
		}
		last = r
	}
}

func (c *Client) googlePollURL(opm map[string]any, opBase, ref string, pollAt func(string) (string, error)) (string, error) {
	name, _ := opm["name"].(string)
	if name == "" {
		return "", errors.New("the response is not a pending operation: it has no \"name\"")
	}
	if strings.HasPrefix(name, "https://") || strings.HasPrefix(name, "http://") {
		return c.pollURL(ref, name)
	}
	if pollAt != nil {
		u, err := pollAt(name)
		if err != nil {
			return "", err
		}
		return c.pollURL(ref, u)
	}
	if opBase == "" {
		if self, ok := opm["selfLink"].(string); ok && self != "" {
			return c.pollURL(ref, self)
		}
		return "", fmt.Errorf("operation %q: no operation base URL to poll it at", name)
	}
	return c.pollURL(ref, strings.TrimRight(opBase, "/")+"/"+strings.TrimLeft(name, "/"))
}

func googleDone(opm map[string]any) bool {
	switch d := opm["done"].(type) {
	case bool:
		if d {
			return true
		}
	case string:
		if strings.EqualFold(d, "true") {
			return true
		}
	}
	s, _ := opm["status"].(string)
	return strings.EqualFold(s, "DONE")
}

// grpcCodes names google.rpc.Code values, which operation errors carry as
// numbers; the names are what users search for and IsNotFound checks.
var grpcCodes = [...]string{"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
	"NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
	"ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"}

func grpcCodeName(code string) string {
	if n, err := strconv.Atoi(code); err == nil && n >= 0 && n < len(grpcCodes) {
		return grpcCodes[n]
	}
	return code
}

func googleResult(opm map[string]any) (map[string]any, error) {
	if e, ok := Object(opm["error"]); ok {
		oe := &OperationError{Status: "DONE"}
		oe.Code, oe.Message = errorCodeMessage(e)
		if _, hasStatus := e["status"]; !hasStatus {
			oe.Code = grpcCodeName(oe.Code)
		}
		return nil, oe
	}
	resp, _ := Object(opm["response"])
	return resp, nil
}

// pollWait waits before the next poll: the server's hint from the last
// answer, else PollInterval, never under the floor.
func (c *Client) pollWait(ctx context.Context, op string, last *Response) error {
	d := c.poll
	if last != nil {
		if hint, ok := retryHint(last.Header, c.now()); ok {
			d = hint
		}
	}
	return c.wait(ctx, op, d, nil)
}

// ReadField reads the resource at u with verb and returns its top-level
// field key (nil when absent): the fingerprint an update call must send back.
func (c *Client) ReadField(ctx context.Context, verb, u, key string) (any, error) {
	r, err := c.Do(ctx, verb, u, nil)
	if err != nil {
		return nil, err
	}
	if err := CheckResponse(r); err != nil {
		return nil, err
	}
	m, err := r.JSON()
	if err != nil {
		return nil, err
	}
	return m[key], nil
}
