package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// handlerAssetPath is where the app finds a handler the library prebundles (assets/lambda/<name>).
// The TypeScript reference app reaches it through the library's private handlerAssetPath(); the
// library exports no public way to get a shipped handler's code, so a Go user cannot reach the
// copy inside the module's embedded tarball. Until it does, the app uses the same bundle from the
// checkout (the app runs in test/apps/go).
func handlerAssetPath(name string) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "assets", "lambda", name))
	if err != nil {
		panic(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.js")); err != nil {
		panic(fmt.Sprintf("prebundled handler %q missing at %s: run npx projen bundle:lambda", name, dir))
	}
	return dir
}
