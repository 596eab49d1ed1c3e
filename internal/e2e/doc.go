// Package e2e holds browser journeys: headless Chromium drives the real application
// (apptest.Start on a real listener) through its pages, as a person would, on every
// database engine the test environment offers. The journeys live in _test.go files;
// they need /usr/bin/chromium (Debian package chromium) and skip without it, unless
// PFORTE_REQUIRE_ALL=1 turns the skip into a failure.
package e2e
