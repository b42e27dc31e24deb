// Package sample builds the published tables the renderer tests and
// benchmarks share: realistic French registers, a hostile one, an empty one
// and large generated ones. Everything is deterministic.
package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/registre-qc/registre/pkg/table"
)

const legis = "https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1"

func lines(s ...string) table.Cell {
	c := table.Cell{}
	for _, x := range s {
		c.Lines = append(c.Lines, table.Line{Text: x})
	}
	return c
}

func text(s string) table.Cell { return lines(strings.Split(s, "\n")...) }

func cite(text, url string) table.Line { return table.Line{Text: text, URL: url} }

// Site is a public site holding the sample tables.
func Site(tables ...table.Table) table.Site {
	return table.Site{
		Title:      "Diffusion de l'information — renseignements personnels",
		Org:        "Ministère de l'Exemple et de l'Intégration",
		OrgAcronym: "MEI",
		URL:        "https://www.exemple.gouv.qc.ca/diffusion/",
		Contact: table.Contact{
			Title:   "Responsable de l'accès aux documents et de la protection des renseignements personnels",
			Email:   "acces@exemple.gouv.qc.ca",
			Phone:   "418 555-0199, poste 1234",
			Address: "875, Grande Allée Est, 2e étage\nQuébec (Québec)  G1R 4Y8",
		},
		Updated:   "2025-03-14",
		Tables:    tables,
		Generator: "registre 1.2.3",
	}
}

// Communications is a register of communications with long multi-line
// cells, legal citations with links and a Oui / Non column.
func Communications() table.Table {
	return table.Table{
		Kind:  "communications",
		Title: "Registre des communications de renseignements personnels",
		Preamble: "En vertu de l’article 67.3 de la Loi sur l’accès aux documents des organismes publics et sur la " +
			"protection des renseignements personnels (Loi sur l’accès), le Ministère doit inscrire dans un registre " +
			"toute communication de renseignements personnels visée aux articles 66, 67, 67.1, 67.2, 67.2.1 et 68.\n" +
			"De plus, l’article 4 (6°) du Règlement sur la diffusion de l’information et sur la protection des " +
			"renseignements personnels précise que ce registre doit être diffusé.",
		Empty:   "Aucune communication inscrite",
		Updated: "2025-03-01",
		Columns: []table.Column{
			{Key: "destinataire", Title: "Personne ou organisme receveur"},
			{Key: "renseignements", Title: "Nature ou type de renseignements personnels communiqués"},
			{Key: "fins", Title: "Fins pour lesquelles les renseignements sont communiqués"},
			{Key: "raisons", Title: "Raisons justifiant la communication"},
			{Key: "appui_legal", Title: "Appui légal", List: true},
			{Key: "hors_quebec", Title: "Communication à l'extérieur du Québec"},
			{Key: "remarques", Title: "Remarques, commentaires et autres indications"},
		},
		Rows: []table.Row{
			{ID: "COM-2024-001", Cells: []table.Cell{
				lines("Statistique Canada"),
				text("Pour l'ensemble des personnes immigrantes sélectionnées par le Québec et admises au Canada :\n" +
					"numéro du formulaire d'immigration, date d'octroi du statut, code de la catégorie fédérale " +
					"d'immigration, code du pays de naissance, sexe et date de naissance."),
				text("Les données sont communiquées à des fins statistiques pour permettre la réalisation d'études " +
					"et de recherches sur les programmes d'immigration du Québec."),
				text("Statistique Canada a constitué une banque de données sur les immigrants (BDIM) pour l’ensemble " +
					"du Canada. L'ajout de données propres à la sélection québécoise permet de réaliser des analyses " +
					"plus approfondies sur l'effet des divers programmes d'immigration du Québec.\n" +
					"Description de la BDIM : https://www.statcan.gc.ca/fr/bdim."),
				{Lines: []table.Line{
					cite("Loi sur l’accès, art. 67.2.1", legis+"#se:67_2_1"),
					{Text: "Loi sur la statistique (L.R.C. 1985, ch. S-19), al. 3a) et 3b)"},
					{Text: "Lettre d'entente pour l'achat de données de la BDIM (2025)"},
				}},
				lines("Oui"),
				text("La communication se fait sur une base annuelle depuis l'année 2000.\n" +
					"Entente renouvelée le 1er avril 2025 ; température de conservation : 18 °C ; n° 12."),
			}},
			{ID: "COM-2024-002", Cells: []table.Cell{
				lines("Régie de l'assurance maladie du Québec (RAMQ)"),
				text("Pour chaque personne immigrante admise au Québec :\n" +
					"numéro séquentiel, nom, prénom, date de naissance, sexe, numéro du visa et identifiant client fédéral."),
				text("Réaliser des études quantitatives sur la présence et la localisation de la population " +
					"immigrante au Québec et dans ses régions."),
				text("Les fichiers du Ministère ne permettent pas de localiser la population immigrante dans les " +
					"régions administratives. La RAMQ est le seul organisme qui possède, avec le Ministère, une clé " +
					"d'accès commune et l'adresse de la personne."),
				{Lines: []table.Line{
					cite("Loi sur l’accès, art. 67", legis+"#se:67"),
					{Text: "Loi sur l’assurance maladie (RLRQ, chapitre A-29), art. 65"},
					{Text: "Entente administrative relative à la communication de renseignements personnels (2012)"},
				}},
				lines("Non"),
				text("Après la réalisation du mandat, la RAMQ retourne au Ministère des renseignements " +
					"dépersonnalisés à des fins de statistiques.\n\nVoir aussi https://www.ramq.gouv.qc.ca/fr."),
			}},
			{ID: "COM-2025-003", Cells: []table.Cell{
				lines("Tout ministère et organisme public responsable de l'application d'une loi au Québec"),
				lines("Le contenu des dénonciations ou des signalements"),
				lines("Transmettre aux ministères et organismes concernés les dénonciations et signalements reçus qui portent sur des préjudices allégués à leur égard."),
				lines("Permettre à ceux-ci de prévenir, détecter ou réprimer les infractions aux lois qu’ils appliquent."),
				{Lines: []table.Line{cite("Loi sur l’accès, art. 67.2", legis+"#se:67_2")}},
				lines("Non"),
				// Fewer cells than columns: the missing remark is empty.
			}},
		},
	}
}

