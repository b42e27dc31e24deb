package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
)

// merger joins PDFs written by fpdf, one per run of pages, into one
// document, writing each part as soon as it is done: every part's objects
// are copied with new numbers, its page tree is dropped, and one page tree,
// the first part's information dictionary and catalog, and a single
// cross-reference table close the file.
//
// It reads only what fpdf writes (a PDF 1.3 file with one classic xref
// table, objects written as « N 0 obj … endobj », streams never encrypted),
// and it rewrites object references (« N 0 R ») only in the dictionaries, never
// inside a stream.
type merger struct {
	w       *bufio.Writer
	n       int64 // bytes written
	offsets []int64
	kids    []int // page object numbers, in order

	mediaBox   []byte // of the first part's page tree
	info       []byte // first part's information dictionary, renumbered
	catalog    []byte // first part's catalog, renumbered
	zw         *zlib.Writer
	zbuf, sbuf bytes.Buffer

	rootNum int
	infoNum int
	parts   int
	err     error
}

// Object 1 is the page tree, as in fpdf; the others are numbered in order.
const pagesObj = 1

func newMerger(w io.Writer) *merger {
	return &merger{w: bufio.NewWriterSize(w, 256<<10), offsets: []int64{0, 0}}
}

func (m *merger) write(b []byte) {
	if m.err != nil {
		return
	}
	k, err := m.w.Write(b)
	m.n += int64(k)
	m.err = err
}

var (
	reRef      = regexp.MustCompile(`(\d+) 0 R\b`)
	reTrailer  = regexp.MustCompile(`trailer\s*<<\s*/Size (\d+)\s*/Root (\d+) 0 R\s*/Info (\d+) 0 R\s*>>\s*startxref\s*(\d+)\s*%%EOF\s*$`)
	reObjStart = regexp.MustCompile(`^(\d+) 0 obj\n`)
	reKids     = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	reMediaBox = regexp.MustCompile(`/MediaBox \[[^\]]*\]`)
	rePlain    = regexp.MustCompile(`^<</Length (\d+)>>$`)
)

// compress deflates a stream that fpdf left uncompressed (page contents:
// fpdf would make a new 1 MB compressor for every page; one is reused here).
// dict is the object's dictionary, rest what follows it (« \nstream\n… »).
func (m *merger) compress(dict, rest []byte) ([]byte, []byte) {
	const open, close = "\nstream\n", "\nendstream"
	sub := rePlain.FindSubmatch(bytes.TrimSpace(dict))
	if sub == nil || !bytes.HasPrefix(rest, []byte(open)) {
		return dict, rest
	}
	n, err := strconv.Atoi(string(sub[1]))
	if err != nil || len(open)+n > len(rest) || !bytes.HasPrefix(rest[len(open)+n:], []byte(close)) {
		return dict, rest
	}
	data := rest[len(open) : len(open)+n]
	m.zbuf.Reset()
	if m.zw == nil {
		m.zw, _ = zlib.NewWriterLevel(&m.zbuf, zlib.BestSpeed)
	} else {
		m.zw.Reset(&m.zbuf)
	}
	if _, err := m.zw.Write(data); err != nil {
		return dict, rest
	}
	if err := m.zw.Close(); err != nil {
		return dict, rest
	}
	m.sbuf.Reset()
	m.sbuf.WriteString(open)
	m.sbuf.Write(m.zbuf.Bytes())
	m.sbuf.Write(rest[len(open)+n:])
	return []byte("<</Filter /FlateDecode /Length " + strconv.Itoa(m.zbuf.Len()) + ">>"), m.sbuf.Bytes()
}

var errFormat = errors.New("fusion des parties du PDF : format inattendu")

