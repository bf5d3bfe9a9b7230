// ----------------------------------------------------------------------------
//
//     ***     AUTO GENERATED CODE    ***    Type: mmgen     ***
//
// DO NOT EDIT: this file is rewritten from its spec on every run of mmgen;
// hand edits are overwritten. Change the spec (or its custom code) instead.
//
// Source spec: templates/go/runtime/helpers_test.go
// Template:    go/runtime/helpers_test.go
// Regenerate:  make generate  (mmgen generate --specs gen-specs/ --out generated/)
//
// ----------------------------------------------------------------------------
// This file holds the test doubles shared by the tests: a scripted loopback
// API server that records what it was sent, and a sleep that only records,
// so retry and polling tests run in milliseconds.

package mmgen

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// reply is one scripted answer.
type reply struct {
	status int
	header map[string]string
	body   string
}

// seen is one request the server received.
type seen struct {
	method, uri, auth, contentType, accept, userAgent, body string
}

// apiServer answers each path with its scripted replies in order, repeating
// the last one; unknown paths get 404.
type apiServer struct {
	*httptest.Server
	mu      sync.Mutex
	routes  map[string][]reply
	served  map[string]int
	records []seen
}

func newAPIServer(t *testing.T, routes map[string][]reply) *apiServer {
	t.Helper()
	s := &apiServer{routes: routes, served: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(s.Close)
	return s
}

func (s *apiServer) handle(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.records = append(s.records, seen{
		method: r.Method, uri: r.RequestURI, auth: r.Header.Get("Authorization"),
		contentType: r.Header.Get("Content-Type"), accept: r.Header.Get("Accept"),
		userAgent: r.Header.Get("User-Agent"), body: string(body),
	})
	replies := s.routes[r.URL.Path]
	n := s.served[r.URL.Path]
	s.served[r.URL.Path] = n + 1
	s.mu.Unlock()
	if len(replies) == 0 {
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":{"code":"NotFound","message":"no route"}}`)
		return
	}
	rep := replies[min(n, len(replies)-1)]
	if rep.status == -1 { // drop the connection: a transport error for the client
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
		return
	}
	for k, v := range rep.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(rep.status)
	_, _ = io.WriteString(w, rep.body)
}

func (s *apiServer) requests() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seen(nil), s.records...)
}

// sleepRecorder stands in for time.Sleep.
type sleepRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (r *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.waits = append(r.waits, d)
	r.mu.Unlock()
	return ctx.Err()
}

func (r *sleepRecorder) all() []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Duration(nil), r.waits...)
}

// testClient builds a client whose sleeps are recorded and whose backoff has
// no jitter.
func testClient(cfg Config, bases ...string) (*Client, *sleepRecorder) {
	rec := &sleepRecorder{}
	cfg.Sleep = rec.sleep
	c := NewClient(cfg, bases...)
	c.jitter = func(int64) int64 { return 0 }
	return c, rec
}
