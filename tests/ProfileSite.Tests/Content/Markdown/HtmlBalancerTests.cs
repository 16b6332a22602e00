using AngleSharp.Html.Parser;
using CsCheck;
using ProfileSite.Content.Markdown;

namespace ProfileSite.Tests.Content.Markdown;

public sealed class HtmlBalancerTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("<p>fine</p>", "<p>fine</p>")]
    [InlineData("<div class=\"note\">unclosed", "<div class=\"note\">unclosed</div>")]
    [InlineData("<div><span>two open", "<div><span>two open</span></div>")]
    [InlineData("stray</div> end tag", "stray end tag")]
    [InlineData("<div><em>inner</div>", "<div><em>inner</em></div>")]
    [InlineData("a<br>b<img src=\"/x.png\" alt=\"x\">c<hr/>", "a<br>b<img src=\"/x.png\" alt=\"x\">c<hr/>")]
    [InlineData("<DIV>upper</div>", "<DIV>upper</div>")]
    [InlineData("1 < 2 and 3 > 2", "1 &lt; 2 and 3 > 2")]
    [InlineData("<div/>self-closing is not a thing in HTML", "<div/>self-closing is not a thing in HTML</div>")]
    [InlineData("<svg><circle r=\"1\"/></svg>", "<svg><circle r=\"1\"/></circle></svg>")]
    [InlineData("<a href=/x/>link", "<a href=/x/>link</a>")]
    [InlineData("<!-->text", "<!-->text")]
    [InlineData("<p'>odd name", "<p'>odd name</p'>")]
    [InlineData("<div title=\"a>b\">quoted</div>", "<div title=\"a>b\">quoted</div>")]
    [InlineData("<div title=\"never closed>text", "&lt;div title=\"never closed>text")]
    [InlineData("<!-- a comment -->text", "<!-- a comment -->text")]
    [InlineData("<!-- never closed", "&lt;!-- never closed")]
    [InlineData("<style>p { }", "<style>p { }</style>")]
    [InlineData("<textarea><div></textarea>", "<textarea><div></textarea>")]
    [InlineData("<plaintext>rest", "&lt;plaintext>rest")]
    [InlineData("</body>tail", "&lt;/body>tail")]
    [InlineData("<svg><circle/><p>after", "<svg><circle/></circle></svg><p>after</p>")]
    [InlineData("<svg><em>x<textarea><!--</textarea>", "<svg></svg><em>x<textarea><!--</textarea></em>")]
    [InlineData("<svg><font color=\"red\">x", "<svg></svg><font color=\"red\">x</font>")]
    [InlineData("<svg><font>x", "<svg><font>x</font></svg>")]
    [InlineData("<svg><![CDATA[ <div> ]]></svg>", "<svg><![CDATA[ <div> ]]></svg>")]
    [InlineData("<svg><![CDATA[ never closed", "<svg>&lt;![CDATA[ never closed</svg>")]
    [InlineData("<svg><foreignObject><textarea><div></textarea></foreignObject></svg>", "<svg><foreignObject><textarea><div></textarea></foreignObject></svg>")]
    [InlineData("<math><mi><em>x</em></mi></math>", "<math><mi><em>x</em></mi></math>")]
    [InlineData("<math><mi><td><![CDATA[<div/>", "<math><mi><td>&lt;![CDATA[<div/></div></td></mi></math>")]
    [InlineData("<p><![CDATA[x]]>", "<p><![CDATA[x]]></p>")]
    public void Balance_ClosesOpenTagsAndDropsStrayOnes(string html, string expected) =>
        Assert.Equal(expected, HtmlBalancer.Balance(html));

    /// <summary>Fragments of raw HTML as owners write (and mistype) them.</summary>
    private static readonly Gen<string> Fragment = Gen.OneOf<string>(
            "<div>", "</div>", "<div class=\"x\">", "<span>", "</span>", "<p>", "</p>", "<em>", "</em>", "<a href=\"/a\">", "</a>",
            "<ul>", "</ul>", "<li>", "</li>", "<table>", "</table>", "<tr>", "<td>", "</td>", "<br>", "<img src=\"/i.png\" alt=\"\">",
            "<style>", "</style>", "<textarea>", "</textarea>", "<!--", "-->", "<", ">", "</", "\"", "'", "=", "/", "text", " ", "\n",
            "<h3>", "</h3>", "<div/>", "<a href=/x/>", "<!-->", "<svg>", "<b/>", "<p'>", "<blockquote>", "</blockquote>", "<plaintext>", "<body>", "</body>", "</html>", "<section>", "</main>",
            "<math>", "</math>", "<mi>", "<foreignObject>", "<title>", "<font color=red>", "<![CDATA[", "]]>")
        .Array[0, 30]
        .Select(parts => string.Concat(parts));

    [Fact]
    public void Balance_AnyFragment_StaysInsideItsBox()
    {
        var parser = new HtmlParser();
        Fragment.Sample(fragment =>
        {
            var page = parser.ParseDocument(
                $"<!DOCTYPE html><html><body><main id=\"main\"><div id=\"box\">{HtmlBalancer.Balance(fragment)}</div><p id=\"after\">after</p></main><footer id=\"footer\"></footer></body></html>");

            var after = page.GetElementById("after");
            Assert.NotNull(after);
            Assert.Equal("main", after.ParentElement!.Id);
            Assert.Equal("main", page.GetElementById("box")!.ParentElement!.Id);
            Assert.Equal("body", page.GetElementById("footer")!.ParentElement!.LocalName);
        }, iter: 10000);
    }

    [Fact]
    public void Balance_IsIdempotent()
    {
        Fragment.Sample(fragment =>
        {
            var once = HtmlBalancer.Balance(fragment);
            Assert.Equal(once, HtmlBalancer.Balance(once));
        }, iter: 2000);
    }
}
