package citation_test

import (
	"fmt"

	"github.com/registre-qc/registre/pkg/citation"
)

func ExampleParseCell() {
	c := citation.ParseCell([]string{
		"Loi sur le ministère de l’Immigration, francisation et de l’intégration",
		"Article 7, alinéa 1 paragraphe 6",
		"Alinéa 3a de la Loi sur la statistique (LRC)",
		"Alinéa 3b de la LRC",
		"Convention collective des fonctionnaires",
	})
	for _, l := range c.Lines {
		fmt.Print(l.Kind, ":")
		for _, r := range l.Refs {
			fmt.Print(" ", r.String())
		}
		if l.NonStatutory != "" {
			fmt.Print(" ", l.NonStatutory)
		}
		fmt.Println()
	}
	// Output:
	// instrument: Loi sur le ministère de l'Immigration, de la Francisation et de l'Intégration (RLRQ, c. M-16.1)
	// citation: art. 7, al. 1, par. 6°, Loi sur le ministère de l'Immigration, de la Francisation et de l'Intégration (RLRQ, c. M-16.1)
	// citation: art. 3a), Loi sur la statistique (L.R.C. 1985, ch. S-19)
	// citation: art. 3b), Loi sur la statistique (L.R.C. 1985, ch. S-19)
	// non_legislatif: convention_collective
}

func ExampleParseLine() {
	l := citation.ParseLine("Article 65 de la Loi sur l’assurance maladie (L.R.Q, c. 89, A-42)")
	fmt.Println(l.Refs[0].Instrument, l.Refs[0].Article)
	for _, is := range l.Issues {
		fmt.Println(is.Code, is.Message)
	}
	// Output:
	// A-29 65
	// CIT-003 Le chapitre indiqué « L.R.Q, c. 89, A-42 » ne correspond pas à celui de « Loi sur l'assurance maladie » dans la table des alias (RLRQ, c. A-29) : corrigez le chapitre ou le titre.
	// CIT-006 Style désuet : « L.R.Q, c. 89, A-42 » ; écrivez « RLRQ, c. A-29 » (le recueil RLRQ a remplacé les L.R.Q.).
}

func ExampleRef_URL() {
	r := citation.ParseLine("Article 67.2.1 de la Loi sur l'accès").Refs[0]
	fmt.Println(r.URL("fr"))
	fmt.Println(r.URL("en"))
	// Output:
	// https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1#se:67_2_1
	// https://www.legisquebec.gouv.qc.ca/en/document/cs/A-2.1#se:67_2_1
}

func ExampleCell_Cites() {
	c := citation.ParseCellDefault([]string{"Article 65.1 (3) de la Loi sur l’accès.", "68 al. 1 par. 1°"}, "A-2.1")
	for _, r := range c.Cites("A-2.1", "65.1") {
		fmt.Println(r.Al, r.Par.From)
	}
	fmt.Println(c.Articles())
	// Output:
	// 2 3
	// [{A-2.1 65.1} {A-2.1 68}]
}

func ExampleLookupAlias() {
	instr, title, ok := citation.LookupAlias("loi sur le ministere de l'immigration, francisation et de l'integration")
	fmt.Println(instr, ok)
	fmt.Println(title)
	// Output:
	// M-16.1 true
	// Loi sur le ministère de l'Immigration, de la Francisation et de l'Intégration
}