// add appends one part.
func (m *merger) add(part []byte) error {
	if m.err != nil {
		return m.err
	}
	t := reTrailer.FindSubmatch(part)
	if t == nil {
		return fmt.Errorf("%w (fin de fichier)", errFormat)
	}
	size, _ := strconv.Atoi(string(t[1]))
	root, _ := strconv.Atoi(string(t[2]))
	info, _ := strconv.Atoi(string(t[3]))
	xref, _ := strconv.Atoi(string(t[4]))
	if size < 2 || xref <= 0 || xref > len(part) {
		return fmt.Errorf("%w (table des références)", errFormat)
	}
	offs, err := parseXref(part[xref:], size)
	if err != nil {
		return err
	}
	// Object bodies run from their offset to the next object (or the xref).
	order := make([]int, 0, size-1)
	for k := 1; k < size; k++ {
		if offs[k] <= 0 || offs[k] >= xref {
			return fmt.Errorf("%w (objet %d)", errFormat, k)
		}
		order = append(order, k)
	}
	byOffset := slices.Clone(order)
	slices.SortFunc(byOffset, func(a, b int) int { return offs[a] - offs[b] })
	end := make([]int, size)
	for i, k := range byOffset {
		if i+1 < len(byOffset) {
			end[k] = offs[byOffset[i+1]]
		} else {
			end[k] = xref
		}
	}
	body := func(k int) ([]byte, error) {
		b := part[offs[k]:end[k]]
		h := reObjStart.FindSubmatch(b)
		if h == nil || string(h[1]) != strconv.Itoa(k) {
			return nil, fmt.Errorf("%w (début de l'objet %d)", errFormat, k)
		}
		return b[len(h[0]):], nil
	}

	// New numbers: the page tree becomes object 1; this part's catalog and
	// information dictionary are kept for the first part only.
	renum := make([]int, size)
	renum[pagesObj] = pagesObj
	for _, k := range order {
		if k == pagesObj || m.parts > 0 && (k == root || k == info) {
			continue
		}
		renum[k] = len(m.offsets)
		m.offsets = append(m.offsets, 0)
	}
	fix := func(dict []byte) []byte {
		return reRef.ReplaceAllFunc(dict, func(ref []byte) []byte {
			k, _ := strconv.Atoi(string(ref[:bytes.IndexByte(ref, ' ')]))
			if k <= 0 || k >= size {
				return ref
			}
			return []byte(strconv.Itoa(renum[k]) + " 0 R")
		})
	}

	// The part's page tree gives the order of its pages.
	tree, err := body(pagesObj)
	if err != nil {
		return err
	}
	kids := reKids.FindSubmatch(tree)
	if kids == nil {
		return fmt.Errorf("%w (arbre des pages)", errFormat)
	}
	for _, ref := range reRef.FindAllSubmatch(kids[1], -1) {
		k, _ := strconv.Atoi(string(ref[1]))
		if k <= 0 || k >= size {
			return fmt.Errorf("%w (page %d)", errFormat, k)
		}
		m.kids = append(m.kids, renum[k])
	}

	if m.parts == 0 {
		m.write(part[:offs[byOffset[0]]])               // %PDF-1.x header
		m.mediaBox = bytes.Clone(reMediaBox.Find(tree)) // part is reused after add
	}
	for _, k := range order {
		if k == pagesObj {
			continue
		}
		b, err := body(k)
		if err != nil {
			return err
		}
		// Only the dictionary before a stream holds references.
		dict, rest := b, []byte(nil)
		if i := bytes.Index(b, []byte("\nstream\n")); i >= 0 {
			dict, rest = b[:i], b[i:]
		}
		if k != info { // the information dictionary holds no reference, only text
			dict = fix(dict)
		}
		dict, rest = m.compress(dict, rest)
		switch k {
		case root:
			if m.parts == 0 {
				m.catalog = append(append([]byte{}, dict...), rest...)
			}
			continue
		case info:
			if m.parts == 0 {
				m.info = append(append([]byte{}, dict...), rest...)
			}
			continue
		}
		m.offsets[renum[k]] = m.n
		m.write([]byte(strconv.Itoa(renum[k]) + " 0 obj\n"))
		m.write(dict)
		m.write(rest)
	}
	if m.parts == 0 {
		if m.catalog == nil || m.info == nil {
			return fmt.Errorf("%w (catalogue)", errFormat)
		}
		// Their numbers were reserved in this part; keep them.
		m.catalog = append([]byte(strconv.Itoa(renum[root])+" 0 obj\n"), m.catalog...)
		m.info = append([]byte(strconv.Itoa(renum[info])+" 0 obj\n"), m.info...)
		m.rootNum, m.infoNum = renum[root], renum[info]
	}
	m.parts++
	return m.err
}

// parseXref reads the offsets of objects 1..size-1 from an xref table.
func parseXref(b []byte, size int) ([]int, error) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	if !sc.Scan() || sc.Text() != "xref" || !sc.Scan() || sc.Text() != "0 "+strconv.Itoa(size) {
		return nil, fmt.Errorf("%w (en-tête de la table des références)", errFormat)
	}
	offs := make([]int, size)
	for k := 0; k < size; k++ {
		if !sc.Scan() {
			return nil, fmt.Errorf("%w (table des références tronquée)", errFormat)
		}
		line := sc.Text()
		if len(line) < 18 {
			return nil, fmt.Errorf("%w (entrée %d)", errFormat, k)
		}
		off, err := strconv.Atoi(line[:10])
		if err != nil {
			return nil, fmt.Errorf("%w (entrée %d)", errFormat, k)
		}
		offs[k] = off
	}
	return offs, nil
}

// close writes the page tree, the catalog, the information dictionary, the
// cross-reference table and the trailer.
func (m *merger) close() error {
	if m.err != nil {
		return m.err
	}
	if m.parts == 0 {
		return fmt.Errorf("%w (aucune partie)", errFormat)
	}
	m.offsets[pagesObj] = m.n
	var b bytes.Buffer
	b.WriteString("1 0 obj\n<</Type /Pages\n/Kids [")
	for _, k := range m.kids {
		b.WriteString(strconv.Itoa(k))
		b.WriteString(" 0 R ")
	}
	b.WriteString("]\n/Count ")
	b.WriteString(strconv.Itoa(len(m.kids)))
	b.WriteString("\n")
	if m.mediaBox != nil {
		b.Write(m.mediaBox)
		b.WriteString("\n")
	}
	b.WriteString(">>\nendobj\n")
	m.write(b.Bytes())
	m.offsets[m.infoNum] = m.n
	m.write(m.info)
	m.offsets[m.rootNum] = m.n
	m.write(m.catalog)

	xref := m.n
	b.Reset()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(m.offsets))
	for _, off := range m.offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n",
		len(m.offsets), m.rootNum, m.infoNum, xref)
	m.write(b.Bytes())
	if m.err != nil {
		return m.err
	}
	return m.w.Flush()
}
