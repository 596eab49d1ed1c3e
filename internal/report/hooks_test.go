package report

// WalkFrom lets the tests take SQLite's other way to a percentile (times.go) on a
// handful of tickets.
var WalkFrom = &walkFrom
