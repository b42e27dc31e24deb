// Package citation parses the « Appui légal » cells of privacy registers into
// structured legal references (legal.md §5) and checks them (rules CIT-001 to
// CIT-007, legal.md §8.7).
//
// A cell is a list of lines. Each line is first normalised (Normalize: º and
// « 1o » → °, ’ → ', white space collapsed, « A-2. 1 » → « »,
// « r.4. » → « r. 4 ») and then read with this grammar (case and accents are
// ignored in keywords):
//
//	line        = [lead-in] ( citation { (";" | "et" | ",") citation } | instr-first | instrument | non-statutory ) ;
//	lead-in     = bullet | "En vertu de" | "Selon" | "Conformément à" | … ;
//	citation    = ["L'"] head art-list [connector instrument]
//	            | subdivs "de l'article" art-list [connector instrument]   (* « paragraphe 3° du deuxième alinéa de l'article 59 » *)
//	            | "Alinéa" NUM LETTER [connector instrument]               (* federal « Alinéa 3a » *)
//	            | art-list [instrument]                                   (* short form « 68 al. 1 par. 1° » *)
//	            | head art-list known-instrument ;                         (* « art. 67 LAI » *)
//	instr-first = known-instrument ["," | "("] head art-list [")"] ;       (* «, a. 68 », « Loi sur l'accès (art. 67) » *)
//	head        = "article" | "articles" | "art." | "a." | "section" | "s." ;
//	art-list    = art subdivs { ("," | "et") ( art | head art ) subdivs } | art ("à" | "-") art ;
//	art         = NUM { "." NUM } [LETTER [")"]] { "(" (NUM ["°"] | LETTER | ROMAN) ")" } [LETTER ")"] ;
//	subdivs     = { ["," | "-"] subdiv } ;
//	subdiv      = ["du"] ORDINAL "alinéa" | "alinéa" (NUM | ORDINAL) | "al." NUM | "dernier alinéa"
//	            | ("paragraphe" | "paragraphes" | "par.") par ( ("à" | "-") par | { ("," | "et") par } )
//	            | ("sous-paragraphe" | "sous-par.") LETTER | "sous-alinéa" ROMAN
//	            | ["de l'"] "annexe" (LETTER | ROMAN | NUM) ;
//	par         = NUM ["°"] | "(" NUM ["°"] ")" ;
//	connector   = "de la" | "de l'" | "du" | "des" | "de" | "," | "-" | "—" | ":" | "of the" ;
//	instrument  = [article] title { "(" (chapter | alias | "LRC" | year | "CT" NUM) ")" }
//	            | chapter | alias | "LRC" | "Idem" ;
//	chapter     = [("RLRQ" | "L.R.Q." | "LRQ") [","]] ["chapitre" | "c."] [NUM ","] UPPER "-" NUM {"." NUM} [", r." NUM {"." NUM}]
//	            | ["LQ" | "L.Q."] YEAR "," ("c." | "chapitre") NUM
//	            | "DORS/" YEAR "-" NUM | "L.R.C." [YEAR] "," "ch." CODE | "L.C." YEAR "," "ch." NUM | "CCQ-1991" ;
//	non-statutory = ("Convention collective" | "Directive" | "Entente" | "Lettre d'entente" | "Contrat"
//	            | "Décision du Conseil du trésor" | "Politique" | "Décret" | "Accord" | …) { ANY } ;
//
// Titles are matched against an alias table (LookupAlias) after folding case,
// accents, apostrophes, punctuation and the small words « le, la, les, l', de,
// du, des, et, sur, à, au, aux ». The meaning of a subdivision depends on the
// jurisdiction of the instrument (legal.md §5.2): « 65.1 (2) » of a Québec
// text is paragraphe 2° (and, for 65.1, alinéa 2), « 216 (3) » of a
// federal text is subsection (3); « alinéa 3a » is federal only.
//
// Cell context: an article-only line inherits the last instrument named on an
// earlier line of the cell (a bare law-title line opens such a scope), or the
// default instrument given to ParseCellDefault; « de la LRC » names the last
// federal statute of the cell.
//
// A line that is an explanatory sentence around a citation (« En vertu de
// l'article 12 de l'Accord Canada-Québec, le Québec est seul responsable… »)
// is Unparsed: only the reference belongs in the cell.
//
// Issues: CIT-001 line not understood (including explanatory sentences),
// CIT-002 title unknown to the alias table or no instrument at all, CIT-003
// chapter contradicting the alias table, CIT-004 unknown article of or
// P-39.1, CIT-005 federal subdivision wording with a Québec text or the reverse,
// CIT-006 obsolete or sloppy style (L.R.Q., LRQ, « A-2. 1 », « º »), CIT-007
// « LRC » with no federal law in the cell. Messages are in French.
//
// Everything here is pure and safe for concurrent use; parsing never panics.
package citation
