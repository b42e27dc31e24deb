// Command gendocs writes the command-line reference of registre from its
// cobra tree, in French: Markdown pages in docs/reference/registre*.md and man
// pages in docs/man/registre*.1. `make docs` runs it. The output depends only
// on the commands and on SOURCE_DATE_EPOCH (the man page date; else the last
// git commit), so two runs give the same bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"

	"github.com/registre-qc/registre/pkg/cli"
	"github.com/registre-qc/registre/pkg/cmdutil"
)

func main() {
	dir := flag.String("dir", "docs", "dossier de la documentation (reference/ et man/ y sont écrits)")
	flag.Parse()
	date, err := sourceDate()
	if err == nil {
		err = Generate(cli.NewRoot(cmdutil.Default("")), *dir, date)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs :", err)
		os.Exit(1)
	}
}

// sourceDate is SOURCE_DATE_EPOCH, else the date of the last git commit, else 1970-01-01.
func sourceDate() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		if out, err := exec.Command("git", "log", "-1", "--format=%ct").Output(); err == nil {
			s = strings.TrimSpace(string(out))
		}
	}
	if s == "" {
		return time.Unix(0, 0).UTC(), nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH invalide : %q", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// Generate replaces the generated pages under dir/reference and dir/man.
func Generate(root *cobra.Command, dir string, date time.Time) error {
	root.DisableAutoGenTag = true
	pages := map[string][]byte{}
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root || c.IsAdditionalHelpTopicCommand() {
			return nil
		}
		c.DisableAutoGenTag = true
		base := strings.ReplaceAll(c.CommandPath(), " ", "_")
		var md bytes.Buffer
		if err := doc.GenMarkdownCustom(c, &md, func(s string) string { return s }); err != nil {
			return err
		}
		// cobra/doc prints pflag's English option list (« string », « (default …) »):
		// the reference shows the same French list as the help.
		out := md.Bytes()
		for _, fs := range []*pflag.FlagSet{c.NonInheritedFlags(), c.InheritedFlags()} {
			if fs.HasAvailableFlags() {
				out = bytes.Replace(out, []byte(fs.FlagUsages()), []byte(cli.FlagUsages(fs)+"\n"), 1)
			}
		}
		pages[filepath.Join("reference", base+".md")] = translate(out, markdownHeadings, nil)
		var man bytes.Buffer
		header := &doc.GenManHeader{Title: strings.ToUpper(strings.ReplaceAll(c.CommandPath(), " ", "-")), Section: "1",
			Date: &date, Source: "registre", Manual: "Manuel de registre"}
		if err := doc.GenMan(c, header, &man); err != nil {
			return err
		}
		// The header date is "Jan 2006" in English: give the month its French name.
		month := strings.NewReplacer(`"`+date.Format("Jan 2006")+`"`, `"`+frenchMonths[date.Month()-1]+" "+date.Format("2006")+`"`)
		pages[filepath.Join("man", strings.ReplaceAll(c.CommandPath(), " ", "-")+".1")] = translate(man.Bytes(), manHeadings, month)
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root); err != nil {
		return err
	}
	// Remove the pages of commands that no longer exist.
	for _, pattern := range []string{filepath.Join(dir, "reference", "registre*.md"), filepath.Join(dir, "man", "registre*.1")} {
		old, _ := filepath.Glob(pattern)
		for _, p := range old {
			rel, _ := filepath.Rel(dir, p)
			if _, keep := pages[rel]; !keep {
				if err := os.Remove(p); err != nil {
					return err
				}
			}
		}
	}
	for rel, data := range pages {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cobra/doc writes English headings; these are their French titles.
var (
	markdownHeadings = map[string]string{
		"### Synopsis": "### Description",
		"### Examples": "### Exemples",
		"### Options inherited from parent commands": "### Options globales",
		"### SEE ALSO": "### Voir aussi",
	}
	manHeadings = map[string]string{
		".SH NAME": ".SH NOM",
		".SH OPTIONS INHERITED FROM PARENT COMMANDS": ".SH OPTIONS GLOBALES",
		".SH EXAMPLE":  ".SH EXEMPLES",
		".SH SEE ALSO": ".SH VOIR AUSSI",
	}
)

var frenchMonths = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// flags is cobra's « [flags] » in usage lines.
var flags = strings.NewReplacer(" [flags]", " [options]")

// translate replaces whole heading lines, cobra's « [flags] », and what extra replaces.
func translate(b []byte, headings map[string]string, extra *strings.Replacer) []byte {
	lines := strings.SplitAfter(string(b), "\n")
	for i, l := range lines {
		if fr, ok := headings[strings.TrimRight(l, "\n")]; ok {
			lines[i] = fr + strings.TrimPrefix(l, strings.TrimRight(l, "\n"))
		}
		lines[i] = flags.Replace(lines[i])
		if extra != nil {
			lines[i] = extra.Replace(lines[i])
		}
	}
	return []byte(strings.Join(lines, ""))
}
