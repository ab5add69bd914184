package handlers

import (
	"net/url"
	"strconv"
)

// webURL returns s if it is an absolute http or https URL, else "": links
// come from ingested data, and a javascript: or data: URL must never reach a
// page, whatever the source said.
func webURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	return s
}

// arxivLinks are a paper's arXiv label ("2104.07857v2" when the version is
// known), its abstract page and its PDF. The pages are built from the id,
// escaped as a path, so an odd id in the database cannot leave arxiv.org.
func arxivLinks(id string, version int) (label, abs, pdf string) {
	if id == "" {
		return "", "", ""
	}
	label = id
	if version > 0 {
		label += "v" + strconv.Itoa(version)
	}
	path := (&url.URL{Path: id}).EscapedPath()
	return label, "https://arxiv.org/abs/" + path, "https://arxiv.org/pdf/" + path
}
