package rule

import "github.com/registre-qc/registre/pkg/finding"

func init() {
	E, W := finding.Error, finding.Warning
	register(
		fixedRule("REF-002", "Identifiant en double",
			"Deux fichiers portent le même identifiant (par exemple dans deux sous-dossiers). Chaque identifiant est unique dans le dépôt.",
			"communications/COM-0001.yaml\ncommunications/2025/COM-0001.yaml\n", "communications/COM-0001.yaml\ncommunications/2025/COM-0002.yaml\n"),
		fixedRule("REF-003", "Identifiant différent du nom du fichier",
			"La clé id doit être identique au nom du fichier sans son extension, pour qu'une inscription se retrouve par son nom.",
			"# fichier COM-0002.yaml\nid: COM-0003\n", "# fichier COM-0002.yaml\nid: COM-0002\n"),
		fixedRule("REF-004", "Nom de fichier invalide pour le registre",
			"Le nom du fichier doit commencer par le préfixe du registre du dossier (INV, COM, UTI, COL, EFVP, ENT, INC), un tiret, puis un numéro ou un code : p. ex. communications/COM-0001.yaml.",
			"communications/statcan.yaml\n", "communications/COM-0012.yaml\n"),
		fixedRule("REF-005", "Fichier YAML hors des dossiers de registre",
			"Un fichier .yaml ou .yml se trouve hors des dossiers inventaire, communications, utilisations, collectes, efvp, ententes et incidents : il ne serait jamais vérifié ni publié. Déplacez-le dans le bon dossier (les fichiers et dossiers dont le nom commence par un point sont ignorés).",
			"brouillons/COM-0001.yaml\n", "communications/COM-0001.yaml\n"),
		&Rule{ID: "REF-006", Doc: Doc{Title: "Référence mal formée", Severity: E, Confidence: "H",
			Text: "Une référence doit être l'identifiant d'une inscription du bon registre : efvp commence par EFVP-, entente par ENT-, fichiers par INV-.",
			Bad:  "efvp: ENT-0001\n", Good: "efvp: EFVP-0001\n"}},
		fixedRule("REF-009", "Fichier ou dossier ignoré dans un dossier de registre",
			"Un dossier de registre contient un dossier ou un fichier que registre ne lit pas : un nom qui commence par un point, un dossier _site ou node_modules, un fichier nommé comme une inscription mais sans l'extension .yaml (COM-0006.txt). Son contenu ne serait ni vérifié ni publié. Même constat pour registre.yml à côté de registre.yaml : seul registre.yaml est lu. Déplacez les inscriptions hors de ce dossier (ou renommez le fichier sans point initial), ou retirez-le du dossier du registre.",
			"communications/.brouillons/COM-0004.yaml\n", "communications/COM-0004.yaml\n"),
		docRule("REF-007", W, "registre.yaml absent",
			"Le fichier registre.yaml décrit l'organisme (nom, secteur public ou privé), le responsable et la publication. Sans lui, registre suppose un organisme public et ne peut pas produire l'en-tête des registres publiés. « registre init » en crée un.",
			"(pas de registre.yaml)", "organisme: {nom: Ministère de l'Exemple, sigle: MEX, secteur: public}\n"),
	)
}
