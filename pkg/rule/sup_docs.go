package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	E, W := finding.Error, finding.Warning
	register(
		docRule("SUP-001", E, "Exception sans raison",
			"Chaque élément de ignorer doit donner une raison : c'est ce qui permet d'expliquer l'exception à la Commission d'accès à l'information ou à un vérificateur. Une exception sans raison n'a aucun effet.",
			"ignorer:\n  - regle: COM-019\n", "ignorer:\n  - regle: COM-019\n    raison: Le destinataire est un organisme de statistique, pas un chercheur.\n"),
		docRule("SUP-002", W, "Exception expirée",
			"La date jusqu_au de l'exception est passée : l'exception ne s'applique plus et la règle signale de nouveau l'inscription. Revoyez l'inscription, ou prolongez l'exception en le justifiant.",
			"ignorer:\n  - regle: COM-019\n    raison: En révision.\n    jusqu_au: 2024-01-01\n", "ignorer:\n  - regle: COM-019\n    raison: En révision.\n    jusqu_au: 2027-01-01\n"),
		docRule("SUP-003", W, "Exception inutile",
			"L'exception vise une règle qui ne signale rien pour cette inscription : elle est devenue inutile (l'inscription a été corrigée) et doit être retirée pour ne pas masquer un problème futur.",
			"ignorer:\n  - regle: COM-019\n    raison: Ancien cas.\n", "(pas de bloc ignorer)"),
		docRule("SUP-004", E, "Exception pour une règle inconnue",
			"ignorer nomme une règle qui n'existe pas, ou une règle d'intégrité (YAML, REF) qui ne peut pas être ignorée. « registre rules » liste les règles.",
			"ignorer:\n  - regle: COM-999\n    raison: …\n", "ignorer:\n  - regle: COM-019\n    raison: …\n"),
	)
}
