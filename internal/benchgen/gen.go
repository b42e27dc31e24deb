// Package benchgen writes synthetic but realistic register repositories for
// benchmarks: communications with French text of 100 to 1,500 characters per
// field, valid references, deterministic for a given size.
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

func block(s string) string {
	return "|\n  " + strings.ReplaceAll(s, "\n", "\n  ")
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
	efvp := `id: EFVP-0001
titre: EFVP — communications hors Québec
date: '2023-10-01'
declencheurs: ["70.1", "68"]
conclusion: protection_adequate
facteurs:
  sensibilite: Renseignements d'identité et de dossier, sensibilité moyenne.
  finalites: Administration des programmes.
  mesures_protection: Chiffrement, entente écrite, journalisation.
  regime_juridique: Loi fédérale sur la protection des renseignements personnels.
destinations: [Ontario]
criteres: {identification_necessaire: true, consentement_deraisonnable: true, interet_public: true, confidentialite: true}
`
	ent := `id: ENT-0001
titre: Entente de communication de renseignements
parties: [Ministère des Essais, Organisme receveur]
date_signature: '2023-10-15'
articles: ["Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès", "Article 70.1 de la Loi sur l'accès"]
transmission_cai: '2023-11-01'
efvp: EFVP-0001
fins: Administration des programmes.
renseignements: Identité et dossier.
moyens: Transfert sécurisé.
mesures_securite: Chiffrement.
periodicite: Mensuelle
duree: Cinq ans
`
	if err := os.WriteFile(filepath.Join(dir, "efvp", "EFVP-0001.yaml"), []byte(efvp), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "ententes", "ENT-0001.yaml"), []byte(ent), 0o644); err != nil {
		return err
	}
	bases := []string{"Article 67 de la Loi sur l'accès", "Article 68, premier alinéa, paragraphe 1° de la Loi sur l'accès",
		"Article 67.1 de la Loi sur l'accès", "Loi sur l'administration fiscale (RLRQ, chapitre A-6.002)", "Convention collective des fonctionnaires"}
	for i := 1; i <= n; i++ {
		id := fmt.Sprintf("COM-%05d", i)
		var b strings.Builder
		fmt.Fprintf(&b, "id: %s\nunite: Direction %s\n", id, words[r.IntN(len(words))])
		fmt.Fprintf(&b, "destinataire: Organisme receveur %d\n", r.IntN(500))
		fmt.Fprintf(&b, "renseignements: %s\n", block(text(r, 100, 1500)))
		fmt.Fprintf(&b, "fins: %s\n", block(text(r, 100, 1500)))
		fmt.Fprintf(&b, "raisons: %s\n", block(text(r, 100, 1500)))
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
			b.WriteString("efvp: EFVP-0001\nentente: ENT-0001\n")
		}
		fmt.Fprintf(&b, "debut: '2024-%02d-%02d'\n", 1+r.IntN(12), 1+r.IntN(28))
		fmt.Fprintf(&b, "remarques: %s\n", block(text(r, 100, 1500)))
		fmt.Fprintf(&b, "date_inscription: '2024-%02d-%02d'\n", 1+r.IntN(12), 1+r.IntN(28))
		if err := os.WriteFile(filepath.Join(dir, "communications", id+".yaml"), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
