package models

import (
	"errors"
	"fmt"
)

// Error codes shared by the store and the web layer. The handlers map each code
// to one HTTP status in one place; the store never thinks about HTTP.
const (
	EInvalid      = "invalid"
	ENotFound     = "not_found"
	EConflict     = "conflict"
	EUnauthorized = "unauthorized"
	ETooMany      = "too_many"    // a limit on attempts or submissions was reached
	EUnavailable  = "unavailable" // the database is down, restarting, full or read-only: try again later
	EInternal     = "internal"
)

// Error is a domain error whose message is safe to show to a user.
type Error struct {
	Code    string
	Field   string // the offending input, when there is one
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Errorf returns a domain error with a formatted, user-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns an EInvalid error naming the input field at fault.
func FieldErrorf(field, format string, args ...any) *Error {
	return &Error{Code: EInvalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first domain error in err's chain, or
// EInternal for anything else (which must then not be shown to users).
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	if Unavailable(err) {
		return EUnavailable
	}
	return EInternal
}

// ErrorMessage returns the user-safe message of a domain error, or a generic
// one for internal errors so details never leak.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return "Internal error."
}
