package rule

func init() {
	register(
		fixedRule("YAML-001", "Syntaxe YAML invalide",
			"Le fichier ne peut pas être lu comme du YAML. Le message indique la ligne fautive ; les causes habituelles sont une indentation incohérente, une tabulation, un « : » dans une valeur non mise entre guillemets ou un guillemet non fermé. Un fichier illisible fait toujours échouer la vérification : registre ne saute jamais un fichier.",
			"fins: Administration du régime: volet 2\n", "fins: \"Administration du régime : volet 2\"\n"),
		fixedRule("YAML-002", "Fichier non encodé en UTF-8",
			"Les fichiers doivent être encodés en UTF-8 (une marque d'ordre d'octets est tolérée). Les exportations de Word ou d'Excel sont souvent en Windows-1252 : réenregistrez le fichier en UTF-8 (p. ex. iconv -f WINDOWS-1252 -t UTF-8). Un fichier binaire ou en UTF-16 est aussi refusé.",
			"(octet 0xE9 : « é » en Windows-1252)", "(le même texte enregistré en UTF-8)"),
		fixedRule("YAML-003", "Clé en double",
			"Une même clé apparaît deux fois dans un dictionnaire. Le YAML ne garderait que la dernière valeur, sans avertir : registre refuse le fichier pour que rien ne se perde.",
			"fins: Statistiques\nfins: Recherche\n", "fins: |\n  Statistiques\n  Recherche\n"),
		fixedRule("YAML-004", "Ancre, alias ou clé de fusion",
			"Les ancres (&nom), alias (*nom) et clés de fusion (<<) rendent une inscription difficile à lire et à vérifier, et permettent des fichiers piégés (« bombe d'alias »). Chaque valeur s'écrit en entier.",
			"appui_legal: &base\n  - Article 67 de la Loi sur l'accès\n", "appui_legal:\n  - Article 67 de la Loi sur l'accès\n"),
		fixedRule("YAML-005", "Plusieurs documents dans un fichier",
			"Chaque fichier contient une seule inscription. Le séparateur « --- » suivi d'un second document n'est pas permis : créez un fichier par inscription.",
			"id: COM-0001\n---\nid: COM-0002\n", "(deux fichiers : COM-0001.yaml et COM-0002.yaml)"),
		fixedRule("YAML-006", "Fichier trop volumineux ou trop complexe",
			"Un fichier dépasse 1 Mio, plus de 100 000 valeurs ou 32 niveaux d'imbrication. Une inscription tient en quelques kilo-octets : le fichier n'est probablement pas une inscription.",
			"(un fichier de 5 Mio)", "(une inscription de quelques Kio)"),
		fixedRule("YAML-007", "Fichier vide ou qui n'est pas un dictionnaire",
			"Une inscription est un dictionnaire de clés (clé: valeur) qui contient au moins id. Un fichier vide, une liste ou une valeur seule ne sont pas des inscriptions.",
			"- Article 67\n", "id: COM-0001\nappui_legal:\n  - Article 67 de la Loi sur l'accès\n"),
		fixedRule("YAML-008", "Fichier ou dossier illisible",
			"Un fichier ou un dossier ne peut pas être lu (permission refusée, lien symbolique brisé ou en boucle, lien vers un dossier), ou n'est pas un fichier ordinaire (tube nommé, socket, périphérique : registre ne les ouvre jamais, pour ne pas rester bloqué). registre ne saute jamais un fichier : corrigez les permissions ou remplacez le lien ou le fichier spécial par le fichier lui-même.",
			"(communications/ sans permission de lecture)", "(chmod u+r communications)"),
		fixedRule("YAML-009", "Lien symbolique vers l'extérieur du dépôt",
			"Un lien symbolique du dépôt mène hors du dépôt. registre ne lit, ne publie ni ne réécrit jamais un fichier hors du dépôt : un lien vers un fichier système ou vers un autre dossier pourrait sinon faire publier ou citer son contenu. Copiez le fichier dans le dépôt à la place du lien. Les liens vers un fichier du dépôt lui-même sont suivis.",
			"communications/COM-0002.yaml -> /home/partage/COM-0002.yaml\n", "communications/COM-0002.yaml (le fichier lui-même)\n"),
	)
}
