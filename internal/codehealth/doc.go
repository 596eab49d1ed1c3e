// Package codehealth holds no code, only tests that keep the project's code rules
// which gofmt and go vet do not check: one HTTP handler per file in the surfaces,
// small files, doc comments on exported names.
package codehealth
