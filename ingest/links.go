package ingest

import (
	"regexp"
	"strings"

	"github.com/claimboard/claimboard/models"
)

// linkRe finds URLs in running text: with a scheme, starting with www., or a
// bare github.com / gitlab.com path as abstracts often write them.
var linkRe = regexp.MustCompile(`(?i)\bhttps?://[^\s<>"'{}|\\^` + "`" + `]+|\bwww\.[^\s<>"'{}|\\^` + "`" + `]+|\b(?:github\.com|gitlab\.com)/[^\s<>"'{}|\\^` + "`" + `]+`)

// codeHosts are where source code lives; a link to one is the paper's code.
var codeHosts = []string{"github.com", "gitlab.com", "bitbucket.org", "codeberg.org"}

// projectCue is what an abstract says before a project page's link.
var projectCue = regexp.MustCompile(`(?i)(project|home|web)\s*(page|site)|website|demo|videos?|more results|available at`)

// FindLinks returns the first code link (a repository on GitHub, GitLab,
// Bitbucket or Codeberg) and the first project page (a github.io or gitlab.io
// site, or a link the text introduces as a project page or website) in text.
func FindLinks(text string) (code, project string) {
	// Most abstracts have no link: skip the regexp (and any lower-casing
	// copy) for them, they were a tenth of an ingest's CPU otherwise.
	if !mayHaveLink(text) {
		return "", ""
	}
	for _, loc := range linkRe.FindAllStringIndex(text, -1) {
		u := trimLink(text[loc[0]:loc[1]])
		if u == "" {
			continue
		}
		full := u
		if !strings.HasPrefix(strings.ToLower(u), "http") {
			full = "https://" + u
		}
		// A link the store would refuse (overlong, unparsable) is no link:
		// it must not make the whole paper unstorable.
		if models.CheckLinkURL("url", full) != nil {
			continue
		}
		host, path := splitHost(full)
		switch {
		case isCodeHost(host):
			// A repository needs an owner at least: "github.com" alone is no link to code.
			if code == "" && strings.Trim(path, "/") != "" {
				code = full
			}
		case strings.HasSuffix(host, ".github.io") || strings.HasSuffix(host, ".gitlab.io"):
			if project == "" {
				project = full
			}
		case project == "" && projectCue.MatchString(text[max(0, loc[0]-40):loc[0]]):
			project = full
		}
		if code != "" && project != "" {
			break
		}
	}
	return code, project
}

// trimLink drops the punctuation that ends the sentence around a link, and a
// closing bracket the link did not open.
func trimLink(u string) string {
	for u != "" {
		last := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:!?'\"*", last) >= 0:
			u = u[:len(u)-1]
		case last == ')' && strings.Count(u, "(") < strings.Count(u, ")"):
			u = u[:len(u)-1]
		case last == ']' && strings.Count(u, "[") < strings.Count(u, "]"):
			u = u[:len(u)-1]
		default:
			return u
		}
	}
	return u
}

func splitHost(u string) (host, path string) {
	rest := u[strings.Index(u, "://")+3:]
	host, path, _ = strings.Cut(rest, "/")
	host = strings.ToLower(host)
	host = strings.TrimPrefix(host, "www.")
	if i := strings.IndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return host, path
}

func isCodeHost(host string) bool {
	for _, h := range codeHosts {
		if host == h {
			return true
		}
	}
	return false
}

// mayHaveLink tells cheaply whether text may hold a link linkRe finds: a
// scheme's "://", or "www." or "github.com/" or "gitlab.com/" in any case.
func mayHaveLink(text string) bool {
	if strings.Contains(text, "://") {
		return true
	}
	for i := 0; i+4 <= len(text); i++ {
		switch text[i] {
		case 'w', 'W':
			if strings.EqualFold(text[i:i+4], "www.") {
				return true
			}
		case '.':
			if i+5 <= len(text) && strings.EqualFold(text[i:i+5], ".com/") {
				return true
			}
		}
	}
	return false
}
