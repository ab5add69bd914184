package handlers

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

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
// so readers can follow a metric. Text goes through encoding/xml, which
// escapes it; summaries are plain text, never HTML.
func (a *app) feedAtom(c echo.Context) error {
	ctx := c.Request().Context()
	m, err := a.store.GetMetric(ctx, c.Param("metric"))
	if err != nil {
		return err
	}
	if done, err := a.notModified(c, "atom"); done || err != nil {
		return err
	}
	entries, err := a.store.NewestClaims(ctx, m.ID, feedSize)
	if err != nil {
		return err
	}
	base := baseURL(c)
	page := base + "/leaderboards/" + url.PathEscape(m.Slug)
	feed := atomFeed{
		ID: page, Title: "claimboard: " + m.Name, Author: atomAuthor{Name: "claimboard"},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: page + "/feed.atom"},
			{Rel: "alternate", Type: "text/html", Href: page},
		},
	}
	var newest time.Time
	for _, e := range entries {
		claimURL := base + "/claims/" + strconv.FormatInt(e.ID, 10)
		summary := strings.TrimSpace(views.Qualifier(e.Qualifier) + " " + views.Value(e.Value, e.ValueHigh, e.Unit))
		if e.HardwareName != "" {
			summary += " on " + e.HardwareName
		}
		summary += ". “" + e.Evidence + "” (" + e.Status + ")"
		feed.Entries = append(feed.Entries, atomEntry{
			ID: claimURL, Title: views.Value(e.Value, e.ValueHigh, e.Unit) + ": " + e.PaperTitle,
			Updated: atomTime(e.UpdatedAt), Published: atomTime(e.CreatedAt),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: claimURL}, Summary: summary,
		})
		if e.UpdatedAt.After(newest) {
			newest = e.UpdatedAt
		}
	}
	if newest.IsZero() {
		v, err := a.store.DataVersion(ctx)
		if err != nil {
			return err
		}
		newest = v.ChangedAt
	}
	feed.Updated = atomTime(newest)
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(feed); err != nil {
		return fmt.Errorf("feed %s: %w", m.Slug, err)
	}
	return c.Blob(http.StatusOK, "application/atom+xml; charset=utf-8", buf.Bytes())
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }
