package build

import (
	"fmt"
	"strings"

	"github.com/registre-qc/registre/pkg/cmdutil"
	"github.com/registre-qc/registre/pkg/gitutil"
	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/render/pdf"
	"github.com/registre-qc/registre/pkg/site"
	"github.com/registre-qc/registre/pkg/table"
)

// revision names the repository state the copy comes from: the --as-of
// commit, else HEAD and whether the working tree differs from it.
func revision(dir, asOf string) string {
	if asOf != "" {
		short, date := gitutil.CommitInfo(dir, asOf, cmdutil.Montreal())
		return fmt.Sprintf("commit %s du %s (dépôt tel qu'à cette date, --as-of ; identifiant complet %s)", short, date, asOf)
	}
	if !gitutil.IsRepo(dir) {
		return "dépôt hors git : aucune révision ne peut être citée"
	}
	head, err := gitutil.Run(dir, "rev-parse", "HEAD")
	if err != nil || strings.TrimSpace(head) == "" {
		return "dépôt git sans commit"
	}
	rev := "commit " + strings.TrimSpace(head)
	if d, err := gitutil.Run(dir, "log", "-1", "--format=%cs"); err == nil && strings.TrimSpace(d) != "" {
		rev += " du " + strings.TrimSpace(d)
	}
	if st, err := gitutil.Run(dir, "status", "--porcelain", "--untracked-files=no", "--", "."); err == nil && strings.TrimSpace(st) != "" {
		rev += ", avec des modifications non validées (la copie reflète le dossier de travail)"
	}
	return rev
}

// coverPage is the first document of the copy: who, what, when, from which revision.
func coverPage(repo *model.Repository, s table.Site, rev string) pdf.Document {
	c := repo.Config
	org := c.Organisme.Nom
	if c.Organisme.Sigle != "" {
		org += " (" + c.Organisme.Sigle + ")"
	}
	orgLines := []string{org}
	if c.Organisme.NEQ != "" {
		orgLines = append(orgLines, "Numéro d'entreprise du Québec : "+c.Organisme.NEQ)
	}
	var resp []string
	for _, v := range []string{c.Responsable.Nom, c.Responsable.Titre, prefix("Courriel : ", c.Responsable.Courriel), prefix("Téléphone : ", c.Responsable.Telephone), c.Responsable.Adresse} {
		if strings.TrimSpace(v) != "" {
			resp = append(resp, strings.TrimSpace(v))
		}
	}
	if len(resp) == 0 {
		resp = []string{"Non indiqué dans registre.yaml (clé responsable)."}
	}
	var regs []string
	for _, t := range s.Tables {
		regs = append(regs, fmt.Sprintf("%s : %d inscription(s) — %s.pdf et %s.csv", t.Title, len(t.Rows), t.Kind, t.Kind))
	}
	law := "art. 63.11 de la Loi sur l'accès"
	if c.Private() {
		law = "art. 3.8 de la Loi sur le privé"
	}
	return pdf.Document{
		Title:    "Copie des registres transmise à la Commission d'accès à l'information",
		Subtitle: fmt.Sprintf("%s — registres à jour au %s", c.Organisme.Nom, s.Updated),
		Author:   c.Organisme.Nom,
		Date:     s.Updated,
		Banner:   "Document confidentiel — transmis à la Commission à sa demande, ne pas publier",
		Footer:   c.Organisme.Nom + " — copie pour la Commission d'accès à l'information — confidentiel",
		Sections: []pdf.Section{
			{Heading: "Organisation", Paras: []string{strings.Join(orgLines, "\n")}},
			{Heading: "Responsable de l'accès aux documents et de la protection des renseignements personnels", Paras: []string{strings.Join(resp, "\n")}},
			{Heading: "Date", Paras: []string{"Registres à jour au " + s.Updated + " (date du dernier commit des registres, ou SOURCE_DATE_EPOCH)."}},
			{Heading: "Révision du dépôt", Paras: []string{rev}},
			{Heading: "Registres joints", Paras: []string{strings.Join(regs, "\n")}},
			{Heading: "Intégrité", Paras: []string{"Le fichier " + site.ManifestFile + " donne l'empreinte SHA-256 de chaque fichier de cette copie (vérification : sha256sum -c " + site.ManifestFile + ")."}},
			{Heading: "Fondement", Paras: []string{"Copie du registre des incidents de confidentialité transmise à la Commission à sa demande (" + law + ")."}},
		},
	}
}

func prefix(p, v string) string {
	if strings.TrimSpace(v) == "" {
		return ""
	}
	return p + v
}
