package cmdutil

import (
	"fmt"
	"strings"

	"github.com/registre-qc/registre/pkg/model"
	"github.com/registre-qc/registre/pkg/suggest"
)

// UnknownKind is the usage error for a register name that does not exist,
// with the nearest name when there is one:
// « registre inconnu : comunications ; vouliez-vous dire communications ? ».
func UnknownKind(name string) error {
	names := model.KindNames()
	msg := fmt.Sprintf("registre inconnu : %s", name)
	if s := suggest.Value(name, names); s != "" {
		msg += fmt.Sprintf(" ; vouliez-vous dire %s ?", s)
	}
	return &UsageError{Msg: msg + " (choix : " + strings.Join(names, ", ") + ")"}
}
