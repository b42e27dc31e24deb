package rule

import "github.com/registre-qc/registre/pkg/model"

// Helpers of the publication rules (pub_*.go, legal.md §8.6). PUB-005 and PUB-006 of the legal
// analysis are not findings but exemptions built into PUB-003 and PUB-004
// (recipient names, function contact details); PUB-008 cannot fire because
// the build stamps the update date from git. None of the three is registered.

// Categories of public bodies bound by the Règlement sur la diffusion (A-2.1, r. 2);
// an empty category counts as bound (the common case: a ministry or agency).
var diffusionBound = map[string]bool{"": true, "ministere": true, "organisme_gouvernemental": true}

// publicKinds returns the kinds whose entries may be published.
func publicKinds() []*model.Kind {
	var ks []*model.Kind
	for _, k := range model.Kinds {
		if k.Published() {
			ks = append(ks, k)
		}
	}
	return ks
}

// publishedNames returns the registers registre.yaml publishes (all the
// publishable ones when publication.registres is absent).
func publishedNames(c *model.Config) []string {
	if len(c.Publication.Registres) == 0 {
		return model.DefaultPublished
	}
	return c.Publication.Registres
}

// orgFrench names the organisation's category in a message.
func orgFrench(c *model.Config) string {
	if c.Organisme.Categorie == "organisme_gouvernemental" {
		return "organisme gouvernemental"
	}
	if c.Organisme.Categorie == "ministere" {
		return "ministère"
	}
	return "organisme public visé par le Règlement sur la diffusion"
}
