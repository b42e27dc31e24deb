package rule

import (
	"crypto/sha256"
	"sort"
	"strings"
	"sync"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// The tool's own rules: reported by the loader (YAML, REF), the schema
// validation (SCH) and the suppression engine (SUP). They carry docs here so
// that `registre explain`, `registre rules` and SARIF describe them too.
func init() {
	E, W := finding.Error, finding.Warning
	fixed := func(id, title, text, bad, good string) *Rule {
		return &Rule{ID: id, Fixed: true, Doc: Doc{Title: title, Text: text, Severity: E, Confidence: "H", Bad: bad, Good: good}}
	}
	doc := func(id string, sev finding.Severity, title, text, bad, good string) *Rule {
		return &Rule{ID: id, Doc: Doc{Title: title, Text: text, Severity: sev, Confidence: "H", Bad: bad, Good: good}}
	}
	register(
		fixed("YAML-001", "Syntaxe YAML invalide",
			"Le fichier ne peut pas être lu comme du YAML. Le message indique la ligne fautive ; les causes habituelles sont une indentation incohérente, une tabulation, un « : » dans une valeur non mise entre guillemets ou un guillemet non fermé. Un fichier illisible fait toujours échouer la vérification : registre ne saute jamais un fichier.",
			"fins: Administration du régime: volet 2\n", "fins: \"Administration du régime : volet 2\"\n"),
		fixed("YAML-002", "Fichier non encodé en UTF-8",
			"Les fichiers doivent être encodés en UTF-8 (une marque d'ordre d'octets est tolérée). Les exportations de Word ou d'Excel sont souvent en Windows-1252 : réenregistrez le fichier en UTF-8 (p. ex. iconv -f WINDOWS-1252 -t UTF-8). Un fichier binaire ou en UTF-16 est aussi refusé.",
			"(octet 0xE9 : « é » en Windows-1252)", "(le même texte enregistré en UTF-8)"),
		fixed("YAML-003", "Clé en double",
			"Une même clé apparaît deux fois dans un dictionnaire. Le YAML ne garderait que la dernière valeur, sans avertir : registre refuse le fichier pour que rien ne se perde.",
			"fins: Statistiques\nfins: Recherche\n", "fins: |\n  Statistiques\n  Recherche\n"),
		fixed("YAML-004", "Ancre, alias ou clé de fusion",
			"Les ancres (&nom), alias (*nom) et clés de fusion (<<) rendent une inscription difficile à lire et à vérifier, et permettent des fichiers piégés (« bombe d'alias »). Chaque valeur s'écrit en entier.",
			"appui_legal: &base\n  - Article 67 de la Loi sur l'accès\n", "appui_legal:\n  - Article 67 de la Loi sur l'accès\n"),
		fixed("YAML-005", "Plusieurs documents dans un fichier",
			"Chaque fichier contient une seule inscription. Le séparateur « --- » suivi d'un second document n'est pas permis : créez un fichier par inscription.",
			"id: COM-0001\n---\nid: COM-0002\n", "(deux fichiers : COM-0001.yaml et COM-0002.yaml)"),
		fixed("YAML-006", "Fichier trop volumineux ou trop complexe",
			"Un fichier dépasse 1 Mio, plus de 100 000 valeurs ou 32 niveaux d'imbrication. Une inscription tient en quelques kilo-octets : le fichier n'est probablement pas une inscription.",
			"(un fichier de 5 Mio)", "(une inscription de quelques Kio)"),
		fixed("YAML-007", "Fichier vide ou qui n'est pas un dictionnaire",
			"Une inscription est un dictionnaire de clés (clé: valeur) qui contient au moins id. Un fichier vide, une liste ou une valeur seule ne sont pas des inscriptions.",
			"- Article 67\n", "id: COM-0001\nappui_legal:\n  - Article 67 de la Loi sur l'accès\n"),
		fixed("YAML-008", "Fichier ou dossier illisible",
			"Un fichier ou un dossier ne peut pas être lu (permission refusée, lien symbolique brisé ou en boucle, lien vers un dossier), ou n'est pas un fichier ordinaire (tube nommé, socket, périphérique : registre ne les ouvre jamais, pour ne pas rester bloqué). registre ne saute jamais un fichier : corrigez les permissions ou remplacez le lien ou le fichier spécial par le fichier lui-même.",
			"(communications/ sans permission de lecture)", "(chmod u+r communications)"),
		fixed("YAML-009", "Lien symbolique vers l'extérieur du dépôt",
			"Un lien symbolique du dépôt mène hors du dépôt. registre ne lit, ne publie ni ne réécrit jamais un fichier hors du dépôt : un lien vers un fichier système ou vers un autre dossier pourrait sinon faire publier ou citer son contenu. Copiez le fichier dans le dépôt à la place du lien. Les liens vers un fichier du dépôt lui-même sont suivis.",
			"communications/COM-0002.yaml -> /home/partage/COM-0002.yaml\n", "communications/COM-0002.yaml (le fichier lui-même)\n"),
		withEntry(fixed("REF-001", "Référence vers une inscription absente",
			"Une référence (efvp, entente, fichiers) nomme un identifiant qui n'existe pas dans le dépôt, ou qui appartient à un autre registre. Créez l'inscription visée ou corrigez l'identifiant.",
			"efvp: EFVP-0099\n", "efvp: EFVP-0001\n"), checkRefs),
		fixed("REF-002", "Identifiant en double",
			"Deux fichiers portent le même identifiant (par exemple dans deux sous-dossiers). Chaque identifiant est unique dans le dépôt.",
			"communications/COM-0001.yaml\ncommunications/2025/COM-0001.yaml\n", "communications/COM-0001.yaml\ncommunications/2025/COM-0002.yaml\n"),
		fixed("REF-003", "Identifiant différent du nom du fichier",
			"La clé id doit être identique au nom du fichier sans son extension, pour qu'une inscription se retrouve par son nom.",
			"# fichier COM-0002.yaml\nid: COM-0003\n", "# fichier COM-0002.yaml\nid: COM-0002\n"),
		fixed("REF-004", "Nom de fichier invalide pour le registre",
			"Le nom du fichier doit commencer par le préfixe du registre du dossier (INV, COM, UTI, COL, EFVP, ENT, INC), un tiret, puis un numéro ou un code : p. ex. communications/COM-0001.yaml.",
			"communications/statcan.yaml\n", "communications/COM-0012.yaml\n"),
		fixed("REF-005", "Fichier YAML hors des dossiers de registre",
			"Un fichier .yaml ou .yml se trouve hors des dossiers inventaire, communications, utilisations, collectes, efvp, ententes et incidents : il ne serait jamais vérifié ni publié. Déplacez-le dans le bon dossier (les fichiers et dossiers dont le nom commence par un point sont ignorés).",
			"brouillons/COM-0001.yaml\n", "communications/COM-0001.yaml\n"),
		&Rule{ID: "REF-006", Doc: Doc{Title: "Référence mal formée", Severity: E, Confidence: "H",
			Text: "Une référence doit être l'identifiant d'une inscription du bon registre : efvp commence par EFVP-, entente par ENT-, fichiers par INV-.",
			Bad:  "efvp: ENT-0001\n", Good: "efvp: EFVP-0001\n"}},
		fixed("REF-009", "Fichier ou dossier ignoré dans un dossier de registre",
			"Un dossier de registre contient un dossier ou un fichier que registre ne lit pas : un nom qui commence par un point, un dossier _site ou node_modules, un fichier nommé comme une inscription mais sans l'extension .yaml (COM-0006.txt). Son contenu ne serait ni vérifié ni publié. Même constat pour registre.yml à côté de registre.yaml : seul registre.yaml est lu. Déplacez les inscriptions hors de ce dossier (ou renommez le fichier sans point initial), ou retirez-le du dossier du registre.",
			"communications/.brouillons/COM-0004.yaml\n", "communications/COM-0004.yaml\n"),
		doc("REF-007", W, "registre.yaml absent",
			"Le fichier registre.yaml décrit l'organisme (nom, secteur public ou privé), le responsable et la publication. Sans lui, registre suppose un organisme public et ne peut pas produire l'en-tête des registres publiés. « registre init » en crée un.",
			"(pas de registre.yaml)", "organisme: {nom: Ministère de l'Exemple, sigle: MEX, secteur: public}\n"),
		&Rule{ID: "REF-008", Repo: ref008, Digest: ref008Digest, Doc: Doc{Title: "Inscriptions en double dans un registre publié", Severity: W, Confidence: "H",
			Text: "Deux inscriptions du même registre ont le même contenu publié : chaque colonne du tableau publié a la même valeur (aux espaces près ; une liste et un texte sur autant de lignes sont égaux ; la casse, les accents et la ponctuation comptent). Le registre publié montrerait deux lignes identiques. C'est souvent un tableau importé deux fois : retirez le doublon (git rm) ou précisez ce qui distingue les deux inscriptions.",
			Bad:  "# COM-0001.yaml et COM-0002.yaml\ndestinataire: Retraite Québec\nrenseignements: Nom, prénom\n# (… mêmes valeurs dans chaque colonne publiée)\n",
			Good: "# COM-0001.yaml seulement (le doublon COM-0002.yaml est retiré)\ndestinataire: Retraite Québec\nrenseignements: Nom, prénom\n"}},
		doc("SCH-001", E, "Champ obligatoire manquant ou vide",
			"Un champ exigé par le schéma du registre est absent ou vide. Les champs exigés par la loi ont leur propre règle (p. ex. COM-002 pour la nature des renseignements) qui cite l'article.",
			"titre: \"\"\n", "titre: EFVP — hébergement infonuagique\n"),
		doc("SCH-002", E, "Type de valeur incorrect",
			"La valeur n'a pas le type attendu : un booléen s'écrit true ou false (sans guillemets ; « Oui » est du texte), une liste s'écrit avec des tirets, un nombre sans espace.",
			"hors_quebec: Oui\n", "hors_quebec: true\n"),
		doc("SCH-003", E, "Clé inconnue",
			"La clé n'existe pas dans ce registre : c'est souvent une faute de frappe. Le message propose la clé la plus proche ; « registre schema KIND » affiche toutes les clés.",
			"fin: Statistiques\n", "fins: Statistiques\n"),
		doc("SCH-004", E, "Valeur hors de la liste permise",
			"Le champ n'accepte qu'une liste fermée de valeurs (p. ex. conclusion : protection_adequate, protection_insuffisante ou en_cours).",
			"conclusion: adéquate\n", "conclusion: protection_adequate\n"),
		doc("SCH-005", E, "Date invalide",
			"Les dates s'écrivent AAAA-MM-JJ (p. ex. 2025-03-31) et doivent exister ; une période s'écrit {debut: DATE, fin: DATE} avec une fin qui ne précède pas le début.",
			"debut: 31/03/2025\n", "debut: 2025-03-31\n"),
		doc("SCH-006", E, "Valeur invalide",
			"La valeur ne respecte pas le schéma (nombre négatif, élément en double dans une liste…).",
			"nombre_personnes: -3\n", "nombre_personnes: 3\n"),
		doc("SCH-007", E, "Réglage invalide dans registre.yaml",
			"lint.regles nomme une règle inconnue ou une sévérité inconnue (error, warning, info, off), ou tente de désactiver une règle d'intégrité (YAML, REF).",
			"lint:\n  regles: {COM-999: off}\n", "lint:\n  regles: {COM-020: off}\n"),
		doc("SUP-001", E, "Exception sans raison",
			"Chaque élément de ignorer doit donner une raison : c'est ce qui permet d'expliquer l'exception à la Commission d'accès à l'information ou à un vérificateur. Une exception sans raison n'a aucun effet.",
			"ignorer:\n  - regle: COM-019\n", "ignorer:\n  - regle: COM-019\n    raison: Le destinataire est un organisme de statistique, pas un chercheur.\n"),
		doc("SUP-002", W, "Exception expirée",
			"La date jusqu_au de l'exception est passée : l'exception ne s'applique plus et la règle signale de nouveau l'inscription. Revoyez l'inscription, ou prolongez l'exception en le justifiant.",
			"ignorer:\n  - regle: COM-019\n    raison: En révision.\n    jusqu_au: 2024-01-01\n", "ignorer:\n  - regle: COM-019\n    raison: En révision.\n    jusqu_au: 2027-01-01\n"),
		doc("SUP-003", W, "Exception inutile",
			"L'exception vise une règle qui ne signale rien pour cette inscription : elle est devenue inutile (l'inscription a été corrigée) et doit être retirée pour ne pas masquer un problème futur.",
			"ignorer:\n  - regle: COM-019\n    raison: Ancien cas.\n", "(pas de bloc ignorer)"),
		doc("SUP-004", E, "Exception pour une règle inconnue",
			"ignorer nomme une règle qui n'existe pas, ou une règle d'intégrité (YAML, REF) qui ne peut pas être ignorée. « registre rules » liste les règles.",
			"ignorer:\n  - regle: COM-999\n    raison: …\n", "ignorer:\n  - regle: COM-019\n    raison: …\n"),
	)
}

// ref008Digest sums up the published columns of an entry (model.ContentKey),
// or "" when they are all empty or the register has none.
func ref008Digest(e *model.Entry) string {
	if !model.Publishable(e) {
		return "" // a withheld entry is not in the published register
	}
	buf := digestBufs.Get().(*[]byte)
	content, has := model.AppendContentKey((*buf)[:0], e.Values, digestKeys(e.Kind))
	var sum [sha256.Size]byte
	if has {
		sum = sha256.Sum256(content)
	}
	if cap(content) <= 1<<20 { // a huge entry's buffer is left to the collector
		*buf = content[:0]
		digestBufs.Put(buf)
	}
	if !has {
		return ""
	}
	return string(sum[:])
}

// Allocation-free helpers of ref008Digest (mechanical: same key, same bytes).
// digestBufs holds reusable content-key buffers; digestKeys the published
// columns of each kind, but "id", computed once per kind.
var (
	digestBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8<<10); return &b }}
	digestCols sync.Map // *model.Kind → []string
)

