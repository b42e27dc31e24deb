// Package iostreams wraps standard input, output and error, and decides once
// whether output goes to a terminal and whether to use colour.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the streams a command writes to.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdoutTTY bool
	color     bool
}

// System returns the process streams. Colour follows NO_COLOR, CLICOLOR and
// CLICOLOR_FORCE; REGISTRE_FORCE_TTY makes stdout count as a terminal.
func System() *IOStreams {
	tty := term.IsTerminal(int(os.Stdout.Fd())) || os.Getenv("REGISTRE_FORCE_TTY") != ""
	color := tty && os.Getenv("NO_COLOR") == "" && os.Getenv("CLICOLOR") != "0"
	if v := os.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" && os.Getenv("NO_COLOR") == "" {
		color = true
	}
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, stdoutTTY: tty, color: color}
}

// Test returns streams backed by buffers, not a terminal, without colour.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// SetStdoutTTY overrides terminal detection (tests).
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v }

// ColorEnabled reports whether colour may be used on stdout.
func (s *IOStreams) ColorEnabled() bool { return s.color }

// SetColorEnabled overrides the colour decision (tests).
func (s *IOStreams) SetColorEnabled(v bool) { s.color = v }
