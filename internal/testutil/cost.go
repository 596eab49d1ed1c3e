package testutil

import "pforte/internal/auth"

// Every test binary that sets up databases through this package hashes passwords at
// test cost (see auth.UseTestCost); set before any test runs, so no test races it.
func init() { auth.UseTestCost() }