func digestKeys(k *model.Kind) []string {
	if v, ok := digestCols.Load(k); ok {
		return v.([]string)
	}
	var keys []string
	for _, f := range k.Columns() {
		if f.Key != "id" {
			keys = append(keys, f.Key)
		}
	}
	v, _ := digestCols.LoadOrStore(k, keys)
	return v.([]string)
}

// ref008 reports an entry whose published columns all equal those of an
// earlier entry (in id order) of the same register.
func ref008(p *Pass) {
	entries := append([]*model.Entry(nil), p.Repo.Entries...)
	sort.SliceStable(entries, func(i, j int) bool { return model.CompareIDs(entries[i].ID, entries[j].ID) < 0 })
	first := map[*model.Kind]map[string]string{}
	for _, e := range entries {
		d := p.Digest(e)
		if d == "" {
			continue
		}
		if first[e.Kind] == nil {
			first[e.Kind] = map[string]string{}
		}
		if id, dup := first[e.Kind][d]; dup {
			p.Report(e, "id", "%s a le même contenu publié que %s : le registre publié montrerait deux lignes identiques ; retirez le doublon ou précisez ce qui les distingue", e.ID, id)
			continue
		}
		first[e.Kind][d] = e.ID
	}
}

func withEntry(r *Rule, f func(*Pass, *model.Entry)) *Rule { r.Entry, r.Cross = f, true; return r }

// checkRefs reports references to entries that do not exist (REF-001).
func checkRefs(p *Pass, e *model.Entry) {
	for i := range e.Kind.Fields {
		f := &e.Kind.Fields[i]
		if f.Type != model.Ref && f.Type != model.RefList {
			continue
		}
		target := model.KindByName(f.RefKind)
		v := e.Values[f.Key]
		check := func(path string, x any) {
			id, ok := x.(string)
			if !ok || strings.TrimSpace(id) == "" {
				return
			}
			id = strings.TrimSpace(id)
			if !strings.HasPrefix(id, target.Prefix+"-") {
				return // malformed: REF-006, from the schema
			}
			t := p.Repo.ByID[id]
			switch {
			case t == nil:
				p.Report(e, path, "%s renvoie à %s, qui n'existe pas dans le dépôt (attendu : %s/%s.yaml)", f.Key, id, target.Name, id)
			case t.Kind != target:
				p.Report(e, path, "%s renvoie à %s, qui est une inscription du registre %s et non du registre %s", f.Key, id, t.Kind.Name, target.Name)
			}
		}
		if l, ok := v.([]any); ok {
			for j, x := range l {
				check(model.PathOf(f.Key, j), x)
			}
		} else {
			check(f.Key, v)
		}
	}
}
