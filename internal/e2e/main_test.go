package e2e

import (
	"os"
	"testing"
)

// TestMain ends the browser the journeys share once they are done, so no Chromium and
// no profile directory outlive the test process.
func TestMain(m *testing.M) {
	code := m.Run()
	stopBrowser()
	os.Exit(code)
}
