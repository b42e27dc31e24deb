// Package deadline lists the dated obligations of a register repository —
// notices after a confidentiality incident, how long the incidents register
// is kept, inventory reviews, agreements reaching their term, EFVPs still in
// progress, suppressions about to expire — each with its due date, its entry,
// its position and its legal basis, sorted by urgency. Dates are calendar
// days: the caller passes "today" (America/Montreal), nothing here reads the
// clock.
package deadline

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/registre-qc/registre/pkg/finding"
	"github.com/registre-qc/registre/pkg/model"
)

// Status says how urgent an item is. The order is the sort order.
type Status int

const (
	Late       Status = iota // the due date has passed: exit 1
	Reevaluate               // a notice lawfully deferred (63.8 al. 3): to re-evaluate, never late
	Due                      // due within the horizon
	Later                    // due after the horizon
	Info                     // nothing to do by a date (e.g. a record that may now be destroyed)
)

// Label is the French name of the status.
func (s Status) Label() string {
	return [...]string{"en retard", "à réévaluer", "à faire", "plus tard", "information"}[s]
}

// Code is the stable machine name of the status (JSON).
func (s Status) Code() string {
	return [...]string{"retard", "a_reevaluer", "a_faire", "plus_tard", "information"}[s]
}

// Anchor says how an item's date reads.
type Anchor int

const (
	By    Anchor = iota // « dû le » : the date the thing must be done by
	Until               // « jusqu'au » : the date until which something must last
	Since               // « depuis le » : something in progress or possible since then
)

// Item is one dated obligation.
type Item struct {
	Status  Status
	Due     string // YYYY-MM-DD
	Days    int    // Due − today: negative when late
	Anchor  Anchor // how Due reads: a deadline, a date until which, or since which
	What    string // what must be done, in French
	Detail  string // the facts behind the date
	Law     string // the provision that sets the duty or the date
	EntryID string
	Path    string // slash-separated, relative to the repository root
	Pos     finding.Position
}

// Options are the inputs that are not in the repository.
type Options struct {
	Today   string // YYYY-MM-DD
	Horizon int    // days ahead that count as « à faire »
}

