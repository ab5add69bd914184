package handlers

import (
	"net/url"
	"strconv"

	"github.com/claimboard/claimboard/models"
)

// webURL returns s if it is a link the store accepts (models.CheckLinkURL:
// an absolute http or https URL with a host, no control character, space or
// backslash), else "": links come from ingested data, and a javascript: or
// data: URL must never reach a page, whatever the source said.
func webURL(s string) string { return models.LinkURL(s) }

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
