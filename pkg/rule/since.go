package rule

// Release is the release being prepared: a rule that is not in the 0.1
// catalogue below was added in it (Doc.Since).
const Release = "0.2.0"

// catalogue01 are the ids of the first release, 0.1.0. It never changes: at
// the next release, list here (or in a catalogue02) the ids Release added.
var catalogue01 = map[string]bool{
	"CIT-001": true, "CIT-002": true, "CIT-003": true, "CIT-004": true, "CIT-005": true, "CIT-006": true, "CIT-007": true,
	"COL-001": true, "COL-002": true,
	"COM-001": true, "COM-002": true, "COM-003": true, "COM-004": true, "COM-005": true, "COM-006": true, "COM-007": true, "COM-008": true, "COM-009": true, "COM-010": true, "COM-011": true, "COM-012": true, "COM-013": true, "COM-014": true, "COM-015": true, "COM-016": true, "COM-017": true, "COM-018": true, "COM-019": true, "COM-020": true, "COM-021": true, "COM-022": true, "COM-023": true, "COM-024": true,
	"EFVP-001": true, "EFVP-002": true, "EFVP-003": true, "EFVP-004": true, "EFVP-005": true, "EFVP-007": true,
	"ENT-001": true, "ENT-002": true, "ENT-003": true, "ENT-004": true, "ENT-005": true, "ENT-006": true,
	"INC-001": true, "INC-002": true, "INC-003": true, "INC-004": true, "INC-005": true, "INC-006": true, "INC-007": true, "INC-008": true, "INC-009": true, "INC-010": true, "INC-011": true, "INC-012": true, "INC-013": true, "INC-014": true,
	"INV-001": true, "INV-002": true, "INV-003": true, "INV-004": true, "INV-005": true, "INV-006": true, "INV-007": true, "INV-008": true, "INV-009": true, "INV-010": true, "INV-011": true, "INV-013": true, "INV-014": true,
	"PRV-001": true, "PRV-002": true, "PRV-003": true, "PRV-004": true, "PRV-005": true, "PRV-006": true,
	"PUB-001": true, "PUB-002": true, "PUB-003": true, "PUB-004": true, "PUB-007": true,
	"REF-001": true, "REF-002": true, "REF-003": true, "REF-004": true, "REF-005": true, "REF-006": true, "REF-007": true,
	"SCH-001": true, "SCH-002": true, "SCH-003": true, "SCH-004": true, "SCH-005": true, "SCH-006": true, "SCH-007": true,
	"SUP-001": true, "SUP-002": true, "SUP-003": true, "SUP-004": true,
	"UTI-001": true, "UTI-002": true, "UTI-003": true, "UTI-004": true, "UTI-005": true, "UTI-006": true, "UTI-007": true, "UTI-008": true,
	"YAML-001": true, "YAML-002": true, "YAML-003": true, "YAML-004": true, "YAML-005": true, "YAML-006": true, "YAML-007": true, "YAML-008": true,
}

// since is the release that added the rule id.
func since(id string) string {
	if catalogue01[id] {
		return "0.1.0"
	}
	return Release
}
