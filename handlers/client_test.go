package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// client is one visitor of the router: it keeps its cookies between requests
// like a browser and reads the CSRF token from the pages it gets.
type client struct {
	t         *testing.T
	s         site
	cookies   map[string]*http.Cookie
	ip        string
	formToken string      // the _csrf of the last page with a form
	header    http.Header // sent with every request, e.g. Sec-Fetch-Site
}

func newClient(t *testing.T, s site, ip string) *client {
	return &client{t: t, s: s, cookies: map[string]*http.Cookie{}, ip: ip}
}

func (cl *client) do(method, target string, form url.Values) (*httptest.ResponseRecorder, *goquery.Document) {
	cl.t.Helper()
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	req.RemoteAddr = cl.ip + ":40000"
	for k, v := range cl.header {
		req.Header[k] = v
	}
	for _, c := range cl.cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	cl.s.e.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.MaxAge < 0 {
			delete(cl.cookies, c.Name)
		} else {
			cl.cookies[c.Name] = c
		}
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(rec.Body.String()))
	if err != nil {
		cl.t.Fatalf("%s %s: parse HTML: %v", method, target, err)
	}
	if v, ok := doc.Find(`input[name="_csrf"]`).First().Attr("value"); ok {
		cl.formToken = v
	}
	return rec, doc
}

func (cl *client) get(target string) (*httptest.ResponseRecorder, *goquery.Document) {
	cl.t.Helper()
	return cl.do(http.MethodGet, target, nil)
}

// post sends form with the CSRF token of the last page that had a form, as
// the site's forms do.
func (cl *client) post(target string, form url.Values) (*httptest.ResponseRecorder, *goquery.Document) {
	cl.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if form.Get("_csrf") == "" {
		form.Set("_csrf", cl.formToken)
	}
	return cl.do(http.MethodPost, target, form)
}

// formValues reads a page's form the way a browser would submit it.
func formValues(doc *goquery.Document, sel string) url.Values {
	v := url.Values{}
	doc.Find(sel + " input, " + sel + " select, " + sel + " textarea").Each(func(_ int, s *goquery.Selection) {
		name, _ := s.Attr("name")
		switch {
		case name == "":
		case goquery.NodeName(s) == "select":
			val, _ := s.Find("option[selected]").Attr("value")
			v.Set(name, val)
		case goquery.NodeName(s) == "textarea":
			v.Set(name, s.Text())
		default:
			if typ, _ := s.Attr("type"); typ == "checkbox" {
				if _, on := s.Attr("checked"); !on {
					return
				}
			}
			val, _ := s.Attr("value")
			v.Set(name, val)
		}
	})
	return v
}

func mustModerator(t *testing.T, s site, name string) {
	t.Helper()
	if _, err := s.store.AddModerator(context.Background(), name, "a long test password"); err != nil {
		t.Fatal(err)
	}
}

func login(t *testing.T, cl *client, name string) {
	t.Helper()
	cl.get("/login")
	rec, _ := cl.post("/login", url.Values{"username": {name}, "password": {"a long test password"}, "next": {"/moderation"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/moderation" {
		t.Fatalf("login = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	cl.get("/moderation") // follow the redirect, as a browser does
}
