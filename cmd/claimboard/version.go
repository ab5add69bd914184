package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/claimboard/claimboard/extract"
)

// version is set at build time with -ldflags "-X main.version=..."; otherwise
// the module version or VCS revision from the build info is used.
var version = ""

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			return bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "dev-" + s.Value[:12]
			}
		}
	}
	return "dev"
}

func runVersion(args []string, io stdio) error {
	if len(args) > 0 {
		return usagef("version takes no arguments")
	}
	fmt.Fprintf(io.out, "claimboard %s (extractor %s, %s)\n", buildVersion(), extract.Version, runtime.Version())
	return nil
}
