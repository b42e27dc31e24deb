package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Citation rules (legal.md §8.7). The parser (pkg/citation) finds the
// problems of each line of appui_legal (ententes: articles) and names them by
// rule id; these rules report them at the list item. CIT-008 of the legal
// analysis (only contracts or collective agreements) is COM-001.
func init() {
	E, W, I := finding.Error, finding.Warning, finding.Info
	cit := func(id string, sev finding.Severity, conf, title, text, bad, good string) *Rule {
		return &Rule{ID: id, Kinds: []*model.Kind{model.Communications, model.Utilisations, model.Ententes}, Entry: citIssues,
			Doc: Doc{Title: title, Text: text, Severity: sev, Confidence: conf, Bad: bad, Good: good}}
	}
	register(
		cit("CIT-001", W, "M", "Ligne d'appui légal non reconnue",
			"La ligne ne se lit pas comme une citation (« Article 67 de la Loi sur l'accès », « Article 65.1 (1) de la Loi sur l'accès », « Loi sur les normes du travail (RLRQ, chapitre N-1.1) ») ni comme un instrument non législatif connu (convention collective, directive, entente, contrat, décision du Conseil du trésor). "+
				"registre ne peut alors pas vérifier l'appui légal ni construire le lien vers LégisQuébec. Écrivez le numéro d'article puis le nom de la loi, une disposition par ligne.",
			"appui_legal:\n  - Selon la pratique habituelle du Ministère\n", "appui_legal:\n  - Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès\n  - Entente administrative de communication (2012)\n"),
		cit("CIT-002", W, "M", "Loi inconnue de la table des lois",
			"Le titre de la loi ou du règlement n'est pas dans la table des lois de registre (Loi sur l'accès, Loi sur le privé, leurs règlements et les lois citées le plus souvent). Vérifiez l'orthographe du titre et ajoutez son chapitre entre parenthèses (p. ex. « (RLRQ, chapitre A-29) ») : le lien vers LégisQuébec en dépend.",
			"appui_legal:\n  - Article 12 de la Loi sur les exemples\n", "appui_legal:\n  - Article 12 de la Loi sur les exemples (RLRQ, chapitre E-0.1)\n"),
		cit("CIT-003", W, "M", "Chapitre différent de celui de la loi citée",
			"Le chapitre indiqué entre parenthèses ne correspond pas à celui de la loi nommée dans la table des lois, p. ex. « Loi sur l'assurance maladie (L.R.Q, c. 89, A-42) » alors que cette loi est le chapitre A-29. L'un des deux est erroné : corrigez le titre ou le chapitre.",
			"appui_legal:\n  - Loi sur l'assurance maladie (L.R.Q, c. 89, A-42)\n", "appui_legal:\n  - Loi sur l'assurance maladie (RLRQ, chapitre A-29)\n"),
		cit("CIT-004", E, "M", "Article inexistant de la Loi sur l'accès ou de la Loi sur le privé",
			"L'article cité n'existe pas dans la Loi sur l'accès (RLRQ, chapitre A-2.1) ou dans la Loi sur le privé (RLRQ, chapitre P-39.1) selon la liste des articles livrée avec registre. C'est souvent une faute de frappe (67.21 pour 67.2.1) ou un article d'une autre loi dont le titre manque.",
			"appui_legal:\n  - Article 67.21 de la Loi sur l'accès\n", "appui_legal:\n  - Article 67.2.1 de la Loi sur l'accès\n"),
		cit("CIT-005", W, "M", "Subdivision fédérale avec une loi du Québec, ou l'inverse",
			"Les lois du Québec et les lois fédérales ne se divisent pas de la même façon : au Québec, l'article se divise en alinéas (non numérotés) puis en paragraphes (1°, 2°) ; dans une loi fédérale, l'article se divise en paragraphes (1), (2) puis en alinéas a), b). « Alinéa 3a) » ne se dit donc que d'une loi fédérale, et « deuxième alinéa » que d'une loi du Québec. Corrigez la subdivision ou la loi citée.",
			"appui_legal:\n  - Alinéa 59a) de la Loi sur l'accès\n", "appui_legal:\n  - Article 59, deuxième alinéa, paragraphe 3° de la Loi sur l'accès\n"),
		cit("CIT-006", I, "H", "Style de citation désuet ou typographie à corriger",
			"La citation se comprend, mais sa forme est désuète ou fautive : « L.R.Q. » ou « LRQ » (remplacé par RLRQ depuis 2010), espace parasite dans un chapitre (« A-2. 1 »), « º » (indicateur ordinal) au lieu du symbole degré « ° » de LégisQuébec. « registre fmt » pourra la corriger.",
			"appui_legal:\n  - Article 37 de la Loi sur les normes du travail (L.R.Q., c. N-1.1)\n", "appui_legal:\n  - Article 37 de la Loi sur les normes du travail (RLRQ, chapitre N-1.1)\n"),
		cit("CIT-007", W, "L", "« LRC » employé comme nom de loi",
			"« LRC » (Lois révisées du Canada) désigne le recueil des lois fédérales, pas une loi : « Alinéa 3b de la LRC » ne dit pas de quelle loi il s'agit. Nommez la loi fédérale, p. ex. « Alinéa 3b) de la Loi sur la statistique (L.R.C. 1985, ch. S-19) », sur la même ligne ou sur une ligne précédente de la même cellule. Heuristique : précision mesurée : 1,00 sur 51 phrases (rappel 0,64 : « Paragraphe 8(2) de la LRC » et les subdivisions fédérales entre parenthèses échappent encore au repérage ; corpus testdata/heuristics/CIT-007.tsv).",
			"appui_legal:\n  - Alinéa 3b de la LRC\n", "appui_legal:\n  - Alinéa 3b) de la Loi sur la statistique (L.R.C. 1985, ch. S-19)\n"),
	)
}

// citIssues reports the parser's issues whose code is the rule's id, at the
// list item of the line.
func citIssues(p *Pass, e *model.Entry) {
	key := "appui_legal"
	if e.Kind.Field(key) == nil {
		key = "articles"
	}
	var paths []string // computed at the first issue
	for i, l := range p.Citations(e).Lines {
		for _, is := range l.Issues {
			if is.Code != p.rule.ID {
				continue
			}
			if paths == nil {
				paths = itemPaths(e, key)
			}
			path := key
			if i < len(paths) {
				path = paths[i]
			}
			p.Report(e, path, "%s : %s", displayKey(path), is.Message)
		}
	}
}
