// Command bench measures registre against its goals, side by side in one run
// (these machines are noisy: quote ratios and medians). `make bench` runs it.
//
//	go run ./internal/bench [-sizes 1000,10000] [-runs 5]
//	go run ./internal/bench gen DIR N    # the corpus alone
//	go run ./internal/bench floor DIR    # the floor alone
//
// For each size it generates a repository of communications, then times, in
// interleaved rounds: the floor (the same files read and decoded by the YAML
// library alone, on every core), `registre lint`, and ajv-cli when
// tools/bench/node_modules has it; then `registre build` (HTML, PDF, CSV,
// JSON), `registre fmt --check` and `registre import` of the exported CSV.
// Dates are quoted in the generated files so that ajv-cli (whose YAML reader
// turns unquoted dates into timestamps) validates them as registre does.
// Peak memory is the child process's maximum resident set size. The bundled
// example (examples/) is linted too, beside the bare start of the binary:
// that is what a pre-commit hook pays.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/registre-qc/registre/internal/benchgen"
)

type sample struct {
	wall time.Duration
	rss  int64 // KiB
}

func main() {
	if len(os.Args) == 3 && os.Args[1] == "floor" {
		floor(os.Args[2])
		return
	}
	if len(os.Args) == 4 && os.Args[1] == "gen" {
		// gen DIR N: write the corpus alone, to profile or time by hand.
		n, err := strconv.Atoi(os.Args[3])
		check(err)
		check(benchgen.Write(os.Args[2], n))
		return
	}
	sizes := flag.String("sizes", "50,1000,10000", "repository sizes")
	runs := flag.Int("runs", 5, "rounds per measurement")
	flag.Parse()

	tmp, err := os.MkdirTemp("", "registre-bench-")
	check(err)
	defer os.RemoveAll(tmp)
	reg := filepath.Join(tmp, "registre")
	self := filepath.Join(tmp, "benchtool")
	run("go", "build", "-o", reg, "./cmd/registre")
	run("go", "build", "-o", self, "./internal/bench")
	ajv := findAjv()

	fmt.Printf("# registre — mesures (%s, %d cœurs, %s)\n\n", runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), time.Now().UTC().Format("2006-01-02"))
	fmt.Println("| mesure | taille | médiane | min | mémoire max | rapport / plancher |")
	fmt.Println("|---|---|---|---|---|---|")
	// Start-up: lint runs in pre-commit hooks on repositories like the
	// bundled example; the process start alone (--version) is its floor.
	if ex, err := filepath.Abs("examples"); err == nil {
		if entries := countEntries(ex); entries > 0 {
			var start, small []sample
			for r := 0; r < 3*(*runs); r++ {
				start = append(start, measure(reg, "--version"))
				small = append(small, measure(reg, "lint", ex))
			}
			startMed := median(start).wall
			report("démarrage (registre --version)", 0, start, 0)
			report("registre lint (exemple fourni)", entries, small, startMed)
		}
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		check(err)
		dir := filepath.Join(tmp, "repo-"+s)
		check(benchgen.Write(dir, n))
		cmds := map[string][]string{
			"plancher (yaml.v3 seul)": {self, "floor", dir},
			"registre lint":           {reg, "lint", dir, "--format", "json=" + filepath.Join(tmp, "out.json")},
		}
		order := []string{"plancher (yaml.v3 seul)", "registre lint"}
		if ajv != "" {
			schema := filepath.Join(tmp, "communications.schema.json")
			out, err := exec.Command(reg, "schema", "communications").Output()
			check(err)
			check(os.WriteFile(schema, out, 0o644))
			cmds["ajv-cli validate"] = []string{ajv, "validate", "--spec=draft2020", "--strict=false", "-s", schema, "-d", filepath.Join(dir, "communications", "*.yaml")}
			order = append(order, "ajv-cli validate")
		}
		res := map[string][]sample{}
		for r := 0; r < *runs; r++ {
			for _, name := range order {
				res[name] = append(res[name], measure(cmds[name]...))
			}
		}
		floorMed := median(res[order[0]]).wall
		for _, name := range order {
			report(name, n, res[name], floorMed)
		}
		if n >= 1000 {
			var bs []sample
			for r := 0; r < max(1, *runs/2); r++ {
				bs = append(bs, measure(reg, "build", dir, "--out", filepath.Join(tmp, "site-"+s), "--force"))
			}
			report("registre build (HTML, PDF, CSV, JSON)", n, bs, 0)
			if hasCommand(reg, "fmt") {
				// A maintained repository is already canonical: format a copy
				// once (timed), then time the check CI and pre-commit run.
				canon := filepath.Join(tmp, "canon-"+s)
				check(os.CopyFS(canon, os.DirFS(dir)))
				report("registre fmt (réécriture de chaque fichier)", n, []sample{measure(reg, "fmt", canon)}, 0)
				var fs []sample
				for r := 0; r < *runs; r++ {
					fs = append(fs, measure(reg, "fmt", "--check", canon))
				}
				report("registre fmt --check (dépôt canonique)", n, fs, floorMed)
			}
			if hasCommand(reg, "import") {
				csvPath := filepath.Join(tmp, "export-"+s+".csv")
				out, err := exec.Command(reg, "export", "communications", dir, "--format", "csv").Output()
				check(err)
				check(os.WriteFile(csvPath, out, 0o644))
				var is []sample
				for r := 0; r < max(1, *runs/2); r++ {
					fresh := filepath.Join(tmp, fmt.Sprintf("import-%s-%d", s, r))
					check(os.MkdirAll(fresh, 0o755))
					is = append(is, measure(reg, "import", "communications", csvPath, fresh))
				}
				report("registre import (CSV)", n, is, 0)
			}
		}
	}
	if ajv == "" {
		fmt.Println("\najv-cli absent : `cd tools/bench && npm ci` pour l'ajouter à la comparaison.")
	}
}

