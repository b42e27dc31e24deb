package rule

import (
	"github.com/registre-qc/registre/pkg/citation"
	"github.com/registre-qc/registre/pkg/model"
)

// Articles of whose communications are entered in the 67.3 register
// (plus the legacy 68.1 and 125, accepted and dated by COM-021).
var art673 = []string{"66", "67", "67.1", "67.2", "67.2.1", "68"}

// Instruments, as citation names them.
const (
	lai    = "A-2.1"  // Loi sur l'accès
	lprp   = "P-39.1" // Loi sur le privé
	utiLAI = "A-2.1"  // the uses' rules' name for lai
)

// lawPractice is the Law of a good-practice rule: no article requires it.
const lawPractice = "Bonne pratique (aucun article ne l'exige)"

// cites reports whether the cell cites one of the articles of instrument.
func cites(c citation.Cell, instr string, arts ...string) bool {
	for _, a := range arts {
		if len(c.Cites(instr, a)) > 0 {
			return true
		}
	}
	return false
}

// cites68 reports whether e's basis cites art. 68.
func cites68(p *Pass, e *model.Entry) bool { return cites(p.Citations(e), lai, "68") }

// refsOf returns the refs of the cell that cite instr/art.
func refsOf(c citation.Cell, instr, art string) []citation.Ref { return c.Cites(instr, art) }
