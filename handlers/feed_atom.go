package handlers

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/claimboard/claimboard/models"
	"github.com/claimboard/claimboard/views"
)

// feedSize is how many of a leaderboard's newest claims its feed carries.
const feedSize = 50

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string   `xml:"id"`
	Title     string   `xml:"title"`
	Updated   string   `xml:"updated"`
	Published string   `xml:"published"`
	Link      atomLink `xml:"link"`
	Summary   string   `xml:"summary"`
}

// feedAtom serves a leaderboard's newest claims as an Atom feed, newest first,
// so readers can follow a metric; the leaderboard's filters (hardware,
// qualifier, status, q, min, max, year, has_code) narrow it as they narrow the
// page, and its sort and paging are accepted and ignored. Without a metric
// (/feed.atom) it carries the newest claims of every metric. Text goes
// through encoding/xml, which escapes it; summaries are plain text, never HTML.
func (a *app) feedAtom(c echo.Context) error {
	ctx := c.Request().Context()
	f, err := parseLeaderboardFilter(c)
	if err != nil {
		return err
	}
	title := "claimboard: new claims"
	if f.Metric != "" {
		m, err := a.store.GetMetric(ctx, f.Metric)
		if err != nil {
			return err
		}
		f.Metric, title = m.Slug, "claimboard: "+m.Name
	}
	if done, err := a.notModified(c, "atom"); done || err != nil {
		return err
	}
	entries, err := a.store.NewestClaims(ctx, f, feedSize)
	if err != nil {
		return err
	}
	// Links are relative (to the feed's own URL) unless a base URL is
	// configured; ids must be absolute IRIs (RFC 4287 4.2.6), so they take
	// the configured or listen address. Never the request's Host: this
	// response is cached for every reader.
	page := "/leaderboards/" + url.PathEscape(f.Metric)
	self := page + "/feed.atom"
	if f.Metric == "" {
		page, self = "/", "/feed.atom"
	}
	if q := feedQuery(f); len(q) > 0 {
		title += " (" + describeFilter(q) + ")"
		page, self = withQuery(page, q), withQuery(self, q)
	}
	feed := atomFeed{
		ID: a.absBase + self, Title: title, Author: atomAuthor{Name: "claimboard"},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: a.base + self},
			{Rel: "alternate", Type: "text/html", Href: a.base + page},
		},
	}
	var newest time.Time
	for _, e := range entries {
		claimPath := "/claims/" + strconv.FormatInt(e.ID, 10)
		summary := strings.TrimSpace(views.Qualifier(e.Qualifier) + " " + views.Value(e.Value, e.ValueHigh, e.Unit))
		if e.HardwareName != "" {
			summary += " on " + e.HardwareName
		}
		summary += ". “" + e.Evidence + "” (" + e.Status + ")"
		feed.Entries = append(feed.Entries, atomEntry{
			ID: a.absBase + claimPath, Title: views.Value(e.Value, e.ValueHigh, e.Unit) + ": " + e.PaperTitle,
			Updated: atomTime(e.UpdatedAt), Published: atomTime(e.CreatedAt),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: a.base + claimPath}, Summary: summary,
		})
		if e.UpdatedAt.After(newest) {
			newest = e.UpdatedAt
		}
	}
	if newest.IsZero() {
		v, err := a.requestDataVersion(c) // the feed's own scope: its cached copy stays right
		if err != nil {
			return err
		}
		newest = v.ChangedAt
	}
	feed.Updated = atomTime(newest)
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(feed); err != nil {
		return fmt.Errorf("feed %q: %w", f.Metric, err)
	}
	return c.Blob(http.StatusOK, "application/atom+xml; charset=utf-8", buf.Bytes())
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// feedQuery is the part of a leaderboard's query that selects its feed's
// entries: the filters, without sort and paging (a feed is newest first).
func feedQuery(f models.LeaderboardFilter) url.Values {
	f.Sort, f.Order, f.Page, f.PerPage, f.After = "", "", 1, 0, ""
	f.Flag = "" // flags are computed on read; a feed lists new claims whatever their flags
	return filterQuery(f)
}

// describeFilter names a feed's filters in its title: "hardware nvidia-a100, year 2024".
func describeFilter(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+" "+strings.Join(q[k], " or "))
	}
	return strings.Join(parts, ", ")
}
