// Package schemas embeds the JSON Schemas (draft 2020-12) of the register
// kinds and of registre.yaml. The files are generated from the declarations
// in pkg/model by `make schemas`; a test fails when they are out of date.
package schemas

import "embed"

// FS holds <kind>.schema.json for every kind and registre.schema.json.
//
//go:embed *.schema.json
var FS embed.FS

// BaseURL is the $id prefix of the published schemas.
const BaseURL = "https://registre-qc.github.io/registre/schemas/"
