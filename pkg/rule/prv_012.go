package rule

import (
	"strings"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	register(&Rule{ID: "PRV-012", Cross: true, Kinds: []*model.Kind{model.Communications, model.Inventaire}, Sector: PrivateOnly, Entry: prv012, Doc: Doc{
		Title: "Entreprise : mandat ou contrat de service sans écrit ou sans mesures de confidentialité", Law: "P-39.1, art. 18.3", Severity: finding.Warning, Confidence: "M",
		Text: "L'entreprise peut communiquer sans consentement un renseignement personnel à un mandataire ou à un prestataire de services si c'est nécessaire à l'exercice du mandat ou à l'exécution du contrat ; le mandat ou le contrat doit être écrit et préciser les mesures que le mandataire ou le prestataire prend pour protéger le caractère confidentiel des renseignements, pour qu'ils ne servent qu'au mandat ou au contrat et qu'ils ne soient pas conservés après son expiration. " +
			"Une communication ou un fichier de l'inventaire est confié à un mandataire quand l'appui légal cite l'article 18.3 de la Loi sur le privé ou que la clé mandataire vaut true. Liez le mandat ou le contrat (clé entente) et décrivez-y les mesures (clé mesures_securite de l'entente). " +
			"Un contrat seulement nommé dans l'appui légal (« Contrat de service… ») donne un avertissement : liez-le pour que ses mesures puissent être vérifiées. Point non vérifié : le texte de l'article 18.3 n'est pas reproduit dans l'analyse juridique du projet ; la règle est donc un avertissement (dans le secteur public, COM-017 repose sur l'article 67.2 de la Loi sur l'accès, vérifié, et reste une erreur).",
		Bad:  "appui_legal: [Article 18.3 de la Loi sur le privé]\nmandataire: true\n",
		Good: "appui_legal: [Article 18.3 de la Loi sur le privé]\nmandataire: true\nentente: ENT-0002   # mesures_securite: Chiffrement ; accès restreint ; destruction à la fin du contrat\n"}})
}

func prv012(p *Pass, e *model.Entry) {
	if !mandated(p, e) {
		return
	}
	const law = "Loi sur le privé, art. 18.3"
	key := "mandataire"
	if !e.Has(key) {
		key = "appui_legal"
	}
	switch agreementOf(p, e).state {
	case agreementAbsent:
		p.Report(e, key, "mandat ou contrat de service sans écrit lié (clé entente) : il doit être écrit et préciser les mesures de confidentialité (%s)", law)
	case agreementNamed:
		p.Report(e, key, "le mandat ou le contrat est nommé dans l'appui légal mais pas lié : inscrivez-le dans ententes/ et liez-le (clé entente) pour que ses mesures de confidentialité puissent être vérifiées (%s)", law)
	case agreementLinked:
		if ent := ref(p, e, "entente", model.Ententes); ent != nil && strings.TrimSpace(ent.Str("mesures_securite")) == "" {
			p.Report(e, "entente", "le mandat ou le contrat %s ne précise pas les mesures de confidentialité (clé mesures_securite de l'entente) : protection du caractère confidentiel, utilisation aux seules fins du mandat, non-conservation après son expiration (%s)", ent.ID, law)
		}
	}
}
