package format

import (
	"encoding/json"
	"io"

	"github.com/registre-qc/registre/pkg/finding"
)

// jsonFormat writes one JSON object, indented by two spaces and followed by
// a line break. Its shape is stable: keys are never renamed or removed, and
// every key below is always present (empty string, 0 or false when unknown).
//
//	{
//	  "outil": "registre",              // Report.Tool
//	  "version": "1.2.0",               // Report.Version
//	  "racine": ".",                    // Report.Root, as the user gave it
//	  "seuil": "error",                 // Report.FailLevel: error, warning, info or off
//	  "resume": {
//	    "erreurs": 3,                   // unsuppressed findings by severity
//	    "avertissements": 1,
//	    "infos": 2,
//	    "ignorees": 1,                  // suppressed findings
//	    "fichiers": 42                  // files checked
//	  },
//	  "constats": [                     // every finding, suppressed ones included, in report order
//	    {
//	      "path": "communications/COM-1.yaml", // relative to racine, slash-separated
//	      "line": 4,                    // 1-based; 0 when unknown
//	      "column": 3,                  // 1-based; 0 when unknown
//	      "rule": "COM-020",
//	      "severity": "error",          // error, warning or info
//	      "message": "…",               // French
//	      "law": "A-2.1, art. 70.1",    // the finding's article, else its rule's; "" when none
//	      "entry": "COM-1",             // entry id; "" when unknown
//	      "key": "appui_legal/1",       // key path inside the entry; "" when unknown
//	      "suppressed": false,          // true when an `ignorer` item silenced it
//	      "justification": "",          // the `ignorer` item's reason
//	      "fingerprint": "…"            // 32 hex digits, stable across edits elsewhere in the file
//	    }
//	  ]
//	}
//
// "constats" is an empty array, never null, when there are no findings.
type jsonFormat struct{}

func (jsonFormat) Name() string { return "json" }

// jsonReport is the document jsonFormat writes; see its doc comment.
type jsonReport struct {
	Tool      string        `json:"outil"`
	Version   string        `json:"version"`
	Root      string        `json:"racine"`
	FailLevel string        `json:"seuil"`
	Summary   jsonSummary   `json:"resume"`
	Findings  []jsonFinding `json:"constats"`
}

type jsonSummary struct {
	Errors     int `json:"erreurs"`
	Warnings   int `json:"avertissements"`
	Infos      int `json:"infos"`
	Suppressed int `json:"ignorees"`
	Files      int `json:"fichiers"`
}

type jsonFinding struct {
	Path          string `json:"path"`
	Line          int    `json:"line"`
	Column        int    `json:"column"`
	Rule          string `json:"rule"`
	Severity      string `json:"severity"`
	Message       string `json:"message"`
	Law           string `json:"law"`
	Entry         string `json:"entry"`
	Key           string `json:"key"`
	Suppressed    bool   `json:"suppressed"`
	Justification string `json:"justification"`
	Fingerprint   string `json:"fingerprint"`
}

func (jsonFormat) Write(w io.Writer, r Report, _ Options) error {
	return writeJSON(w, buildJSON(r))
}

func buildJSON(r Report) jsonReport {
	c := finding.Count(r.Findings)
	out := jsonReport{
		Tool:      toolName(r),
		Version:   r.Version,
		Root:      r.Root,
		FailLevel: r.FailLevel.String(),
		Summary: jsonSummary{
			Errors:     c.Errors,
			Warnings:   c.Warnings,
			Infos:      c.Infos,
			Suppressed: c.Suppressed,
			Files:      r.Files,
		},
		Findings: make([]jsonFinding, 0, len(r.Findings)),
	}
	idx := ruleIndex(r.Rules)
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			Path:          f.Path,
			Line:          f.Pos.Line,
			Column:        f.Pos.Col,
			Rule:          f.Rule,
			Severity:      f.Severity.String(),
			Message:       f.Message,
			Law:           lawOf(f, r.Rules, idx),
			Entry:         f.EntryID,
			Key:           f.KeyPath,
			Suppressed:    f.Suppressed,
			Justification: f.Justification,
			Fingerprint:   f.Fingerprint(),
		})
	}
	return out
}

// writeJSON writes v indented by two spaces with a final line break. HTML
// characters are not escaped: the output is not meant for a web page, and
// « < » reads better than « \u003c ».
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
