package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/claimboard/claimboard/internal/testdb"
	"github.com/claimboard/claimboard/models"
)

// A write to one metric's claims, made through another connection pool
// (standing in for another server process), drops that metric's pages and the
// pages that span metrics on the next request, and leaves every other
// metric's pages cached: the same bytes, served from memory (X-Cache: hit),
// with the same ETag, so a browser's conditional GET still gets 304.
func TestWriteToOneMetricKeepsOtherMetricsPagesCached(t *testing.T) {
	testdb.Dialects(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		s := mustSite(t, dsn)
		other := testdb.MustOpen(t, dsn)
		latency := []string{"/leaderboards/latency", "/leaderboards/latency.csv", "/api/v1/leaderboards/latency",
			"/leaderboards/latency/feed.atom", "/leaderboards/latency?sort=date"}
		fps := []string{"/leaderboards/fps", "/leaderboards/fps.csv", "/api/v1/leaderboards/fps", "/leaderboards/fps?sort=date"}
		spanning := []string{"/", "/hardware", "/api/v1/metrics", "/feed.atom"}
		get := func(target string, header ...string) *httptest.ResponseRecorder {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, target, nil)
			if len(header) == 2 {
				req.Header.Set(header[0], header[1])
			}
			s.e.ServeHTTP(rec, req)
			return rec
		}
		type seen struct{ body, etag string }
		warm := map[string]seen{}
		for _, target := range append(append(append([]string{}, latency...), fps...), spanning...) {
			first := get(target)
			again := get(target)
			if first.Code != 200 || first.Header().Get("X-Cache") != "miss" || again.Header().Get("X-Cache") != "hit" {
				t.Fatalf("GET %s twice: %d, X-Cache %q then %q; want 200, miss then hit",
					target, first.Code, first.Header().Get("X-Cache"), again.Header().Get("X-Cache"))
			}
			warm[target] = seen{again.Body.String(), again.Header().Get("ETag")}
		}

		writes := []struct {
			name  string
			write func() error
		}{
			{"a new fps claim", func() error {
				abs := "We reach 4242 FPS on a GPU."
				_, err := other.SavePapers(ctx, []models.PaperInput{{Title: "Written elsewhere", Abstract: abs,
					Claims: []models.ClaimInput{{Metric: "fps", Value: 4242, Unit: "FPS", Evidence: "4242 FPS", EvidenceStart: 9, EvidenceEnd: 17}}}})
				return err
			}},
			{"a task on an fps paper", func() error {
				p, err := other.FindPaper(ctx, "", "Fast Gaussian Rendering")
				if err != nil {
					return err
				}
				return other.SetPaperTasks(ctx, p.ID, []string{"gaussian-splatting"})
			}},
		}
		for i, w := range writes {
			if err := w.write(); err != nil {
				t.Fatalf("%s: %v", w.name, err)
			}
			for _, target := range latency {
				rec := get(target)
				if rec.Header().Get("X-Cache") != "hit" || rec.Body.String() != warm[target].body {
					t.Errorf("after %s: GET %s: X-Cache %q, same body %v; want the cached copy",
						w.name, target, rec.Header().Get("X-Cache"), rec.Body.String() == warm[target].body)
				}
				if etag := warm[target].etag; etag != "" {
					if rec := get(target, "If-None-Match", etag); rec.Code != http.StatusNotModified {
						t.Errorf("after %s: conditional GET %s with its old ETag: %d, want 304", w.name, target, rec.Code)
					}
				}
			}
			for _, target := range append(append([]string{}, fps...), spanning...) {
				rec := get(target)
				if rec.Header().Get("X-Cache") != "miss" {
					t.Errorf("after %s: GET %s: X-Cache %q, want miss (its data changed)", w.name, target, rec.Header().Get("X-Cache"))
				}
				if etag := warm[target].etag; etag != "" && rec.Header().Get("ETag") == etag {
					t.Errorf("after %s: GET %s kept its ETag %s", w.name, target, etag)
				}
				if i == 0 && strings.HasPrefix(target, "/leaderboards/fps") && !strings.Contains(rec.Body.String(), "4,242") &&
					!strings.Contains(rec.Body.String(), "4242") {
					t.Errorf("after %s: GET %s does not show it", w.name, target)
				}
				warm[target] = seen{rec.Body.String(), rec.Header().Get("ETag")}
			}
		}

	})
}
