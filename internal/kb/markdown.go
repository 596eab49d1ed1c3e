package kb

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ImagePath is where the portal serves an article image; Markdown refers to images as
// ImagePath + id, e.g. ![Router](/kb/images/12).
const ImagePath = "/kb/images/"

// AdminImagePath is where the back office serves the same images, also for drafts.
const AdminImagePath = "/admin/kb/images/"

var localImage = regexp.MustCompile(`^/kb/images/([0-9]+)$`)

// policy sanitises rendered Markdown. Raw HTML never reaches it as markup (goldmark is
// not built WithUnsafe, and literalHTML writes it as text); the policy is the second
// wall, for anything a renderer lets through.
var policy = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[a-zA-Z0-9_+-]+$`)).OnElements("code")
	return p
}()

// images moves image sources to base, and turns images from elsewhere into plain
// links: the portal works on closed networks and its CSP only loads its own images,
// and a remote image would tell a third party who reads the article.
type images struct{ base string }

func (m images) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var remote []*ast.Image
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if sub := localImage.FindSubmatch(img.Destination); sub != nil {
			img.Destination = []byte(m.base + string(sub[1]))
		} else {
			remote = append(remote, img)
		}
		return ast.WalkSkipChildren, nil
	})
	for _, img := range remote { // replaced after the walk, which must not see a changing tree
		link := ast.NewLink()
		link.Destination, link.Title = img.Destination, img.Title
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		img.Parent().ReplaceChild(img.Parent(), img, link)
	}
}

func newMarkdown(base string) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(images{base: base}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(literalHTMLRenderer)),
	)
}

var (
	portalMD = newMarkdown(ImagePath)
	adminMD  = newMarkdown(AdminImagePath)
)

// Render turns Markdown into sanitised HTML for the portal.
func Render(md string) template.HTML { return render(portalMD, md) }

// RenderAdmin renders like Render, with images served by the back office (drafts too).
func RenderAdmin(md string) template.HTML { return render(adminMD, md) }

func render(m goldmark.Markdown, md string) template.HTML {
	var buf bytes.Buffer
	if err := m.Convert([]byte(md), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(md)) // cannot happen with a bytes.Buffer
	}
	return template.HTML(policy.SanitizeBytes(buf.Bytes())) //nolint:gosec // sanitised above
}

// Plain is the text of Markdown without its markup, for the search index and snippets.
// Control characters are dropped: two of them mark matches in snippets.
func Plain(md string) string {
	src := []byte(md)
	doc := portalMD.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *ast.RawHTML: // "<Benutzername>" is shown as typed (literalHTML), searched as the word
			b.Write(plainHTML(rawHTMLText(n, src)))
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if n.HTMLBlockType != ast.HTMLBlockType2 { // a comment is not shown
				for _, line := range htmlBlockLines(n, src) {
					b.Write(plainHTML(line))
					b.WriteByte('\n')
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	out := strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, b.String())
	return strings.TrimSpace(collapseBlank(out))
}

var blankLines = regexp.MustCompile(`\n{3,}`)

func collapseBlank(s string) string { return blankLines.ReplaceAllString(s, "\n\n") }
