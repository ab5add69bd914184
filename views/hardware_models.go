package views

import "strconv"

// countText is "1,234 claims", or "at least 1,234 claims" when the count
// stopped at a cap.
func countText(n int, capped bool) string {
	s := groupDigits(n) + " claims"
	if n == 1 {
		s = "1 claim"
	}
	if capped {
		return "at least " + s
	}
	return s
}

func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
