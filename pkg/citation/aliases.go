package citation

import "strings"

// accordCQ is the instrument id given to the Canada–Québec immigration accord,
// which has no chapter.
const accordCQ = "Accord Canada-Québec (1991)"

// entry is one instrument of the alias table (legal.md §5.6 and common names).
type entry struct {
	Instr   string       // canonical chapter ("A-2.1", "A-2.1, r. 2", "LQ 2021, c. 25", "DORS/2002-227", …)
	Jur     Jurisdiction //
	Title   string       // official title
	Short   string       // short display name; "" means Title
	URLCode string       // federal statutes: consolidated code used by laws-lois.justice.gc.ca
	Aliases []string     // other names; Title and Short are aliases too
}

// table is the alias table. Order matters only for determinism of error
// messages; keys must not collide (a test checks it).
var table = []entry{
	// Privacy statutes and their regulations.
	{Instr: "A-2.1", Jur: QC, Title: "Loi sur l'accès aux documents des organismes publics et sur la protection des renseignements personnels", Short: "Loi sur l'accès",
		Aliases: []string{"LAI", "Loi sur l'accès à l'information des organismes publics", "Loi d'accès", "Loi sur l'accès aux documents",
			"Access Act", "Act respecting Access to documents held by public bodies and the Protection of personal information"}},
	{Instr: "P-39.1", Jur: QC, Title: "Loi sur la protection des renseignements personnels dans le secteur privé", Short: "Loi sur le privé",
		Aliases: []string{"Loi sur le secteur privé", "LPRPSP", "Loi sur la protection des renseignements personnels dans le secteur privé du Québec",
			"Private Sector Act", "Act respecting the protection of personal information in the private sector"}},
	{Instr: "A-2.1, r. 2", Jur: QC, Title: "Règlement sur la diffusion de l'information et sur la protection des renseignements personnels", Short: "Règlement sur la diffusion",
		Aliases: []string{"Règlement sur la diffusion de l'information", "RDIPRP",
			"Regulation respecting the distribution of information and the protection of personal information"}},
	{Instr: "A-2.1, r. 3.1", Jur: QC, Title: "Règlement sur les incidents de confidentialité",
		Aliases: []string{"Regulation respecting confidentiality incidents"}},
	{Instr: "A-2.1, r. 0.1", Jur: QC, Title: "Règlement sur l'anonymisation des renseignements personnels",
		Aliases: []string{"Regulation respecting the anonymization of personal information"}},
	{Instr: "A-2.1, r. 4.1", Jur: QC, Title: "Règlement sur la politique de confidentialité des organismes publics qui recueillent des renseignements personnels par un moyen technologique",
		Aliases: []string{"Règlement sur les politiques de confidentialité des organismes publics qui recueillent des renseignements personnels par un moyen technologique",
			"Regulation respecting the confidentiality policies of public bodies that collect personal information through technological means"}},
	{Instr: "LQ 2021, c. 25", Jur: QC, Title: "Loi modernisant des dispositions législatives en matière de protection des renseignements personnels", Short: "Loi 25",
		Aliases: []string{"Loi no 25", "Loi n° 25", "Projet de loi 64", "Projet de loi no 64", "Projet de loi n° 64", "PL 64", "Bill 64", "Law 25",
			"Act to modernize legislative provisions as regards the protection of personal information"}},

	// Other Québec statutes and codes.
	{Instr: "CCQ-1991", Jur: QC, Title: "Code civil du Québec", Aliases: []string{"C.c.Q.", "CcQ", "Code civil", "Civil Code of Québec"}},
	{Instr: "C-12", Jur: QC, Title: "Charte des droits et libertés de la personne",
		Aliases: []string{"Charte québécoise", "Charte québécoise des droits et libertés de la personne", "Charte des droits et libertés de la personne du Québec",
			"Charter of human rights and freedoms"}},
	{Instr: "C-26", Jur: QC, Title: "Code des professions", Aliases: []string{"Professional Code"}},
	{Instr: "C-1.1", Jur: QC, Title: "Loi concernant le cadre juridique des technologies de l'information", Aliases: []string{"LCCJTI",
		"Act to establish a legal framework for information technology"}},
	{Instr: "G-1.03", Jur: QC, Title: "Loi sur la gouvernance et la gestion des ressources informationnelles des organismes publics et des entreprises du gouvernement",
		Aliases: []string{"LGGRI"}},
	{Instr: "T-11.003", Jur: QC, Title: "Loi favorisant la transformation numérique de l'administration publique"},
	{Instr: "A-21.1", Jur: QC, Title: "Loi sur les archives", Aliases: []string{"Loi sur les archives du Québec", "Archives Act"}},
	{Instr: "S-2.2", Jur: QC, Title: "Loi sur la santé publique", Aliases: []string{"Public Health Act"}},
	{Instr: "M-25.1.1", Jur: QC, Title: "Loi sur le ministère des Relations internationales"},
	{Instr: "S-4.2", Jur: QC, Title: "Loi sur les services de santé et les services sociaux", Aliases: []string{"LSSSS"}},
	{Instr: "R-22.1", Jur: QC, Title: "Loi sur les renseignements de santé et de services sociaux", Aliases: []string{"LRSSS"}},
	{Instr: "A-29", Jur: QC, Title: "Loi sur l'assurance maladie", Aliases: []string{"Loi sur l'assurance-maladie", "Health Insurance Act"}},
	{Instr: "R-5", Jur: QC, Title: "Loi sur la Régie de l'assurance maladie du Québec", Aliases: []string{"Loi sur la RAMQ"}},
	{Instr: "F-3.1.1", Jur: QC, Title: "Loi sur la fonction publique", Aliases: []string{"LFP", "Public Service Act"}},
	{Instr: "F-3.1.1, r. 3", Jur: QC, Title: "Règlement sur l'éthique et la discipline dans la fonction publique"},
	{Instr: "N-1.1", Jur: QC, Title: "Loi sur les normes du travail", Aliases: []string{"LNT", "Act respecting labour standards"}},
	{Instr: "A-3.001", Jur: QC, Title: "Loi sur les accidents du travail et les maladies professionnelles", Aliases: []string{"LATMP"}},
	{Instr: "S-2.1", Jur: QC, Title: "Loi sur la santé et la sécurité du travail", Aliases: []string{"LSST"}},
	{Instr: "A-13.1.1", Jur: QC, Title: "Loi sur l'aide aux personnes et aux familles"},
	{Instr: "I-0.2.1", Jur: QC, Title: "Loi sur l'immigration au Québec", Aliases: []string{"LIQ"}},
	{Instr: "I-0.2.1, r. 3", Jur: QC, Title: "Règlement sur l'immigration au Québec", Aliases: []string{"RIQ"}},
	{Instr: "I-0.2, r. 4", Jur: QC, Title: "Règlement sur la sélection des ressortissants étrangers", Aliases: []string{"RSRE"}},
	{Instr: "M-16.1", Jur: QC, Title: "Loi sur le ministère de l'Immigration, de la Francisation et de l'Intégration",
		Aliases: []string{"Loi sur le ministère de l'Immigration, de la Diversité et de l'Inclusion", "Loi sur le MIFI"}},
	{Instr: "M-15.001", Jur: QC, Title: "Loi sur le ministère de l'Emploi et de la Solidarité sociale et sur la Commission des partenaires du marché du travail",
		Aliases: []string{"Loi sur le ministère de l'Emploi et de la Solidarité sociale"}},
	{Instr: "M-17.1.1", Jur: QC, Title: "Loi sur le ministère de la Cybersécurité et du Numérique"},
	{Instr: "D-11.1", Jur: QC, Title: "Loi facilitant la divulgation d'actes répréhensibles à l'égard des organismes publics"},
	{Instr: "A-6.002", Jur: QC, Title: "Loi sur l'administration fiscale", Aliases: []string{"LAF", "Tax Administration Act"}},
	{Instr: "A-6.01", Jur: QC, Title: "Loi sur l'administration publique", Aliases: []string{"LAP"}},
	{Instr: "S-4.1.1", Jur: QC, Title: "Loi sur les services de garde éducatifs à l'enfance"},
	{Instr: "LQ 2019, c. 11", Jur: QC, Title: "Loi visant à accroître la prospérité socio-économique du Québec et à répondre adéquatement aux besoins du marché du travail par une intégration réussie des personnes immigrantes", Short: "Loi 9",
		Aliases: []string{"Loi no 9", "Loi n° 9", "Projet de loi 9"}},
	{Instr: "I-3", Jur: QC, Title: "Loi sur les impôts", Aliases: []string{"Taxation Act"}},
	{Instr: "R-9", Jur: QC, Title: "Loi sur le régime de rentes du Québec", Aliases: []string{"Loi sur le Régime de rentes du Québec"}},
	{Instr: "R-10", Jur: QC, Title: "Loi sur le régime de retraite des employés du gouvernement et des organismes publics", Aliases: []string{"RREGOP"}},
	{Instr: "A-29.011", Jur: QC, Title: "Loi sur l'assurance parentale"},
	{Instr: "A-25", Jur: QC, Title: "Loi sur l'assurance automobile"},
	{Instr: "P-13.1", Jur: QC, Title: "Loi sur la police", Aliases: []string{"Police Act"}},
	{Instr: "I-13.3", Jur: QC, Title: "Loi sur l'instruction publique", Aliases: []string{"LIP", "Education Act"}},
	{Instr: "C-11", Jur: QC, Title: "Charte de la langue française", Aliases: []string{"Loi 101", "Charter of the French language"}},
	{Instr: "E-3.3", Jur: QC, Title: "Loi électorale", Aliases: []string{"Election Act"}},
	{Instr: "C-19", Jur: QC, Title: "Loi sur les cités et villes"},
	{Instr: "C-27.1", Jur: QC, Title: "Code municipal du Québec"},
	{Instr: "P-40.1", Jur: QC, Title: "Loi sur la protection du consommateur", Aliases: []string{"LPC"}},
	{Instr: "P-34.1", Jur: QC, Title: "Loi sur la protection de la jeunesse", Aliases: []string{"LPJ"}},
	{Instr: "E-20.1", Jur: QC, Title: "Loi assurant l'exercice des droits des personnes handicapées en vue de leur intégration scolaire, professionnelle et sociale"},

	// Federal instruments.
	{Instr: "DORS/2002-227", Jur: CA, Title: "Règlement sur l'immigration et la protection des réfugiés",
		Aliases: []string{"RIPR", "Immigration and Refugee Protection Regulations", "IRPR"}},
	{Instr: "L.C. 2001, ch. 27", Jur: CA, Title: "Loi sur l'immigration et la protection des réfugiés", URLCode: "I-2.5",
		Aliases: []string{"LIPR", "Immigration and Refugee Protection Act", "IRPA"}},
	{Instr: "L.R.C. 1985, ch. S-19", Jur: CA, Title: "Loi sur la statistique", URLCode: "S-19", Aliases: []string{"Statistics Act"}},
	{Instr: "L.R.C. 1985, ch. P-21", Jur: CA, Title: "Loi sur la protection des renseignements personnels", URLCode: "P-21", Aliases: []string{"Privacy Act"}},
	{Instr: "L.R.C. 1985, ch. A-1", Jur: CA, Title: "Loi sur l'accès à l'information", URLCode: "A-1", Aliases: []string{"Access to Information Act"}},
	{Instr: "L.C. 2000, ch. 5", Jur: CA, Title: "Loi sur la protection des renseignements personnels et les documents électroniques", URLCode: "P-8.6",
		Aliases: []string{"LPRPDE", "PIPEDA", "Personal Information Protection and Electronic Documents Act"}},
	{Instr: "L.C. 1996, ch. 23", Jur: CA, Title: "Loi sur l'assurance-emploi", URLCode: "E-5.6", Aliases: []string{"Employment Insurance Act"}},

	// Agreements.
	{Instr: accordCQ, Jur: Accord, Title: "Accord Canada-Québec relatif à l'immigration et à l'admission temporaire des aubains", Short: "Accord Canada-Québec",
		Aliases: []string{"Accord Canada-Québec sur l'immigration", "Accord Canada-Québec relatif à l'immigration", "Accord Gagnon-Tremblay-McDougall",
			"Canada-Québec Accord", "Canada-Québec Accord relating to Immigration and Temporary Admission of Aliens"}},
}

