package main

import (
	"strings"
	"testing"
)

// Real `go test -json` lines of a run without PostgreSQL and Chromium.
const sample = `{"Action":"start","Package":"x/handlers"}
{"Action":"run","Package":"x/handlers","Test":"TestA/postgres"}
{"Action":"output","Package":"x/handlers","Test":"TestA/postgres","Output":"=== RUN   TestA/postgres\n"}
{"Action":"output","Package":"x/handlers","Test":"TestA/postgres","Output":"    testdb.go:38: TEST_DATABASE_URL not set; skipping PostgreSQL test\n"}
{"Action":"output","Package":"x/handlers","Test":"TestA/postgres","Output":"--- SKIP: TestA/postgres (0.00s)\n"}
{"Action":"skip","Package":"x/handlers","Test":"TestA/postgres"}
{"Action":"output","Package":"x/handlers","Test":"TestB/postgres","Output":"    testdb.go:38: TEST_DATABASE_URL not set; skipping PostgreSQL test\n"}
{"Action":"skip","Package":"x/handlers","Test":"TestB/postgres"}
{"Action":"output","Package":"x/handlers","Test":"TestBrowser","Output":"    browser_test.go:27: chromium not installed; skipping browser test\n"}
{"Action":"skip","Package":"x/handlers","Test":"TestBrowser"}
{"Action":"output","Package":"x/handlers","Test":"TestC","Output":"    c_test.go:9: boom\n"}
{"Action":"fail","Package":"x/handlers","Test":"TestC"}
{"Action":"output","Package":"x/handlers","Output":"FAIL\tx/handlers\t0.5s\n"}
{"Action":"fail","Package":"x/handlers"}
{"Action":"output","Package":"x/models","Output":"ok  \tx/models\t0.1s\n"}
{"Action":"pass","Package":"x/models"}
`

func TestSummarize(t *testing.T) {
	var out strings.Builder
	failed, err := summarize(strings.NewReader(sample), &out)
	if err != nil || !failed {
		t.Fatalf("failed=%v err=%v", failed, err)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	want := []string{
		"    c_test.go:9: boom",
		"FAIL\tx/handlers\t0.5s",
		"ok  \tx/models\t0.1s",
		`skipped 3 tests: 2 × "TEST_DATABASE_URL not set; skipping PostgreSQL test"; 1 × "chromium not installed; skipping browser test"`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), strings.Join(want, "\n"))
	}
	out.Reset()
	if failed, _ := summarize(strings.NewReader(`{"Action":"pass","Package":"x"}`+"\n"), &out); failed || strings.TrimSpace(out.String()) != "skipped: none" {
		t.Fatalf("clean run: %v %q", failed, out.String())
	}
}
