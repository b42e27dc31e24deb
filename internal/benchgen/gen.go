// Package benchgen writes synthetic but realistic register repositories for
// benchmarks: communications whose texts have every length (a line to several
// pages, multi-line remarks with lists and URLs), referencing 25 EFVPs and 25
// agreements, deterministic for a given size (10,000 communications ≈ 40 MB).
package benchgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var words = strings.Fields(`renseignements personnels communiqués organisme ministère direction unité programme
dossier client demande prestation service admissibilité vérification identité adresse courriel numéro
date naissance revenu emploi famille enfant établissement scolaire santé services sociaux régime retraite
analyses administration gestion traitement conformité loi règlement article entente
données fichier transmission sécurité confidentialité accès contrôle journalisation chiffrement québécois
fédéral municipalité territoire région immigration francisation intégration employé personnel gestionnaire
évaluation facteurs vie privée protection mesures responsable commission information diffusion registre`)

func text(r *rand.Rand, min, max int) string {
	n := min + r.IntN(max-min+1)
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			if r.IntN(12) == 0 {
				b.WriteString(".\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String() + "."
}

// varied returns a text whose length follows what real registers hold: most
// cells are a line or two, some a paragraph, a few several pages.
func varied(r *rand.Rand) string {
	switch k := r.IntN(100); {
	case k < 45:
		return text(r, 10, 200)
	case k < 80:
		return text(r, 200, 1200)
	case k < 97:
		return text(r, 1200, 5000)
	default:
		return text(r, 5000, 20000)
	}
}

// remarks returns a multi-line remark: paragraphs, numbered or dashed lists,
// a URL, quotes and colons, as responsables write them.
func remarks(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString(text(r, 40, 400))
	for i, n := 0, r.IntN(5); i < n; i++ {
		switch r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "\n%d. %s", i+1, text(r, 20, 160))
		case 1:
			fmt.Fprintf(&b, "\n- %s", text(r, 20, 160))
		case 2:
			fmt.Fprintf(&b, "\n\nVoir : https://www.essais.gouv.qc.ca/diffusion/registre/%d « entente » : %s", r.IntN(9999), text(r, 10, 80))
		default:
			fmt.Fprintf(&b, "\n\n%s", text(r, 100, 900))
		}
	}
	return b.String()
}

func block(s string) string { return blockAt(s, "  ") }

// blockAt writes s as a literal block indented by ind (nested keys need more).
func blockAt(s, ind string) string {
	return "|\n" + ind + strings.ReplaceAll(s, "\n", "\n"+ind)
}

// Write creates a repository of n communications (plus the EFVP and agreements
// they reference) in dir.
func Write(dir string, n int) error {
	r := rand.New(rand.NewPCG(uint64(n), 42))
	for _, d := range []string{"communications", "efvp", "ententes"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	cfg := "organisme: {nom: Ministère des Essais, sigle: MES, secteur: public, categorie: ministere}\nresponsable:\n  titre: Responsable de l'accès aux documents et de la protection des renseignements personnels\n  courriel: acces@essais.gouv.qc.ca\n"
	if err := os.WriteFile(filepath.Join(dir, "registre.yaml"), []byte(cfg), 0o644); err != nil {
		return err
	}
	const nEFVP, nENT = 25, 25
	for k := 1; k <= nEFVP; k++ {
		efvp := fmt.Sprintf(`id: EFVP-%04d
titre: EFVP %d — %s
date: '2023-%02d-%02d'
declencheurs: ["70.1", "68"]
conclusion: protection_adequate
facteurs:
  sensibilite: %s
  finalites: %s
  mesures_protection: %s
  regime_juridique: %s
destinations: [Ontario]
criteres: {identification_necessaire: true, consentement_deraisonnable: true, interet_public: true, confidentialite: true}
`, k, k, strings.ReplaceAll(text(r, 20, 80), "\n", " "), 1+r.IntN(9), 1+r.IntN(28), blockAt(varied(r), "    "), blockAt(varied(r), "    "), blockAt(varied(r), "    "), blockAt(varied(r), "    "))
		if err := os.WriteFile(filepath.Join(dir, "efvp", fmt.Sprintf("EFVP-%04d.yaml", k)), []byte(efvp), 0o644); err != nil {
			return err
		}
	}
	for k := 1; k <= nENT; k++ {
		ent := fmt.Sprintf(`id: ENT-%04d
titre: Entente de communication de renseignements %d
parties: [Ministère des Essais, Organisme receveur %d]
date_signature: '2023-10-%02d'
articles: ["Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès", "Article 70.1 de la Loi sur l'accès"]
transmission_cai: '2023-11-01'
efvp: EFVP-%04d
fins: %s
renseignements: %s
moyens: Transfert sécurisé.
mesures_securite: %s
periodicite: Mensuelle
duree: Cinq ans
`, k, k, k, 1+r.IntN(28), 1+r.IntN(nEFVP), block(varied(r)), block(varied(r)), block(varied(r)))
		if err := os.WriteFile(filepath.Join(dir, "ententes", fmt.Sprintf("ENT-%04d.yaml", k)), []byte(ent), 0o644); err != nil {
			return err
		}
	}
	bases := []string{"Article 67 de la Loi sur l'accès", "Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès",
		"Article 67.1 de la Loi sur l'accès", "Loi sur l'administration fiscale (RLRQ, chapitre A-6.002)", "Convention collective des fonctionnaires"}
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("COM-%05d", i)
		var b strings.Builder
		fmt.Fprintf(&b, "id: %s\nunite: Direction %s\n", id, words[r.IntN(len(words))])
		fmt.Fprintf(&b, "destinataire: Organisme receveur %d\n", r.IntN(500))
		fmt.Fprintf(&b, "renseignements: %s\n", block(varied(r)))
		fmt.Fprintf(&b, "fins: %s\n", block(varied(r)))
		fmt.Fprintf(&b, "raisons: %s\n", block(varied(r)))
		b.WriteString("appui_legal:\n")
		k := 1 + r.IntN(3)
		for j := 0; j < k; j++ {
			fmt.Fprintf(&b, "  - %q\n", bases[(i+j)%len(bases)])
		}
		cited := false
		for j := 0; j < k; j++ {
			cited = cited || (i+j)%len(bases) < 3
		}
		if !cited {
			b.WriteString("  - \"Article 67 de la Loi sur l'accès\"\n")
		}
		hq := r.IntN(10) == 0
		fmt.Fprintf(&b, "hors_quebec: %v\n", hq)
		uses68 := false
		for j := 0; j < k; j++ {
			if (i+j)%len(bases) == 1 {
				uses68 = true
			}
		}
		if hq || uses68 {
			fmt.Fprintf(&b, "efvp: EFVP-%04d\nentente: ENT-%04d\n", 1+r.IntN(nEFVP), 1+r.IntN(nENT))
		}
		fmt.Fprintf(&b, "debut: '2024-%02d-%02d'\n", 1+r.IntN(12), 1+r.IntN(28))
		if r.IntN(3) > 0 {
			fmt.Fprintf(&b, "remarques: %s\n", block(remarks(r)))
		}
		fmt.Fprintf(&b, "date_inscription: '2024-%02d-%02d'\n", 1+r.IntN(12), 1+r.IntN(28))
		if err := os.WriteFile(filepath.Join(dir, "communications", id+".yaml"), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