// Indexes of the alias table, built at package initialisation (as variable
// initialisers, so that other package-level variables may use them).
var byKey, byKey2, byInstr = buildIndexes()

// buildIndexes returns alias key → entry, key without a trailing « Québec » →
// entry (-1 when ambiguous) and canonical instrument → entry.
func buildIndexes() (keys, keys2, instrs map[string]int) {
	keys = make(map[string]int, 4*len(table))
	keys2 = make(map[string]int, 4*len(table))
	instrs = make(map[string]int, len(table))
	for i, e := range table {
		instrs[e.Instr] = i
		names := append([]string{e.Title, e.Short}, e.Aliases...)
		for _, n := range names {
			if n == "" {
				continue
			}
			k := key(n)
			if _, dup := keys[k]; !dup {
				keys[k] = i
			}
		}
	}
	// Secondary keys: « Loi sur les archives du Québec » → « Loi sur les archives ».
	for k, i := range keys {
		k2 := stripQuebec(k)
		if k2 == k {
			continue
		}
		if j, ok := keys2[k2]; ok && j != i {
			keys2[k2] = -1
			continue
		}
		keys2[k2] = i
	}
	return keys, keys2, instrs
}

func stripQuebec(k string) string {
	return strings.TrimSuffix(k, " quebec")
}

