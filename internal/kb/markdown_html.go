package kb

import (
	"bytes"
	"html/template"
	"regexp"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html/atom"
)

// literalHTML renders what Markdown takes for raw HTML as the text it was typed as.
// Staff write "Geben Sie <Benutzername> und <Passwort> ein" meaning the words in
// brackets; goldmark without WithUnsafe would leave such "tags" out, and a paragraph
// starting with one ("<div>Hallo</div>") would vanish whole. Escaped, nothing of it is
// markup, so the sanitiser has nothing to remove. HTML comments alone stay left out:
// "<!-- … -->" is the Markdown way to keep a note out of the article, and one written
// for colleagues must not reach customers. It also draws task list boxes
// ("- [ ] Aufgabe") as characters: the sanitiser drops the form input goldmark writes.
type literalHTML struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (literalHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(east.KindTaskCheckBox, renderTaskBox)
}

// literalHTMLRenderer ranks before goldmark's HTML renderer (1000) and its task list
// renderer (500), so its functions win.
var literalHTMLRenderer = util.Prioritized(literalHTML{}, 100)

func renderRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	raw := rawHTMLText(node.(*ast.RawHTML), src)
	if !bytes.HasPrefix(raw, []byte("<!--")) {
		template.HTMLEscape(w, raw)
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock writes a block of raw HTML as a paragraph of its lines, each line as
// typed.
func renderHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if !entering || n.HTMLBlockType == ast.HTMLBlockType2 { // a comment
		return ast.WalkContinue, nil
	}
	lines := htmlBlockLines(n, src)
	if len(lines) == 0 {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<p>")
	for i, line := range lines {
		if i > 0 {
			_, _ = w.WriteString("<br>\n")
		}
		template.HTMLEscape(w, line)
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

func renderTaskBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if node.(*east.TaskCheckBox).IsChecked {
			_, _ = w.WriteString("\u2611 ") // ☑
		} else {
			_, _ = w.WriteString("\u2610 ") // ☐
		}
	}
	return ast.WalkContinue, nil
}

// rawHTMLText is an inline piece of raw HTML as typed.
func rawHTMLText(n *ast.RawHTML, src []byte) []byte {
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// htmlBlockLines are the lines of a raw HTML block as typed, its closing line ("</script>")
// included, without line ends; blank lines at its end are left out.
func htmlBlockLines(n *ast.HTMLBlock, src []byte) [][]byte {
	var lines [][]byte
	add := func(seg text.Segment) {
		lines = append(lines, bytes.TrimRight(seg.Value(src), "\r\n"))
	}
	for i := 0; i < n.Lines().Len(); i++ {
		add(n.Lines().At(i))
	}
	if n.HasClosure() {
		add(n.ClosureLine)
	}
	for len(lines) > 0 && len(bytes.TrimSpace(lines[len(lines)-1])) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// htmlTag is an HTML tag in raw HTML, its name captured.
var htmlTag = regexp.MustCompile(`</?([A-Za-z][A-Za-z0-9-]*)[^>]*>|<!--.*?-->|<[?!][^>]*>`)

// plainHTML is the text of raw HTML for the search index and snippets, without markup:
// the tags of HTML elements ("<div>", "</b>") go, words in brackets that are no element
// ("<Benutzername>") stay as the word, comments go.
func plainHTML(raw []byte) []byte {
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("<!--")) {
		return nil
	}
	return bytes.TrimSpace(htmlTag.ReplaceAllFunc(raw, func(tag []byte) []byte {
		m := htmlTag.FindSubmatch(tag)
		if len(m[1]) == 0 || atom.Lookup(bytes.ToLower(m[1])) != 0 {
			return nil // markup; Plain left it out before raw HTML was shown, too
		}
		return m[1]
	}))
}
