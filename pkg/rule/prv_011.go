package rule

import (
	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Private sector, the flagship Loi 25 duties: files entrusted to a provider
// outside Québec (P-39.1 art. 17) and mandates or service contracts
// (P-39.1 art. 18.3). The split with the other private rules: PRV-001 checks
// communications outside Québec (EFVP, agreement, conclusion), PRV-011 the
// same for inventory entries, PRV-009 the date order for both.
func init() {
	E := finding.Error
	register(&Rule{ID: "PRV-011", Cross: true, Kinds: []*model.Kind{model.Inventaire}, Sector: PrivateOnly, Entry: prv011, Doc: Doc{
		Title: "Entreprise : fichier confié hors Québec sans EFVP concluant à une protection adéquate ou sans entente écrite", Law: "P-39.1, art. 17", Severity: E, Confidence: "H",
		Text: "Confier à une personne ou à un organisme à l'extérieur du Québec la tâche de conserver, d'utiliser ou de communiquer des renseignements personnels pour le compte de l'entreprise — le cas habituel de l'hébergement infonuagique — exige une évaluation des facteurs relatifs à la vie privée faite au préalable (sensibilité, finalités, mesures de protection y compris contractuelles, régime juridique de l'État de destination), qui conclut que les renseignements bénéficieraient d'une protection adéquate, et une entente écrite qui tient compte de ses résultats. " +
			"Pour un fichier de l'inventaire marqué hors_quebec: true, liez l'EFVP (clé efvp, conclusion: protection_adequate) et l'entente (clé entente), et indiquez le début de l'hébergement hors Québec (clé debut_hebergement) : PRV-009 vérifie que l'EFVP le précède. " +
			"Pour un hébergement commencé avant le 2023-09-22 (avant l'EFVP de la Loi 25), l'EFVP manquante est un avertissement : elle est exigée pour la suite du contrat. Les communications hors Québec relèvent de PRV-001.",
		Bad:  "# inventaire/INV-0001.yaml\ndesignation: Dossiers de la clientèle\nlieux: [Centre de données US East (Virginie)]\nhors_quebec: true\n",
		Good: "# inventaire/INV-0001.yaml\ndesignation: Dossiers de la clientèle\nlieux: [Centre de données US East (Virginie)]\nhors_quebec: true\ndebut_hebergement: 2025-03-01\nefvp: EFVP-0001   # conclusion: protection_adequate, date: 2025-01-20\nentente: ENT-0001\n"}})
}

func prv011(p *Pass, e *model.Entry) {
	if !e.True("hors_quebec") {
		return
	}
	const law = "Loi sur le privé, art. 17"
	ev := ref(p, e, "efvp", model.EFVP)
	switch {
	case e.Str("efvp") == "":
		if start := e.Date("debut_hebergement"); start != "" && start < loi25Phase3 {
			p.ReportSev(finding.Warning, e, "hors_quebec", "fichier confié à l'extérieur du Québec depuis le %s sans EFVP (clé efvp) : l'hébergement précède l'EFVP de la Loi 25 (2023-09-22), mais elle est exigée pour la suite du contrat (%s)", start, law)
		} else {
			p.Report(e, "hors_quebec", "fichier conservé ou traité à l'extérieur du Québec sans EFVP préalable (clé efvp) : confier cette tâche hors Québec exige une évaluation qui conclut à une protection adéquate (%s)", law)
		}
	case ev != nil && ev.Str("conclusion") != "protection_adequate":
		p.Report(e, "efvp", "l'EFVP %s ne conclut pas à une protection adéquate (conclusion : %s) : le fichier ne peut pas être confié à l'extérieur du Québec (%s)", ev.ID, orNone(ev.Str("conclusion")), law)
	}
	switch agreementOf(p, e).state {
	case agreementAbsent:
		if start := e.Date("debut_hebergement"); start != "" && start < loi25Phase3 {
			p.ReportSev(finding.Warning, e, "hors_quebec", "fichier confié à l'extérieur du Québec depuis le %s sans entente écrite liée (clé entente) : l'hébergement précède l'entente écrite de la Loi 25 (2023-09-22, dispositions transitoires non vérifiées), mais elle est exigée pour la suite du contrat (%s)", start, law)
			break
		}
		p.Report(e, "hors_quebec", "fichier conservé ou traité à l'extérieur du Québec sans entente écrite liée (clé entente) (%s)", law)
	case agreementNamed:
		p.ReportSev(finding.Warning, e, "hors_quebec", "l'entente est nommée mais pas liée : inscrivez-la dans ententes/ et liez-la (clé entente) pour que ses dates puissent être vérifiées (%s)", law)
	}
}
