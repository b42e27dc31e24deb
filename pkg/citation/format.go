package citation

import (
	"regexp"
	"strconv"
	"strings"
)

const (
	legisQuebec = "https://www.legisquebec.gouv.qc.ca/"
	justiceCA   = "https://laws-lois.justice.gc.ca/"
)

var (
	reFedRegInstr = regexp.MustCompile(`^(DORS|TR)/(\d+)-(\d+)$`)
	reFedRSInstr  = regexp.MustCompile(`^L\.R\.C\. \d{4}, ch\. ([A-Z]{1,2}-\d+(?:\.\d+)*)$`)
	reQCStatute   = regexp.MustCompile(`^[A-Z]{1,3}-\d+(?:\.\d+)*$`)
	reQCReg       = regexp.MustCompile(`^([A-Z]{1,3}-\d+(?:\.\d+)*), r\. (\d+(?:\.\d+)*)$`)
)

// URL links the reference to the current official text, with the article
// anchor when there is an article (legal.md §6): LégisQuébec for Québec
// statutes, regulations and codes (« #se:67_2_1 »), the Justice Laws site for
// federal statutes and regulations (« section-216.html »). lang is "fr" or
// "en" (anything else means "fr"). The result is "" when no URL can be built:
// agreements, annual statutes (LQ), unknown instruments.
func (r Ref) URL(lang string) string {
	en := lang == "en"
	instr := r.Instrument
	switch {
	case instr == "":
		return ""
	case reQCStatute.MatchString(instr):
		u := legisQuebec + "fr/document/lc/"
		if en {
			u = legisQuebec + "en/document/cs/"
		}
		return u + instr + qcAnchor(r.Article)
	case reQCReg.MatchString(instr):
		u := legisQuebec + "fr/document/rc/"
		if en {
			u = legisQuebec + "en/document/cr/"
		}
		return u + strings.ReplaceAll(instr, " ", "%20") + qcAnchor(r.Article)
	}
	if m := reFedRegInstr.FindStringSubmatch(instr); m != nil {
		u := justiceCA + "fra/reglements/" + m[1] + "-" + m[2] + "-" + m[3] + "/"
		if en {
			pre := "SOR"
			if m[1] == "TR" {
				pre = "SI"
			}
			u = justiceCA + "eng/regulations/" + pre + "-" + m[2] + "-" + m[3] + "/"
		}
		return u + fedSection(r.Article)
	}
	code := ""
	if m := reFedRSInstr.FindStringSubmatch(instr); m != nil {
		code = m[1]
	}
	if i, ok := byInstr[instr]; ok && table[i].URLCode != "" {
		code = table[i].URLCode
	}
	if code == "" {
		return ""
	}
	u := justiceCA + "fra/lois/" + code + "/"
	if en {
		u = justiceCA + "eng/acts/" + code + "/"
	}
	return u + fedSection(r.Article)
}

func qcAnchor(art string) string {
	if art == "" || !validAnchor(art) {
		return ""
	}
	return "#se:" + strings.ReplaceAll(art, ".", "_")
}

func fedSection(art string) string {
	if art == "" || !validAnchor(art) {
		return ""
	}
	return "section-" + art + ".html"
}

func validAnchor(art string) bool {
	for i := 0; i < len(art); i++ {
		if !(isDigit(art[i]) || art[i] == '.') {
			return false
		}
	}
	return true
}

// String is the French display form (legal.md §5.5): « art. 59, al. 2, par. 1°
// à 3°, Loi sur l'accès (RLRQ, c.) », « art. 216(3), Règlement sur
// l'immigration et la protection des réfugiés (DORS/2002-227) », « art. 22 a),
// Accord Canada-Québec ». An article-less reference shows only its instrument.
func (r Ref) String() string {
	var parts []string
	if r.Article != "" {
		a := "art. " + r.Article
		if r.ArticleTo != "" {
			a = "art. " + r.Article + " à " + r.ArticleTo
		}
		if r.Jur == CA {
			if r.FedSubsection != "" {
				a += "(" + r.FedSubsection + ")"
			}
			if r.FedParagraph != "" {
				a += r.FedParagraph + ")"
			}
			if r.FedSubparagraph != "" {
				a += "(" + r.FedSubparagraph + ")"
			}
		} else if r.Letter != "" {
			a += " " + r.Letter + ")"
		}
		parts = append(parts, a)
	}
	if r.Annexe != "" {
		parts = append(parts, "annexe "+r.Annexe)
	}
	switch {
	case r.Al > 0:
		parts = append(parts, "al. "+strconv.Itoa(r.Al))
	case r.AlDernier:
		parts = append(parts, "dernier al.")
	}
	if r.Par != nil {
		p := "par. " + r.Par.From + "°"
		if r.Par.To != "" {
			p += " à " + r.Par.To + "°"
		}
		parts = append(parts, p)
	}
	if r.SPar != "" {
		parts = append(parts, "sous-par. "+r.SPar)
	}
	if in := r.instrumentDisplay(); in != "" {
		parts = append(parts, in)
	}
	return strings.Join(parts, ", ")
}

// instrumentDisplay is « Loi sur l'accès (RLRQ, c.) ».
func (r Ref) instrumentDisplay() string {
	name := r.Title
	if _, short, _, ok := InstrumentTitle(r.Instrument); ok {
		name = short
	}
	chap := chapterDisplay(r.Instrument)
	switch {
	case name != "" && chap != "":
		return name + " (" + chap + ")"
	case chap != "":
		return chap
	}
	return name
}
