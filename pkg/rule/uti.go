package rule

import (
	"sort"
	"strconv"
	"strings"

	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Rules of the register of uses (A-2.1 art. 65.1 → 67.3 al. 2): public bodies only.
func init() {
	E, W, I := finding.Error, finding.Warning, finding.Info
	uti := []*model.Kind{model.Utilisations}
	base := "id: UTI-0001\nunite: Direction de la recherche\nrenseignements: Adresse courriel\nfins_initiales: Inscription aux cours de français\nutilisation: Sondage de satisfaction de la clientèle\npersonnes_acces: [Analyste en mesure de la satisfaction]\n"
	register(
		&Rule{ID: "UTI-001", Kinds: uti, Sector: PublicOnly, Entry: uti001, Doc: Doc{
			Title: "Utilisation sans l'article 65.1 ou sans son paragraphe", Law: "A-2.1, art. 65.1, al. 2 ; art. 67.3, al. 2", Severity: E, Confidence: "H",
			Text: "Une utilisation de renseignements personnels à d'autres fins sans consentement n'est permise que dans les cas des paragraphes 1° à 4° du deuxième alinéa de l'article 65.1 : fins compatibles (1°), bénéfice manifeste de la personne (2°), application d'une loi au Québec (3°), étude, recherche ou statistique avec des renseignements dépersonnalisés (4°). L'appui légal cite l'article 65.1 avec le paragraphe retenu, p. ex. « Article 65.1 (2) de la Loi sur l'accès ». Un appui légal absent est signalé sous le même identifiant.",
			Bad:  base + "appui_legal: [Article 65.1 de la Loi sur l'accès]\n", Good: base + "appui_legal: [Article 65.1 (2) de la Loi sur l'accès]\n"}},
		&Rule{ID: "UTI-002", Kinds: uti, Sector: PublicOnly, Entry: uti002, Doc: Doc{
			Title: "Utilisation nécessaire à l'application d'une loi sans la disposition de cette loi", Law: "A-2.1, art. 65.1, al. 2, par. 3° ; art. 67.3, dernier alinéa (non vérifié)", Severity: W, Confidence: "M",
			Text: "Pour une utilisation nécessaire à l'application d'une loi au Québec (65.1, al. 2, par. 3°), le registre indique la disposition de la loi qui rend l'utilisation nécessaire. Ajoutez-la à l'appui légal, sur sa propre ligne, en nommant la loi (toute autre citation législative que l'article 65.1 est acceptée). Point non vérifié : l'analyse juridique reconstitue la liste des éléments du registre d'une utilisation (dernier alinéa de l'article 67.3) sans en avoir lu le texte officiel [U] ; la règle est donc un avertissement.",
			Bad:  base + "appui_legal: [Article 65.1 (3) de la Loi sur l'accès]\n",
			Good: base + "appui_legal:\n  - Article 65.1 (3) de la Loi sur l'accès\n  - Article 7, alinéa 1, paragraphe 6° de la Loi sur le ministère de l'Immigration, de la Francisation et de l'Intégration\n"}},
		&Rule{ID: "UTI-003", Sector: PublicOnly, Doc: Doc{
			Title: "Catégories de personnes ayant accès manquantes", Law: "A-2.1, art. 67.3, dernier alinéa (non vérifié)", Severity: W, Confidence: "M",
			Text: "Le registre indique les catégories de personnes qui ont accès aux renseignements pour cette utilisation (clé personnes_acces) : des fonctions, jamais des noms. Point non vérifié : l'analyse juridique reconstitue la liste des éléments du registre d'une utilisation (dernier alinéa de l'article 67.3) sans en avoir lu le texte officiel [U] ; la règle est donc un avertissement.",
			Bad:  "personnes_acces: []\n", Good: "personnes_acces:\n  - Analyste en mesure de la satisfaction\n"}},
		&Rule{ID: "UTI-004", Kinds: uti, Sector: PublicOnly, Entry: uti004, Doc: Doc{
			Title: "Utilisation dépersonnalisée à des fins de recherche : inscription non requise", Law: "A-2.1, art. 65.1, al. 2, par. 4° et al. 4", Severity: I, Confidence: "H",
			Text: "Seules les utilisations des paragraphes 1° à 3° du deuxième alinéa de l'article 65.1 doivent être inscrites au registre. Une utilisation nécessaire à des fins d'étude, de recherche ou de production de statistiques, avec des renseignements dépersonnalisés (4°), n'a pas à l'être : son inscription est acceptée à titre volontaire.",
			Bad:  base + "appui_legal: [Article 65.1 (4) de la Loi sur l'accès]\n", Good: "(aucune inscription, ou l'inscription conservée volontairement)"}},
		&Rule{ID: "UTI-005", Kinds: uti, Sector: PublicOnly, Entry: uti005, Doc: Doc{
			Title: "Fins compatibles sans justification du lien pertinent et direct", Law: "A-2.1, art. 65.1, al. 3", Severity: W, Confidence: "M",
			Text: "Pour qu'une fin soit compatible (65.1, al. 2, par. 1°), il doit y avoir un lien pertinent et direct avec les fins pour lesquelles les renseignements ont été recueillis. Documentez ce lien avec la clé justification_compatibilite (elle n'est pas publiée).",
			Bad:  base + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\n",
			Good: base + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\njustification_compatibilite: Le sondage porte sur le service pour lequel l'adresse a été recueillie.\n"}},
		&Rule{ID: "UTI-006", Kinds: uti, Sector: PublicOnly, Entry: uti006, Doc: Doc{
			Title: "Renseignements dépersonnalisés pour la recherche : le paragraphe 4° est peut-être le bon appui", Law: "A-2.1, art. 65.1, al. 2, par. 4° et al. 4", Severity: I, Confidence: "M",
			Text: "La description des renseignements utilisés (renseignements) ou de l'utilisation (utilisation) dit que des renseignements dépersonnalisés servent à une étude, une recherche ou des statistiques, mais l'appui légal retient le paragraphe 1°, 2° ou 3°. Le paragraphe 4° vise précisément ce cas, et une telle utilisation n'a pas à être inscrite (65.1, al. 4). Vérifiez l'appui légal ; si les renseignements restent identifiants, retirez la mention « dépersonnalisé ». " +
				"Ne déclenchent pas la règle : une mention dans les remarques (un commentaire, comme « si c'est dépersonnalisé, nous avons l'obligation de l'inscrire »), une mention niée ou hypothétique, les « études » au sens de la scolarité, et une utilisation qui joint les personnes elles-mêmes (sollicitation à un sondage par courriel : les renseignements utilisés sont alors identifiants). Heuristique : précision mesurée : 0,95 sur 53 phrases (rappel 0,95 ; corpus testdata/heuristics/UTI-006.tsv).",
			Bad:  "utilisation: Analyse statistique des parcours de francisation à partir des dossiers dépersonnalisés\nappui_legal: [Article 65.1 (3) de la Loi sur l'accès]\n",
			Good: "utilisation: Analyse statistique des parcours de francisation à partir des dossiers dépersonnalisés\nappui_legal: [Article 65.1 (4) de la Loi sur l'accès]\n"}},
		&Rule{ID: "UTI-007", Kinds: uti, Sector: PublicOnly, Entry: uti007, Doc: Doc{
			Title: "« Anonymisé » employé avec « dépersonnalisé » ou « identifiable »", Law: "A-2.1, art. 65.1 (dépersonnalisé) et art. 73 (anonymisé)", Severity: W, Confidence: "L",
			Text: "Les deux termes ne sont pas interchangeables. Un renseignement dépersonnalisé ne permet plus d'identifier directement la personne (65.1) ; un renseignement anonymisé ne permet plus, de façon irréversible, de l'identifier directement ou indirectement (73, selon le Règlement sur l'anonymisation). Un texte qui dit les renseignements anonymisés et aussi dépersonnalisés, identifiables ou nominatifs se contredit : employez le terme juste. Heuristique : précision mesurée : 1,00 sur 50 phrases (rappel 1,00 ; corpus testdata/heuristics/UTI-007.tsv).",
			Bad:  base + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\nremarques: Les renseignements anonymisés restent identifiables par l'équipe.\n",
			Good: base + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\nremarques: Les renseignements dépersonnalisés restent identifiables indirectement par l'équipe.\n"}},
		&Rule{ID: "UTI-008", Sector: PublicOnly, Retired: "retirée : l'article 67.3 n'énumère pas l'unité, la nature des renseignements, les fins initiales ni l'utilisation prévue parmi les éléments du registre d'une utilisation (analyse juridique, §4.14) ; ces colonnes sont de bonne pratique et relèvent désormais de UTI-010 (avertissement, sans article)", Doc: Doc{
			Title: "Élément du registre des utilisations manquant (règle retirée, voir UTI-010)", Law: "A-2.1, art. 67.3, al. 2", Severity: E, Confidence: "M",
			Text: "Règle retirée. Elle exigeait comme des éléments du registre de l'article 67.3 l'unité qui utilise les renseignements (unite), leur nature (renseignements), les fins pour lesquelles ils ont été recueillis (fins_initiales) et l'utilisation prévue (utilisation). L'article 67.3 énumère, pour une utilisation, le paragraphe de l'article 65.1 qui la permet, pour le paragraphe 3° la disposition de la loi qui la rend nécessaire, et la catégorie de personnes qui ont accès aux renseignements : ces quatre colonnes sont une bonne pratique (UTI-010), pas une obligation.",
			Bad:  "utilisation: \"\"\n", Good: "utilisation: Sondage de satisfaction de la clientèle\n"}},
		&Rule{ID: "UTI-010", Kinds: uti, Sector: PublicOnly, Entry: uti010, Doc: Doc{
			Title: "Colonne de bonne pratique du registre des utilisations manquante", Law: lawPractice, Severity: W, Confidence: "H",
			Text: "Les registres publiés indiquent, pour chaque utilisation, l'unité qui utilise les renseignements (unite), leur nature (renseignements), les fins pour lesquelles ils ont été recueillis (fins_initiales) et l'utilisation prévue à d'autres fins (utilisation). " +
				"L'article 67.3 ne les énumère pas parmi les éléments du registre d'une utilisation (le paragraphe de l'article 65.1, la disposition de la loi pour le paragraphe 3°, la catégorie de personnes qui ont accès : règles UTI-001 à UTI-003) : ce sont des colonnes de bonne pratique, qui rendent le registre compréhensible et montrent que la nouvelle fin diffère de la fin initiale. Aucun article ne les exige ; la règle est un avertissement.",
			Bad:  "id: UTI-0001\nrenseignements: Adresse courriel\nappui_legal: [Article 65.1 (1) de la Loi sur l'accès]\npersonnes_acces: [Analyste en mesure de la satisfaction]\n",
			Good: base + "appui_legal: [Article 65.1 (1) de la Loi sur l'accès]\n"}},
	)
}

const utiLAI = "A-2.1"

// lawPractice is the Law of a good-practice rule: no article requires it.
const lawPractice = "Bonne pratique (aucun article ne l'exige)"

// utiPractice are the use-register columns of good practice (UTI-010).
var utiPractice = []struct{ key, french string }{
	{"unite", "l'unité qui utilise les renseignements (unite)"},
	{"renseignements", "la nature des renseignements (renseignements)"},
	{"fins_initiales", "les fins pour lesquelles ils ont été recueillis (fins_initiales)"},
	{"utilisation", "l'utilisation prévue (utilisation)"},
}

func uti010(p *Pass, e *model.Entry) {
	var miss []string
	at := ""
	for _, c := range utiPractice {
		if e.Str(c.key) == "" {
			miss = append(miss, c.french)
			if at == "" && e.Has(c.key) {
				at = c.key
			}
		}
	}
	if len(miss) > 0 {
		p.Report(e, at, "colonne de bonne pratique vide ou absente : %s ; l'article 67.3 ne l'exige pas, mais le registre publié l'indique pour être compris", strings.Join(miss, ", "))
	}
}

// utiBasis is the reading of the 65.1 citations of one use entry.
type utiBasis struct {
	cited bool         // 65.1 is cited
	path  string       // key path of the first appui_legal item citing 65.1
	pars  map[int]bool // valid paragraphs cited (1..4)
	bad   []string     // invalid paragraph texts
}

func (b utiBasis) only(ns ...int) bool {
	if len(b.pars) == 0 {
		return false
	}
	for n := range b.pars {
		ok := false
		for _, m := range ns {
			ok = ok || n == m
		}
		if !ok {
			return false
		}
	}
	return true
}

// utiBasisOf reads the paragraphs of 65.1 al. 2 cited by e.
func utiBasisOf(p *Pass, e *model.Entry) utiBasis {
	b := utiBasis{pars: map[int]bool{}}
	paths := itemPaths(e, "appui_legal")
	for i, l := range p.Citations(e).Lines {
		if l.Kind != citation.Citation {
			continue
		}
		for _, r := range l.Refs {
			if r.Instrument != utiLAI || r.Article != "65.1" {
				continue
			}
			if !b.cited {
				b.cited, b.path = true, "appui_legal"
				if i < len(paths) {
					b.path = paths[i]
				}
			}
			if r.Par == nil {
				continue
			}
			from, to := r.Par.From, r.Par.To
			if to == "" {
				to = from
			}
			f, err1 := strconv.Atoi(from)
			t, err2 := strconv.Atoi(to)
			if err1 != nil || err2 != nil || f < 1 || t > 4 || t < f {
				txt := from
				if to != from {
					txt += "° à " + to
				}
				b.bad = append(b.bad, txt)
				continue
			}
			for n := f; n <= t; n++ {
				b.pars[n] = true
			}
		}
	}
	return b
}

// utiAt is the key path of the appui_legal line citing 65.1.
func (b utiBasis) at() string {
	if b.path == "" {
		return "appui_legal"
	}
	return b.path
}

func uti001(p *Pass, e *model.Entry) {
	if len(e.Strings("appui_legal")) == 0 {
		return // missing or empty: reported by the schema under the same id
	}
	if _, ok := consentOnly(p, e, "65.1"); ok {
		return // UTI-009
	}
	b := utiBasisOf(p, e)
	switch {
	case !b.cited:
		p.Report(e, "appui_legal", "l'appui légal ne cite pas l'article 65.1 de la Loi sur l'accès, qui seul permet l'utilisation à d'autres fins sans consentement : indiquez-le avec son paragraphe, p. ex. « Article 65.1 (2) de la Loi sur l'accès »")
	case len(b.bad) > 0:
		p.Report(e, b.at(), "paragraphe %s° de l'article 65.1 inexistant : le deuxième alinéa n'en compte que quatre (1° à 4°)", b.bad[0])
	case len(b.pars) == 0:
		p.Report(e, b.at(), "l'article 65.1 est cité sans son paragraphe : indiquez le cas retenu du deuxième alinéa (1°, 2°, 3° ou 4°), p. ex. « Article 65.1 (2) de la Loi sur l'accès »")
	}
}

// utiOtherStatute reports whether the cell cites a statutory provision other than 65.1.
func utiOtherStatute(c citation.Cell) bool {
	for _, l := range c.Lines {
		if l.Kind != citation.Citation && l.Kind != citation.InstrumentOnly {
			continue
		}
		for _, r := range l.Refs {
			switch {
			case r.Jur == citation.Accord:
			case r.Instrument == utiLAI && (r.Article == "65.1" || r.Article == ""):
			case l.Kind == citation.InstrumentOnly && r.Instrument == "":
			default:
				return true
			}
		}
	}
	return false
}

func uti002(p *Pass, e *model.Entry) {
	b := utiBasisOf(p, e)
	if !b.pars[3] || utiOtherStatute(p.Citations(e)) {
		return
	}
	p.Report(e, b.at(), "utilisation nécessaire à l'application d'une loi (art. 65.1, al. 2, par. 3°) sans la disposition de cette loi qui la rend nécessaire : ajoutez-la à l'appui légal, sur sa propre ligne, en nommant la loi")
}

func uti004(p *Pass, e *model.Entry) {
	if b := utiBasisOf(p, e); b.pars[4] {
		p.Report(e, b.at(), "utilisation à des fins d'étude, de recherche ou de statistique avec des renseignements dépersonnalisés (art. 65.1, al. 2, par. 4°) : elle n'a pas à être inscrite (art. 65.1, al. 4) ; inscription acceptée à titre volontaire")
	}
}

func uti005(p *Pass, e *model.Entry) {
	if b := utiBasisOf(p, e); b.pars[1] && e.Str("justification_compatibilite") == "" {
		p.Report(e, b.at(), "fins compatibles (art. 65.1, al. 2, par. 1°) sans justification du lien pertinent et direct avec les fins de la collecte (clé justification_compatibilite ; art. 65.1, al. 3)")
	}
}

// Text keys of a use entry searched by UTI-006 and UTI-007, in file order.
var utiTextKeys = []string{"renseignements", "fins_initiales", "utilisation", "remarques"}

func uti006(p *Pass, e *model.Entry) {
	b := utiBasisOf(p, e)
	if !b.only(1, 2, 3) {
		return
	}
	// What is used and for what: the remarks are commentary (« si c'est
	// dépersonnalisé… »), legal.md §4.15.
	if !utiDeidentifiedResearchIn(textOf(e, utiUseKeys...), e.Str("utilisation")) {
		return
	}
	for _, k := range utiUseKeys {
		if hasWord(e.Str(k), "depersonnalis") != "" {
			p.Report(e, k, "renseignements dépersonnalisés utilisés pour une étude, une recherche ou des statistiques, mais l'appui légal retient le paragraphe %s° : le paragraphe 4° de l'article 65.1, al. 2 est peut-être le bon appui, et une telle utilisation n'a alors pas à être inscrite (art. 65.1, al. 4)", utiParList(b.pars))
			return
		}
	}
}

func utiParList(pars map[int]bool) string {
	var ns []int
	for n := range pars {
		ns = append(ns, n)
	}
	sort.Ints(ns)
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, "°, ")
}

// utiNegations are words that, just before a term, deny it (« non anonymisés », « ne sont pas identifiables »).
var utiNegations = map[string]bool{"non": true, "pas": true, "plus": true, "ni": true, "jamais": true, "aucun": true, "aucune": true, "sans": true}

// utiAffirms reports whether text uses a word starting with stem (plain) at least once without a negation just before it.
func utiAffirms(text, stem string) bool {
	t := plain(text)
	for i := 0; ; {
		j := strings.Index(t[i:], stem)
		if j < 0 {
			return false
		}
		j += i
		i = j + 1
		if j > 0 && isLetter(rune(t[j-1])) {
			continue
		}
		before := strings.FieldsFunc(t[:j], func(r rune) bool { return !isLetter(r) })
		negated := false
		for k := len(before) - 1; k >= 0 && k >= len(before)-2; k-- {
			negated = negated || utiNegations[before[k]]
		}
		if !negated {
			return true
		}
	}
}

func uti007(p *Pass, e *model.Entry) {
	key := ""
	for _, k := range utiTextKeys {
		if utiAffirms(e.Str(k), "anonymis") {
			key = k
			break
		}
	}
	if key == "" {
		return
	}
	also := utiAnonymisedAlso(textOf(e, utiTextKeys...))
	if len(also) == 0 {
		return
	}
	p.Report(e, key, "le texte emploie « anonymisé » et aussi %s : un renseignement anonymisé ne permet plus, de façon irréversible, d'identifier la personne (art. 73), un renseignement dépersonnalisé ne permet plus de l'identifier directement (art. 65.1) ; employez le terme juste", strings.Join(also, " et "))
}

// utiAnonymisedAlso returns the words that contradict « anonymisé » in text
// (UTI-007), or nil when text does not affirm « anonymisé ».
func utiAnonymisedAlso(text string) []string {
	if !utiAffirms(text, "anonymis") {
		return nil
	}
	var also []string
	for _, w := range []struct{ stem, word string }{{"depersonnalis", "dépersonnalisé"}, {"identifiabl", "identifiable"}, {"nominati", "nominatif"}} {
		if utiAffirms(text, w.stem) {
			also = append(also, "« "+w.word+" »")
		}
	}
	return also
}

// Keys of a use entry that say what is used and for what (UTI-006).
var utiUseKeys = []string{"renseignements", "utilisation"}

// utiContactStems (plain) say the use reaches the persons themselves: the
// information used is then identifying, whatever is done with the answers.
var utiContactStems = []string{"sollicit", "invit", "joindre", "contacter", "communiquer avec", "envoy", "transmettre un questionnaire", "relanc", "courriel", "telephon"}

// utiDeidentifiedResearch reports whether a use description says that
// de-identified information is used for study, research or statistics
// (UTI-006): « dépersonnalisé » affirmed (not denied, not hypothetical),
// a research word (researchWord: not « études » as schooling), and no
// contact with the persons.
func utiDeidentifiedResearch(text string) bool { return utiDeidentifiedResearchIn(text, text) }

// utiDeidentifiedResearchIn is utiDeidentifiedResearch for an entry: text is
// what is used and for what (renseignements and utilisation), use the
// description of the use alone, where contact with the persons is looked
// for (« Nom, courriel » in renseignements names data, it contacts nobody).
func utiDeidentifiedResearchIn(text, use string) bool {
	if !utiAffirms(text, "depersonnalis") || utiHypothetical(text, "depersonnalis") {
		return false
	}
	if researchWord(text) == "" {
		return false
	}
	return hasWord(use, utiContactStems...) == ""
}

// utiHypothetical reports whether every use of stem follows « si » within
// three words (« si c'est dépersonnalisé »).
func utiHypothetical(text, stem string) bool {
	t := plain(text)
	found := false
	for i := 0; ; {
		j := strings.Index(t[i:], stem)
		if j < 0 {
			return found
		}
		j += i
		i = j + 1
		before := strings.FieldsFunc(t[:j], func(r rune) bool { return !isLetter(r) })
		hyp := false
		for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
			hyp = hyp || before[k] == "si" || before[k] == "lorsque"
		}
		if !hyp {
			return false
		}
		found = true
	}
}
