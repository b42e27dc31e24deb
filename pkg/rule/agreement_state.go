package rule

import (
	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/model"
)

// agreementStatus says what an entry shows of the written agreement, mandate
// or contract a rule needs (legal.md §4.13).
type agreementStatus int

const (
	agreementAbsent agreementStatus = iota // neither linked nor named
	agreementNamed                         // named in the legal basis (« Entente administrative… », « Contrat de service »), not linked
	agreementLinked                        // linked with the key entente
)

// agreementKinds are the non-statutory instruments of the citation parser
// that are a writing between the parties.
var agreementKinds = map[string]bool{"entente": true, "lettre_entente": true, "contrat": true, "mandat": true, "protocole": true}

// agreementState is the one place where rules learn whether an entry's
// agreement is linked, only named in its legal basis, or absent. (The
// integrator may replace it by the shared helper of ENT-007.)
func agreementState(p *Pass, e *model.Entry) agreementStatus {
	if e.Str("entente") != "" {
		return agreementLinked
	}
	for _, l := range p.Citations(e).Lines {
		if l.Kind == citation.NonStatutory && agreementKinds[l.NonStatutory] {
			return agreementNamed
		}
	}
	return agreementAbsent
}