// List returns every dated obligation of repo, most urgent first.
func List(repo *model.Repository, o Options) ([]Item, error) {
	today, err := time.Parse(layout, o.Today)
	if err != nil {
		return nil, fmt.Errorf("date invalide : %q (format attendu : AAAA-MM-JJ)", o.Today)
	}
	c := &collector{repo: repo, today: today, horizon: o.Horizon}
	for _, e := range repo.Entries {
		switch e.Kind {
		case model.Incidents:
			c.incident(e)
		case model.Inventaire:
			c.review(e)
		case model.Ententes:
			c.agreement(e)
		case model.EFVP:
			c.efvp(e)
		}
		c.suppressions(e)
	}
	sort.SliceStable(c.items, func(i, j int) bool {
		a, b := c.items[i], c.items[j]
		if a.Status != b.Status {
			return a.Status < b.Status
		}
		if a.Due != b.Due {
			return a.Due < b.Due
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.What < b.What
	})
	return c.items, nil
}

// AnyLate reports whether some item is late.
func AnyLate(items []Item) bool {
	for _, it := range items {
		if it.Status == Late {
			return true
		}
	}
	return false
}

const layout = "2006-01-02"

type collector struct {
	repo    *model.Repository
	today   time.Time
	horizon int
	items   []Item
}

func (c *collector) private() bool { return c.repo.Config.Private() }

// add records an item due on due; the status follows from the date unless
// forced (Reevaluate, Info).
func (c *collector) add(e *model.Entry, key, due string, forced *Status, what, detail, law string) {
	c.addAs(By, e, key, due, forced, what, detail, law)
}

func (c *collector) addAs(a Anchor, e *model.Entry, key, due string, forced *Status, what, detail, law string) {
	d, _ := time.Parse(layout, due)
	days := int(d.Sub(c.today).Hours() / 24)
	st := Due
	switch {
	case forced != nil:
		st = *forced
	case days < 0:
		st = Late
	case days > c.horizon:
		st = Later
	}
	c.items = append(c.items, Item{Status: st, Due: due, Days: days, Anchor: a, What: what, Detail: detail, Law: law,
		EntryID: e.ID, Path: e.Path, Pos: e.At(key)})
}

func status(s Status) *Status { return &s }

func addDays(date string, n int) string {
	t, err := time.Parse(layout, date)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format(layout)
}

func (c *collector) daysSince(date string) int {
	t, _ := time.Parse(layout, date)
	return int(c.today.Sub(t).Hours() / 24)
}

// incident: the two notices when the risk of serious injury is established,
// and how long the entry is kept.
func (c *collector) incident(e *model.Entry) {
	known := e.DateEnd("connaissance") // the same day INC-011 counts from
	if known == "" {
		return // INC-004 reports the missing date
	}
	art, reg := "A-2.1, art. 63.8", "A-2.1, r. 3.1, art. 7"
	if c.private() {
		art, reg = "P-39.1, art. 3.5", "P-39.1, r. 3.1, art. 7"
	}
	if serious, _ := e.Bool("risque_serieux"); serious {
		delay := c.repo.Config.NoticeDelayDays()
		due := addDays(known, delay)
		since := fmt.Sprintf("connaissance le %s, il y a %d jours ; seuil de diligence : %d jours (lint.delai_avis_cai_jours)", known, c.daysSince(known), delay)
		if e.Date("avis_cai") == "" {
			c.add(e, "connaissance", due, nil, "aviser la Commission d'accès à l'information (avis_cai non daté)", since, art+", al. 2")
		}
		if e.Date("avis_personnes") == "" && dateIn(e.Map("avis_public"), "date") == "" {
			if why := e.Str("avis_differe"); why != "" {
				c.add(e, "avis_differe", due, status(Reevaluate), "réévaluer l'avis aux personnes concernées, différé pour ne pas entraver une enquête",
					"motif : "+strings.TrimRight(oneLine(why), ". ")+" ; "+since, art+", al. 3")
			} else {
				c.add(e, "connaissance", due, nil, "aviser les personnes concernées (avis_personnes non daté)", since, art+", al. 2")
			}
		}
	}
	keep := addYears(known, model.IncidentRetentionYears)
	if keep == "" {
		return
	}
	detail := fmt.Sprintf("%d ans après la prise de connaissance (%s)", model.IncidentRetentionYears, known)
	if c.today.Format(layout) >= keep {
		c.addAs(Since, e, "connaissance", keep, status(Info), "l'inscription peut être détruite selon le calendrier de conservation : la durée minimale est écoulée", detail, reg)
		return
	}
	c.addAs(Until, e, "connaissance", keep, status(Later), "conserver l'inscription au registre des incidents", detail, reg)
}

// review: an inventory entry is reviewed every lint.revision_mois months.
func (c *collector) review(e *model.Entry) {
	key := "date_revision"
	d := e.Date(key)
	if d == "" {
		key = "date_inscription"
		d = e.Date(key)
	}
	months := c.repo.Config.ReviewMonths()
	law := "A-2.1, art. 76 (inventaire maintenu à jour)"
	if d == "" {
		c.add(e, "", c.today.Format(layout), nil, "réviser l'inscription de l'inventaire et indiquer date_revision",
			"aucune date de révision ni d'inscription", law)
		return
	}
	t, _ := time.Parse(layout, d)
	due := t.AddDate(0, months, 0).Format(layout)
	c.add(e, key, due, nil, "réviser l'inscription de l'inventaire (puis mettre date_revision à jour)",
		fmt.Sprintf("%s le %s ; révision tous les %d mois (lint.revision_mois)", map[string]string{"date_revision": "dernière révision", "date_inscription": "inscrite"}[key], d, months), law)
}

// agreement: the term of a written agreement, from date_fin or from
// date_signature + duree (model.AgreementEnd, which rule ENT-010 reads too).
func (c *collector) agreement(e *model.Entry) {
	term, ok := model.AgreementEnd(e)
	if !ok {
		return // no term to follow
	}
	end, key, how := term.End, term.Key, term.How()
	users := c.users(e.ID)
	law := "A-2.1, art. 68, al. 3 (durée de l'entente)"
	if c.private() {
		law = "P-39.1, art. 17 et 18.3 (entente écrite)"
	}
	if len(users) == 0 {
		if c.today.Format(layout) > end {
			c.addAs(Since, e, key, end, status(Info), "entente échue ; aucune inscription ne s'y rattache", how, law)
			return
		}
		c.add(e, key, end, nil, "renouveler ou laisser prendre fin l'entente", how+" ; aucune inscription ne s'y rattache", law)
		return
	}
	c.add(e, key, end, nil, "renouveler l'entente ou cesser les communications qui en dépendent",
		how+" ; inscriptions qui s'y rattachent : "+strings.Join(users, ", "), law)
}

// users lists the entries that link the agreement id.
func (c *collector) users(id string) []string {
	var out []string
	for _, e := range c.repo.Entries {
		if e.Kind != model.Ententes && e.Kind != model.Incidents && e.Str("entente") == id {
			out = append(out, e.ID)
		}
	}
	return out
}

// efvp: a project that started while its assessment is still in progress.
func (c *collector) efvp(e *model.Entry) {
	start := e.Date("debut_projet")
	if start == "" || e.Str("conclusion") != "en_cours" {
		return
	}
	law := "A-2.1, art. 63.5"
	if c.private() {
		law = "P-39.1, art. 3.3"
	}
	c.addAs(Since, e, "conclusion", start, status(Due), "terminer l'EFVP du projet (conclusion : en_cours)",
		fmt.Sprintf("projet commencé le %s, il y a %d jours", start, c.daysSince(start)), law)
}

// suppressions: `ignorer` items whose jusqu_au comes within the horizon or has passed.
func (c *collector) suppressions(e *model.Entry) {
	list, _ := e.Values["ignorer"].([]any)
	for i, x := range list {
		m, _ := x.(map[string]any)
		until := dateIn(m, "jusqu_au")
		if until == "" {
			continue
		}
		key := model.PathOf("ignorer", i, "jusqu_au")
		rule := model.AsString(m["regle"])
		d, _ := time.Parse(layout, until)
		days := int(d.Sub(c.today).Hours() / 24)
		switch {
		case days < 0:
			c.addAs(Since, e, key, until, status(Info), "exception expirée pour la règle "+rule+" : la règle s'applique de nouveau (SUP-002)", "motif : "+oneLine(model.AsString(m["raison"])), "exception de vérification (clé ignorer), sans fondement légal propre")
		case days <= c.horizon:
			c.add(e, key, until, nil, "revoir l'exception pour la règle "+rule+" avant qu'elle expire", "motif : "+oneLine(model.AsString(m["raison"])), "exception de vérification (clé ignorer), sans fondement légal propre")
		}
	}
}

func dateIn(m map[string]any, key string) string {
	if m == nil {
		return ""
	}
	return model.DateOf(m[key], true)
}

func addYears(date string, n int) string {
	t, err := time.Parse(layout, date)
	if err != nil {
		return ""
	}
	return t.AddDate(n, 0, 0).Format(layout)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