// Inventaire is a ten-column register with list columns.
func Inventaire() table.Table {
	return table.Table{
		Kind:  "inventaire",
		Title: "Inventaire des fichiers de renseignements personnels",
		Preamble: "En vertu de l'article 76 de la Loi sur l'accès aux documents des organismes publics et sur la " +
			"protection des renseignements personnels, le Ministère doit établir et maintenir à jour un inventaire " +
			"de ses fichiers de renseignements personnels.",
		Empty:   "Aucun fichier inscrit",
		Updated: "2025-01-01",
		Columns: []table.Column{
			{Key: "unite", Title: "Unité administrative responsable"},
			{Key: "designation", Title: "Désignation du fichier"},
			{Key: "description", Title: "Description du fichier"},
			{Key: "personnes_concernees", Title: "Catégories de personnes concernées par les renseignements", List: true},
			{Key: "categories_renseignements", Title: "Catégories des renseignements", List: true},
			{Key: "provenance", Title: "Provenance des renseignements", List: true},
			{Key: "fins", Title: "Fins de la conservation des renseignements", List: true},
			{Key: "personnes_acces", Title: "Catégories de personnes ayant accès au fichier dans l'exercice de leurs fonctions", List: true},
			{Key: "supports", Title: "Supports utilisés", List: true},
			{Key: "mesures_securite", Title: "Mesures de sécurité pour assurer la protection des renseignements", List: true},
		},
		Rows: []table.Row{
			{ID: "INV-DAOI-01", Cells: []table.Cell{
				lines("Direction de l'architecture organisationnelle et de l'innovation"),
				lines("Dossiers des membres du personnel"),
				lines("Formulaires et documents relatifs à la gestion des emplois et des effectifs, à la dotation, aux conditions de travail, au développement des ressources humaines et à la gestion du rendement."),
				lines("Personnel du Ministère", "Candidates et candidats aux entrevues d'embauche", "Personnes ayant récemment quitté le Ministère"),
				lines("Emploi", "Éducation", "Identité", "Santé et services sociaux"),
				lines("Personne concernée ou sa représentante ou son représentant"),
				lines("Gestion des ressources humaines"),
				lines("Personnel adjoint administratif", "Gestionnaire de l'unité"),
				lines("Électronique"),
				lines("Contrôle préventif de l'accès au fichier", "Sensibilisation et formation du personnel"),
			}},
			{ID: "INV-DEIP-02", Cells: []table.Cell{
				lines("Direction des enquêtes et de l'intégrité des programmes"),
				lines("Dossiers d'enquête"),
				text("Divers documents relatifs à des signalements concernant des infractions alléguées ou avérées à la Loi sur l'immigration au Québec et à ses règlements.\nDivers documents relatifs aux enquêtes réalisées par la direction."),
				lines("Clientèle du Ministère", "Personnel du Ministère", "Autres"),
				lines("Emploi", "Éducation", "Identité", "Immigration", "Justice"),
				lines("Personne concernée", "Autres unités du Ministère", "Organisme public (gouvernement du Québec)", "Organisme public (autre gouvernement)", "Partenaire de services"),
				lines("Application d'une loi ou d'un règlement"),
				lines("Gestionnaire de l'unité", "Personnel professionnel", "Enquêteuses et enquêteurs"),
				lines("Papier", "Électronique"),
				lines("Contrôle physique des installations", "Contrôle préventif de l'accès au fichier", "Règles et pratiques de vérification du fichier"),
			}},
		},
	}
}

