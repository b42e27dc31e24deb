package rule

import (
	"sort"
	"strconv"
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	I := finding.Info
	uti := []*model.Kind{model.Utilisations}
	register(&Rule{ID: "UTI-006", Kinds: uti, Sector: PublicOnly, Entry: uti006, Doc: Doc{
		Title: "Renseignements dépersonnalisés pour la recherche : le paragraphe 4° est peut-être le bon appui", Law: "A-2.1, art. 65.1, al. 2, par. 4° et al. 4", Severity: I, Confidence: "M",
		Text: "La description des renseignements utilisés (renseignements) ou de l'utilisation (utilisation) dit que des renseignements dépersonnalisés servent à une étude, une recherche ou des statistiques, mais l'appui légal retient le paragraphe 1°, 2° ou 3°. Le paragraphe 4° vise précisément ce cas, et une telle utilisation n'a pas à être inscrite (65.1, al. 4). Vérifiez l'appui légal ; si les renseignements restent identifiants, retirez la mention « dépersonnalisé ». " +
			"Ne déclenchent pas la règle : une mention dans les remarques (un commentaire, comme « si c'est dépersonnalisé, nous avons l'obligation de l'inscrire »), une mention niée ou hypothétique, les « études » au sens de la scolarité, et une utilisation qui joint les personnes elles-mêmes (sollicitation à un sondage par courriel : les renseignements utilisés sont alors identifiants). Heuristique : précision mesurée : 0,95 sur 53 phrases (rappel 0,95 ; corpus testdata/heuristics/UTI-006.tsv).",
		Bad:  "utilisation: Analyse statistique des parcours de francisation à partir des dossiers dépersonnalisés\nappui_legal: [Article 65.1 (3) de la Loi sur l'accès]\n",
		Good: "utilisation: Analyse statistique des parcours de francisation à partir des dossiers dépersonnalisés\nappui_legal: [Article 65.1 (4) de la Loi sur l'accès]\n"}})
}

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
