package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Communications and uses made with the person's consent (legal.md §4.3):
// lawful, and outside the 67.3 register, which lists only the communications
// of 66 to 68 and the uses of 65.1 al. 2 1° to 3° made without consent. The
// user declares it (exemption: consentement) or writes it in the basis
// (« Consentement de la personne concernée »): an info, never COM-001's or
// UTI-001's error.

// consentOf reports whether e is declared or based on the person's consent,
// and where to report it.
func consentOf(p *Pass, e *model.Entry) (string, bool) {
	if e.Str("exemption") == "consentement" {
		return "exemption", true
	}
	paths := itemPaths(e, "appui_legal")
	for i, l := range p.Citations(e).Lines {
		// « Consentement … », « Autorisation écrite de la personne concernée »,
		// « Accord de la personne » (citation recognises these wordings), but
		// never « … sans consentement ».
		named := l.Kind == citation.NonStatutory && l.NonStatutory == "consentement" &&
			(!strings.Contains(plain(l.Raw), "consent") || utiAffirms(l.Raw, "consent"))
		// « Avec le consentement écrit de la personne »: free text that affirms
		// consent (« sans consentement » does not).
		prose := l.Kind == citation.Unparsed && utiAffirms(l.Raw, "consent")
		if named || prose {
			if i < len(paths) {
				return paths[i], true
			}
			return "appui_legal", true
		}
	}
	return "", false
}

// consentOnly reports whether e rests on consent and on none of the articles
// whose communications or uses the register lists (then COM-001 and UTI-001
// are silent, and COM-025 / UTI-009 inform).
func consentOnly(p *Pass, e *model.Entry, arts ...string) (string, bool) {
	at, ok := consentOf(p, e)
	if !ok {
		return "", false
	}
	if e.Str("exemption") != "consentement" && citesRegisterCase(p.Citations(e), arts...) {
		return "", false
	}
	return at, true
}

// citesRegisterCase reports whether the cell cites one of arts of the Loi sur
// l'accès as a case of the register. The first alinéa of 65.1 is the consent
// rule itself (« Article 65.1, premier alinéa » beside « Consentement de la
// personne concernée »): only its second alinéa lists the uses without
// consent that the register receives.
func citesRegisterCase(c citation.Cell, arts ...string) bool {
	for _, a := range arts {
		for _, r := range c.Cites(lai, a) {
			if a == "65.1" && r.Al == 1 && r.Par == nil {
				continue
			}
			return true
		}
	}
	return false
}

// PriorEntry is Prior for the schema findings of one entry: an entry that
// declares itself outside the 67.3 register (exemption: consentement or
// imputation_retenue) rests on no article of the register, so a missing
// appui_legal is not the « communication sans appui légal » of COM-001 or
// UTI-001.
func (en *Engine) PriorEntry(e *model.Entry, fs []finding.Finding) []finding.Finding {
	if e.Str("exemption") != "" {
		kept := fs[:0]
		for _, f := range fs {
			if strings.TrimPrefix(f.KeyPath, "/") == "appui_legal" && (f.Rule == "COM-001" || f.Rule == "UTI-001") {
				continue
			}
			kept = append(kept, f)
		}
		fs = kept
	}
	return en.Prior(fs)
}
