package models

import "net/url"

// MaxURLLen bounds a stored link (a paper's source, code or project page).
// Real links are far shorter; a bound keeps a hostile feed from turning one
// page into megabytes.
const MaxURLLen = 2000

// CheckLinkURL reports why s cannot be stored or shown as a link, or nil.
// Only absolute http and https URLs with a host are links: javascript:,
// data:, vbscript:, scheme-relative "//host" and paths are refused, and so
// is any control character, space or backslash, because browsers drop tabs
// and newlines from a URL ("java\tscript:" runs) and read "\" as "/".
func CheckLinkURL(field, s string) error {
	if len(s) > MaxURLLen {
		return FieldErrorf(field, "is %d bytes, more than %d", len(s), MaxURLLen)
	}
	for i := 0; i < len(s); i++ {
		if b := s[i]; b <= ' ' || b == 0x7f || b == '\\' {
			return FieldErrorf(field, "%q has a space, control character or backslash; a link must be an absolute http or https URL", clipText(s, 80))
		}
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return FieldErrorf(field, "%q is not an absolute http or https URL", clipText(s, 80))
	}
	if u.User != nil {
		return FieldErrorf(field, "%q carries a user name; a link must not", clipText(s, 80))
	}
	return nil
}

// LinkURL returns s when it is a link CheckLinkURL accepts, else "": what the
// API and the CSV give out, so a row stored before the check never leaks a
// dangerous link.
func LinkURL(s string) string {
	if s == "" || CheckLinkURL("url", s) != nil {
		return ""
	}
	return s
}
