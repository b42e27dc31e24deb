package model

// ConfigFile is the organisation settings file at the root of a register repository.
const ConfigFile = "registre.yaml"

// ConfigFields declares registre.yaml (model.md §4); the schema is generated from it.
var ConfigFields = []Field{
	{Key: "organisme", Type: Object, Req: Required, Rule: "SCH-001", Desc: "L'organisme qui tient les registres.", Fields: []Field{
		{Key: "nom", Type: String, Req: Required, Desc: "Nom de l'organisme.", Example: "Ministère de l'Exemple"},
		{Key: "sigle", Type: String, Desc: "Sigle de l'organisme.", Example: "MEX"},
		{Key: "neq", Type: String, Desc: "Numéro d'entreprise du Québec (NEQ), le cas échéant : il figure dans l'avis d'incident à la Commission (r. 3.1, art. 3, par. 1°)."},
		{Key: "secteur", Type: Enum, Enum: []string{"public", "prive"}, Req: Required,
			Desc: "public (Loi sur l'accès, RLRQ c. A-2.1) ou prive (Loi sur le privé, RLRQ c. P-39.1).", Example: "public"},
		{Key: "categorie", Type: Enum, Enum: []string{"ministere", "organisme_gouvernemental", "municipal", "scolaire", "sante", "ordre_professionnel", "autre"},
			Desc: "Catégorie d'organisme public : le Règlement sur la diffusion (A-2.1, r. 2) ne vise pas les organismes municipaux, scolaires et de santé (art. 5 à 7 de la loi)."},
	}},
	{Key: "responsable", Type: Object, Desc: "Coordonnées de fonction du responsable de l'accès et de la protection des renseignements personnels (renseignements à caractère public, art. 57).", Fields: []Field{
		{Key: "titre", Type: String, Desc: "Titre de la fonction.", Example: "Responsable de l'accès aux documents et de la protection des renseignements personnels"},
		{Key: "nom", Type: String, Desc: "Nom du responsable (facultatif)."},
		{Key: "courriel", Type: String, Desc: "Adresse courriel de fonction.", Example: "acces@exemple.gouv.qc.ca"},
		{Key: "telephone", Type: String, Desc: "Numéro de téléphone du bureau."},
		{Key: "adresse", Type: Text, Desc: "Adresse postale du bureau."},
	}},
	{Key: "publication", Type: Object, Desc: "Réglages du site publié par « registre build ».", Fields: []Field{
		{Key: "titre", Type: String, Desc: "Titre du site.", Example: "Diffusion de l'information — renseignements personnels"},
		{Key: "url", Type: String, Desc: "Adresse du site publié."},
		{Key: "registres", Type: EnumList, Enum: []string{"inventaire", "communications", "utilisations", "collectes", "efvp", "ententes", "incidents"},
			Desc: "Registres publiés, dans l'ordre (par défaut : inventaire, communications, utilisations, collectes). Les incidents, les EFVP et les ententes ne sont jamais publiés (règle INC-012)."},
		{Key: "preambules", Type: Object, Desc: "Préambule juridique à afficher au-dessus de chaque registre, pour remplacer celui par défaut.", Fields: []Field{
			{Key: "inventaire", Type: Text, Desc: "Préambule de l'inventaire des fichiers."},
			{Key: "communications", Type: Text, Desc: "Préambule du registre des communications."},
			{Key: "utilisations", Type: Text, Desc: "Préambule du registre des utilisations."},
			{Key: "collectes", Type: Text, Desc: "Préambule du registre des ententes de collecte."},
			{Key: "incidents", Type: Text, Desc: "Préambule du registre des incidents (édition interne)."},
		}},
	}},
	{Key: "lint", Type: Object, Desc: "Réglages de « registre lint ».", Fields: []Field{
		{Key: "regles", Type: Object, Desc: "Sévérité par règle : error, warning, info ou off (p. ex. COM-020: off)."},
		{Key: "niveau_echec", Type: Enum, Enum: []string{"error", "warning", "info"}, Desc: "Sévérité à partir de laquelle « registre lint » échoue (par défaut : error)."},
		{Key: "revision_mois", Type: Int, Desc: "INV-011 : nombre de mois après lequel une inscription de l'inventaire est jugée non révisée (par défaut : 24)."},
		{Key: "delai_avis_cai_jours", Type: Int, Desc: "INC-011 : nombre de jours au-delà duquel l'avis à la Commission n'est plus « prompt » (par défaut : 30)."},
	}},
}

// Config is the decoded registre.yaml.
type Config struct {
	Organisme struct {
		Nom, Sigle, Secteur, Categorie string
		NEQ                            string // numéro d'entreprise du Québec, le cas échéant
	}
	Responsable struct {
		Titre, Nom, Courriel, Telephone, Adresse string
	}
	Publication struct {
		Titre, URL string
		Registres  []string
		Preambules map[string]string
	}
	Lint struct {
		Regles            map[string]string
		NiveauEchec       string
		RevisionMois      int
		DelaiAvisCAIJours int
	}
}

// Defaults of the lint settings that set a clock (shared by the rules and by
// `registre echeances`, so both count the same days).
const (
	DefaultReviewMonths    = 24 // lint.revision_mois
	DefaultNoticeDelayDays = 30 // lint.delai_avis_cai_jours
	IncidentRetentionYears = 5  // r. 3.1: the incidents register is kept five years after awareness
)

// ReviewMonths is lint.revision_mois, or its default.
func (c *Config) ReviewMonths() int {
	if c.Lint.RevisionMois > 0 {
		return c.Lint.RevisionMois
	}
	return DefaultReviewMonths
}

// NoticeDelayDays is lint.delai_avis_cai_jours, or its default.
func (c *Config) NoticeDelayDays() int {
	if c.Lint.DelaiAvisCAIJours > 0 {
		return c.Lint.DelaiAvisCAIJours
	}
	return DefaultNoticeDelayDays
}

// Private reports whether the organisation is an enterprise (P-39.1).
func (c *Config) Private() bool { return c.Organisme.Secteur == "prive" }

// DefaultInstrument is the law an article-only citation (« art. 67 ») refers
// to: the Loi sur le privé for an enterprise, else the Loi sur l'accès. The
// rules, the published tables and the statistics all ask here.
func (c *Config) DefaultInstrument() string {
	if c.Private() {
		return "P-39.1"
	}
	return "A-2.1"
}

// Published returns the kinds to publish, in order.
func (c *Config) Published() []*Kind {
	names := c.Publication.Registres
	if len(names) == 0 {
		names = DefaultPublished
	}
	var ks []*Kind
	for _, n := range names {
		if k := KindByName(n); k != nil && k.Published() {
			ks = append(ks, k)
		}
	}
	return ks
}
