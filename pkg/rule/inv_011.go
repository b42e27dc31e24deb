package rule

import (
	"time"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

func init() {
	inv := []*model.Kind{model.Inventaire}
	register(&Rule{ID: "INV-011", Kinds: inv, Sector: PublicOnly, Entry: inv011, Doc: Doc{
		Title: "Inscription de l'inventaire non révisée depuis longtemps", Law: "A-2.1, art. 76, al. 1 (« maintenir à jour »)", Severity: finding.Off, Confidence: "M",
		Text: "L'organisme doit établir et maintenir à jour son inventaire. La loi ne fixe aucune périodicité : cette règle, désactivée par défaut, signale une inscription dont la dernière révision (date_revision, sinon date_inscription) date de plus de lint.revision_mois mois (24 par défaut). Activez-la dans registre.yaml (lint: regles: {INV-011: warning}) ; après révision, mettez date_revision à jour. Une inscription sans aucune de ces dates n'est pas signalée.",
		Bad:  "date_inscription: 2021-03-01\n", Good: "date_inscription: 2021-03-01\ndate_revision: 2025-06-10\n"}})
}

func inv011(p *Pass, e *model.Entry) {
	key := "date_revision"
	d := e.Date(key)
	if d == "" {
		key = "date_inscription"
		d = e.Date(key)
	}
	if d == "" {
		return
	}
	months := p.Repo.Config.ReviewMonths()
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return
	}
	limit := t.AddDate(0, months, 0).Format("2006-01-02")
	if p.Today > limit {
		if key == "date_inscription" {
			p.Report(e, key, "inscription faite le %s et jamais révisée depuis, soit plus de %d mois : l'inventaire doit être maintenu à jour (art. 76) ; révisez-la et indiquez date_revision", d, months)
			return
		}
		p.Report(e, key, "dernière révision le %s, il y a plus de %d mois : l'inventaire doit être maintenu à jour (art. 76) ; révisez l'inscription et mettez date_revision à jour", d, months)
	}
}
