// Package schemas embeds the JSON Schemas (draft 2020-12) of the register
// kinds and of registre.yaml. The files are generated from the declarations
// in pkg/model by `make schemas`; a test fails when they are out of date.
package schemas

import "embed"

// FS holds <kind>.schema.json for every kind and registre.schema.json, and
// registres-json.schema.json, the shape of registres.json and of
// `registre export --format json` (written by hand; tested in pkg/cmd/export).
//
//go:embed *.schema.json
var FS embed.FS

// BaseURL is the $id prefix of the published schemas.
const BaseURL = "https://registre-qc.github.io/registre/schemas/"
