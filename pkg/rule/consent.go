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

func init() {
	I := finding.Info
	com := "id: COM-0001\ndestinataire: Organisme communautaire d'accueil\nrenseignements: Nom, adresse courriel\nfins: Invitation à une activité d'accueil des personnes immigrantes\nraisons: La personne a demandé à être jointe\nhors_quebec: false\n"
	uti := "id: UTI-0001\nunite: Direction des communications\nrenseignements: Adresse courriel\nfins_initiales: Inscription aux cours de français\nutilisation: Infolettre\npersonnes_acces: [Agents de communication]\n"
	register(
		&Rule{ID: "COM-025", Kinds: []*model.Kind{model.Communications}, Sector: PublicOnly, Entry: com025, Doc: Doc{
			Title: "Communication avec consentement : hors du registre de l'art. 67.3", Law: "A-2.1, art. 59, al. 1 ; art. 67.3, al. 1", Severity: I, Confidence: "H",
			Text: "Un organisme public peut communiquer un renseignement personnel avec le consentement de la personne concernée (art. 59, al. 1 ; consentement manifeste, libre, éclairé et donné à des fins spécifiques, exprès s'il s'agit d'un renseignement sensible). " +
				"Le registre de l'article 67.3 ne reçoit que les communications faites sans consentement en vertu des articles 66, 67, 67.1, 67.2, 67.2.1 et 68 : la communication consentie n'a pas à y être inscrite. Son inscription est acceptée à titre volontaire ; registre ne demande pas d'article de ces articles (COM-001 ne s'applique pas). " +
				"Déclarez-la avec exemption: consentement, ou écrivez-le dans l'appui légal (« Consentement de la personne concernée » ; « Autorisation écrite de la personne concernée » et « Avec l'accord de la personne » sont aussi reconnus, jamais « sans consentement »). Conservez la preuve du consentement.",
			Bad:  com + "appui_legal:\n  - Consentement de la personne concernée\n",
			Good: "(aucune inscription : la communication consentie n'a pas à être inscrite ; ou l'inscription conservée volontairement, avec exemption: consentement)"}},
		&Rule{ID: "UTI-009", Kinds: []*model.Kind{model.Utilisations}, Sector: PublicOnly, Entry: uti009, Doc: Doc{
			Title: "Utilisation avec consentement : hors du registre de l'art. 67.3", Law: "A-2.1, art. 65.1, al. 1", Severity: I, Confidence: "H",
			Text: "Un renseignement personnel peut être utilisé à une autre fin que celle de sa collecte avec le consentement de la personne concernée (art. 65.1, al. 1 ; exprès s'il s'agit d'un renseignement sensible). " +
				"Seules les utilisations faites sans consentement dans les cas des paragraphes 1° à 3° du deuxième alinéa de l'article 65.1 sont inscrites au registre de l'article 67.3 : l'utilisation consentie n'a pas à l'être, et son inscription est acceptée à titre volontaire (UTI-001 ne s'applique pas). " +
				"Déclarez-la avec exemption: consentement, ou écrivez-le dans l'appui légal (« Consentement de la personne concernée »).",
			Bad:  uti + "appui_legal:\n  - Consentement de la personne concernée\n",
			Good: "(aucune inscription : l'utilisation consentie n'a pas à être inscrite ; ou l'inscription conservée volontairement, avec exemption: consentement)"}},
	)
}

func com025(p *Pass, e *model.Entry) {
	if at, ok := consentOnly(p, e, art673...); ok {
		p.Report(e, at, "communication faite avec le consentement de la personne concernée (art. 59, al. 1) : elle n'a pas à être inscrite au registre de l'article 67.3, qui ne vise que les communications sans consentement des articles 66 à 68 ; inscription acceptée à titre volontaire")
	}
}

func uti009(p *Pass, e *model.Entry) {
	if at, ok := consentOnly(p, e, "65.1"); ok {
		p.Report(e, at, "utilisation faite avec le consentement de la personne concernée (art. 65.1, al. 1) : elle n'a pas à être inscrite au registre de l'article 67.3, qui ne vise que les utilisations sans consentement des paragraphes 1° à 3° du deuxième alinéa de l'article 65.1 ; inscription acceptée à titre volontaire")
	}
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
