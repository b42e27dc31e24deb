// Package archtest holds the layering test: the import direction between the
// packages of registre, written down once and checked on every test run
// (docs/architecture.md explains it).
package archtest