// Hostile is a register whose every cell tries to inject markup, script,
// spreadsheet formulas or odd characters.
func Hostile() table.Table {
	return table.Table{
		Kind:     "utilisations",
		Title:    "Registre des utilisations <script>alert('titre')</script>",
		Preamble: "Préambule \"><img src=x onerror=alert(1)> et <b>gras</b>\n&amp; entité",
		Empty:    "Aucune utilisation inscrite",
		Updated:  "2025-02-28",
		Columns: []table.Column{
			{Key: "unite", Title: "Unité <i>qui</i> utilise"},
			{Key: "renseignements", Title: "=SOMME(A1:A9)"},
			{Key: "appui_legal", Title: "Appui légal", List: true},
			{Key: "remarques", Title: "Remarques"},
		},
		Rows: []table.Row{
			{ID: "UTI-<b>1</b>", Cells: []table.Cell{
				lines("<script>alert('xss')</script>"),
				lines("\"><img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0", "+33 1 23", "-2+3", "@SUM(1+1)", "\tTAB", "\rCR"),
				{Lines: []table.Line{
					cite("javascript:alert(1)", "javascript:alert(1)"),
					cite("data", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
					cite("Lien « correct »", legis+"#se:65_1"),
					cite("Guillemet", "https://exemple.qc.ca/\"onmouseover=\"alert(1)"),
				}},
				lines("javascript:alert(1) puis https://exemple.qc.ca/?q=<script>&r=1 fin", "<!-- commentaire --> ]]> {{.Site}} &lt;"),
			}},
			{ID: "UTI-2", Cells: []table.Cell{
				{}, // entirely empty cell
				lines(""),
				lines("  espaces   multiples  ", "ligne\u00a0insécable — « guillemets » ’ œ É ° º"),
				lines("ligne un", "", "ligne trois après une ligne vide"),
			}},
		},
	}
}

// Empty is a register without any entry.
func Empty() table.Table {
	return table.Table{
		Kind:     "collectes",
		Title:    "Registre des collectes de renseignements personnels",
		Preamble: "En vertu de l'article 64 de la Loi sur l'accès, le Ministère inscrit toute collecte faite pour un autre organisme public.",
		Empty:    "Aucune collecte inscrite",
		Updated:  "2024-11-30",
		Columns: []table.Column{
			{Key: "organisme", Title: "Organisme pour lequel les renseignements sont recueillis"},
			{Key: "fins", Title: "Fins de la collecte"},
		},
	}
}

// words is a pool of French words from published registers.
var words = strings.Fields(`renseignements personnels communiqués au ministère pour l'ensemble des personnes
immigrantes sélectionnées par le Québec et admises au Canada numéro du formulaire d'immigration date d'octroi
du statut code de la catégorie fédérale sélection programme spécial pays de naissance sexe bureau d'émission
domaine de formation séjour temporaire les données sont transmises à des fins statistiques afin de permettre
la réalisation d'études et de recherches sur l'intégration en emploi la francisation et la régionalisation
entente administrative relative à la communication Régie de l'assurance maladie du Québec Revenu Québec
ministère de l'Emploi et de la Solidarité sociale organisme public responsable de l'application d'une loi
dénonciations signalements préjudices allégués à leur égard prévenir détecter réprimer infractions
gestionnaire personnel professionnel adjoint administratif enquêteuses enquêteurs contrôle préventif de
l'accès au fichier sensibilisation et formation du personnel mesures de sécurité physique électronique
conservation calendrier de conservation règle n° 12 « dossier » — période d'un an œuvre élève déjà été`)

// Paragraph returns n characters or so of French text drawn from words,
// with a line break now and then.
func Paragraph(r *rand.Rand, n int) string {
	var b strings.Builder
	col := 0
	for b.Len() < n {
		w := words[r.IntN(len(words))]
		if b.Len() > 0 {
			if col > 40 && r.IntN(12) == 0 {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
		col += len(w) + 1
	}
	return b.String()
}

// Large returns a communications register with n generated rows whose text
// cells hold between minLen and maxLen characters. seed fixes the content.
func Large(n, minLen, maxLen int, seed uint64) table.Table {
	t := Communications()
	t.Rows = make([]table.Row, 0, n)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	size := func() int { return minLen + r.IntN(maxLen-minLen+1) }
	for i := 1; i <= n; i++ {
		row := table.Row{ID: fmt.Sprintf("COM-%05d", i)}
		for _, c := range t.Columns {
			var cell table.Cell
			switch {
			case c.Key == "hors_quebec":
				cell = lines([]string{"Oui", "Non"}[r.IntN(2)])
			case c.List:
				for k := 0; k < 1+r.IntN(4); k++ {
					art := fmt.Sprintf("%d", 59+r.IntN(12))
					cell.Lines = append(cell.Lines, cite("Loi sur l’accès, art. "+art, legis+"#se:"+art))
				}
			default:
				cell = text(Paragraph(r, size()))
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Huge returns a register with a single row whose cells are each longer
// than a whole page, to test row splitting.
func Huge() table.Table {
	t := Utilisations()
	r := rand.New(rand.NewPCG(7, 11))
	t.Rows = append(t.Rows, table.Row{ID: "UTI-9999", Cells: []table.Cell{
		lines("Direction générale des services de francisation"),
		text(Paragraph(r, 9000)),
		text(Paragraph(r, 4000)),
		text(Paragraph(r, 12000)),
		{Lines: []table.Line{cite("Loi sur l’accès, art. 65.1 al. 2 (1°)", legis+"#se:65_1")}},
		lines("Personnel professionnel", "Gestionnaires"),
		text("Fin de la remarque très longue — dernière ligne."),
	}})
	return t
}

// Utilisations is a small register of secondary uses.
func Utilisations() table.Table {
	return table.Table{
		Kind:  "utilisations",
		Title: "Registre des utilisations secondaires sans consentement",
		Preamble: "En vertu de l’article 65.1 de la Loi sur l’accès, le Ministère doit inscrire dans un registre " +
			"toute utilisation sans consentement de renseignements personnels visée par les paragraphes 1° à 3° " +
			"du deuxième alinéa de l’article 65.1.",
		Empty:   "Aucune utilisation inscrite",
		Updated: "2025-02-10",
		Columns: []table.Column{
			{Key: "unite", Title: "Unité qui utilise les renseignements à d'autres fins"},
			{Key: "renseignements", Title: "Nature ou type de renseignements utilisés"},
			{Key: "fins_initiales", Title: "Fins pour lesquelles les renseignements ont été recueillis"},
			{Key: "utilisation", Title: "Utilisation (à d'autres fins) prévue"},
			{Key: "appui_legal", Title: "Appui légal", List: true},
			{Key: "personnes_acces", Title: "Catégories de personnes qui ont accès aux renseignements", List: true},
			{Key: "remarques", Title: "Remarques, commentaires et autres indications"},
		},
		Rows: []table.Row{
			{ID: "UTI-001", Cells: []table.Cell{
				lines("Direction générale des services de Francisation Québec"),
				lines("Adresse courriel"),
				lines("Inscription au cours à temps complet ou à temps partiel dans le cadre du Programme québécois d’apprentissage du français (PQAF)"),
				lines("Offrir des activités parascolaires comme des visites culturelles (musée, visionnement de films, etc.) aux personnes inscrites dans les cours de francisation."),
				{Lines: []table.Line{cite("Loi sur l’accès, art. 65.1 al. 2 (2°)", legis+"#se:65_1")}},
				lines("Le personnel traitant les demandes d’admission aux cours de français", "L’équipe responsable de l’octroi des contrats au personnel enseignant", "Les gestionnaires", "Le personnel enseignant"),
				lines("L’accès est déterminé par le rôle fonctionnel attribué à la personne. Par exemple, le personnel enseignant a accès uniquement aux renseignements des élèves de ses classes."),
			}},
		},
	}
}
