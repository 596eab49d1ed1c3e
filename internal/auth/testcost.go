package auth

import "testing"

// UseTestCost makes new password hashes cheap for the rest of the process: argon2id with
// one pass over 1 MiB in one lane, about a millisecond instead of tens (hundreds on a
// busy machine). Suites that create and sign in hundreds of accounts spent minutes
// hashing. Hashes carry their parameters, so checking works exactly as in production,
// and the dummy hash for unknown accounts is made again at the same cost, so an unknown
// email still costs what a wrong password does. It panics outside a test binary:
// production always hashes with the parameters above.
func UseTestCost() {
	if !testing.Testing() {
		panic("auth: UseTestCost outside a test binary")
	}
	argonTime, argonMemory, argonThreads = 1, 1024, 1
	dummyHash, _ = HashPassword("pforte-dummy-password")
}