// lookupKey finds the table entry of a title.
func lookupKey(title string) (int, bool) {
	k := key(title)
	if k == "" {
		return 0, false
	}
	if i, ok := byKey[k]; ok {
		return i, true
	}
	k2 := stripQuebec(k)
	if i, ok := byKey2[k2]; ok && i >= 0 {
		return i, true
	}
	if k2 != k {
		if i, ok := byKey[k2]; ok {
			return i, true
		}
	}
	return 0, false
}

// LookupAlias resolves a law title or short name (« LAI », « Loi sur l’accès »,
// « Loi sur le ministère de l’Immigration, francisation et de l’intégration »)
// to its canonical instrument and official title. Matching ignores case,
// accents, apostrophe style, articles (« la », « l' »…), punctuation and line
// breaks. A title followed by its chapter (« Loi sur l'accès (RLRQ, c.) »)
// is accepted too.
func LookupAlias(title string) (instrument, canonicalTitle string, ok bool) {
	n := Normalize(title)
	if i, found := lookupKey(n); found {
		return table[i].Instr, table[i].Title, true
	}
	if res := resolveInstr(n); res.known && res.instr != "" {
		return res.instr, res.title, true
	}
	return "", "", false
}

// InstrumentTitle returns the official title, short display name and
// jurisdiction of a canonical instrument of the alias table.
func InstrumentTitle(instr string) (title, short string, jur Jurisdiction, ok bool) {
	i, found := byInstr[canonicalInstrument(instr)]
	if !found {
		return "", "", "", false
	}
	e := table[i]
	short = e.Short
	if short == "" {
		short = e.Title
	}
	return e.Title, short, e.Jur, true
}