// countEntries counts the entry files of a repository: the .yaml files in
// its kind folders, at any depth.
func countEntries(dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") && filepath.Dir(p) != dir {
			n++
		}
		return nil
	})
	return n
}

func hasCommand(reg, name string) bool {
	return exec.Command(reg, name, "--help").Run() == nil
}

func findAjv() string {
	p := filepath.Join("tools", "bench", "node_modules", ".bin", "ajv")
	if _, err := os.Stat(p); err == nil {
		abs, _ := filepath.Abs(p)
		return abs
	}
	return ""
}

func measure(args ...string) sample {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = nil, nil
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() > 1 {
			fmt.Fprintf(os.Stderr, "échec : %s : %v\n", strings.Join(args, " "), err)
		}
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return sample{wall, rss}
}

func median(s []sample) sample {
	c := append([]sample(nil), s...)
	sort.Slice(c, func(i, j int) bool { return c[i].wall < c[j].wall })
	m := c[len(c)/2]
	var rss int64
	for _, x := range s {
		rss = max(rss, x.rss)
	}
	return sample{m.wall, rss}
}

func report(name string, n int, s []sample, floor time.Duration) {
	m := median(s)
	mn := s[0].wall
	for _, x := range s {
		mn = min(mn, x.wall)
	}
	ratio := ""
	if floor > 0 {
		ratio = fmt.Sprintf("%.2f×", float64(m.wall)/float64(floor))
	}
	size := "—"
	if n > 0 {
		size = strconv.Itoa(n)
	}
	fmt.Printf("| %s | %s | %s | %s | %.0f Mo | %s |\n", name, size, round(m.wall), round(mn), float64(m.rss)/1024, ratio)
}

func round(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// floor reads and decodes every YAML file under dir with the YAML library alone, on every core.
func floor(dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
	w := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			for j := k; j < len(files); j += w {
				data, err := os.ReadFile(files[j])
				check(err)
				var v map[string]any
				check(yaml.Unmarshal(data, &v))
			}
		}(k)
	}
	wg.Wait()
}

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	check(cmd.Run())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench :", err)
		os.Exit(1)
	}
}
