using ProfileSite.Content.Loading;
using ProfileSite.Tests.Support;

namespace ProfileSite.Tests.Content;

/// <summary>
/// One small mistake per case, written into an otherwise valid content folder: each must give
/// exactly one problem, at the exact file, line and column, with the exact message.
/// </summary>
public sealed class BadContentCorpusTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private const string Paper = "publications/2024-flows.md";

    /// <summary>
    /// Loads the folder, leaving out the "'url' is not set" warning: many cases rewrite site.yaml
    /// without a url, and that warning has its own tests (SeoSettingsTests).
    /// </summary>
    private ContentLoadResult Load()
    {
        var result = ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath));
        return result with { Problems = [.. result.Problems.Where(p => !p.Message.StartsWith("'url' is not set", StringComparison.Ordinal))] };
    }

    /// <summary>Loads on another thread and fails the test if that takes longer than <paramref name="limit"/>: a bound on hangs, not a timing.</summary>
    private Task<ContentLoadResult> LoadWithinAsync(TimeSpan limit) => Task.Run(Load).WaitAsync(limit);

    /// <summary>Case name, file (relative to content/), its whole text, the one expected problem.</summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // ---- YAML syntax and structure ----
        { "unclosed flow list", "news.yaml", "- date: 2024.01\n  text: [unclosed\n",
            "content/news.yaml:2:9: error: YAML syntax: unclosed '[' that starts at 2:9 (the parser gave up at 3:1): a list written in brackets must end with ']'" },
        { "tab indentation in a mapping", "profile.yaml", "name: Ada\nlinks:\n\tgithub: ada\n",
            "content/profile.yaml:3:1: error: tab character in indentation; YAML indents with spaces only" },
        { "tab indentation in a list item", "news.yaml", "- date: 2024.01\n\ttext: hi\n",
            "content/news.yaml:2:1: error: tab character in indentation; YAML indents with spaces only" },
        { "tab indentation in front matter", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\nlinks:\n\tpdf: https://x.example.org/a.pdf\n---\n",
            "content/publications/2024-flows.md:6:1: error: tab character in indentation; YAML indents with spaces only" },
        { "alias", "news.yaml", "- date: &d 2024.01\n  text: a\n- date: *d\n  text: b\n",
            "content/news.yaml:3:9: error: YAML aliases ('*d') are not supported: write the value out" },
        { "deep nesting", "profile.yaml", "name: Ada\nbio: " + new string('[', 40) + new string(']', 40) + "\n",
            "content/profile.yaml:2:37: error: YAML nested more than 32 levels deep" },
        { "second document", "site.yaml", "title: A\n---\ntitle: B\n",
            "content/site.yaml:2:1: error: expected one YAML document, found a second ('---')" },
        { "keys must be words", "profile.yaml", "name: Ada\n[a, b]: c\n",
            "content/profile.yaml:2:1: error: keys must be plain words" },
        { "news not a list", "news.yaml", "date: 2024.01\ntext: hi\n",
            "content/news.yaml:1:1: error: expected a list of news items (- date: ..., text: ...), got a mapping" },
        { "section items not a list", "sections/10-honors.yaml", "title: Honors\nitems: many\n",
            "content/sections/10-honors.yaml:2:8: error: 'items' must be a list of { date, text }, got text" },

        // ---- columns count characters, as an editor does: an emoji before the mistake is one column, not two ----
        { "an emoji before a stray quote", "profile.yaml", "name: Ada\nbio: \"😀😀 x\" 5\n",
            "content/profile.yaml:2:11: error: YAML syntax: the quoted string that starts at 2:6 ends at this quote, and more text follows on the line; inside \"...\" write a \" as \\\", or put the value in '...'" },
        { "an emoji before a list where text goes", "profile.yaml", "name: Ada\naliases: [😀😀, [x]]\n",
            "content/profile.yaml:2:15: error: each item of 'aliases' must be text, got a list" },
        { "an emoji before a bidi override", "profile.yaml", "name: Ada\nbio: 😀\u202Ex\n",
            "content/profile.yaml:2:7: warning: U+202E RIGHT-TO-LEFT OVERRIDE is a bidirectional control that can reorder the text after it on the page; removed" },
        { "an emoji before a stray quote in CRLF front matter", Paper, "---\r\ntitle: \"😀\" x\r\nauthors: [Ada]\r\nyear: 2024\r\n---\r\n",
            "content/publications/2024-flows.md:2:10: error: YAML syntax: the quoted string that starts at 2:8 ends at this quote, and more text follows on the line; inside \"...\" write a \" as \\\", or put the value in '...'" },
        { "emoji before a javascript: link", "about.md", "😀😀 [x](javascript:alert(1))\n",
            "content/about.md:1:4: error: link 'javascript:alert(1)' must be an absolute http(s) or mailto: URL, or a path on this site" },

        { "a heading named like the page's News section", "about.md", "Intro.\n\n😀 text\n\n## News\n",
            "content/about.md:5:1: warning: this heading's id '#news' is one the page itself uses (a section, a link target); it is '#news-1' instead, so link to that" },

        { "a bidi override pasted into a file name", "publications/2023-fl\u202Ewo\u0001.md", "---\ntitle: Another Paper\nauthors: [Ada]\nyear: 2023\n---\n",
            "content/publications/2023-fl\\u202Ewo\\u0001.md: warning: the file name holds U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that can reorder the text after it on the page; the paper's address is /publications/2023-fl-wo; rename the file" },

        { "a YAML tag pasted from another tool", Paper, "---\ntitle: !!binary aGVsbG8=\nauthors: [Ada]\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:2:8: error: YAML tags ('!!binary') are not supported: remove the tag and write the value as plain text" },
        { "a local YAML tag", "profile.yaml", "name: !python/object:os.system Ada\n",
            "content/profile.yaml:1:7: error: YAML tags ('!python/object:os.system') are not supported: remove the tag and write the value as plain text" },

        { "authors written as one line of text", Paper, "---\ntitle: T\nauthors: Ada Example, Bob Coauthor\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:3:10: error: 'authors' must be a list of names like [Ada Lovelace, Bob Smith]; as text, \"Ada Example, Bob Coauthor\" is one name: put the names in [...]" },

        // ---- where the mistake starts, not where the parser gave up ----
        { "unterminated string on the last line", "news.yaml", "- date: 2024.01\n  text: ok\n- date: 2024.02\n  text: \"unterminated\n",
            "content/news.yaml:4:9: error: YAML syntax: unterminated quoted string that starts at 4:9 (the parser reached the end of the file at 5:1): close it with \"; inside \"...\" write a \" as \\\"" },
        { "unterminated string before the next item", "news.yaml", "- date: 2024.01\n  text: \"unterminated\n- date: 2023\n  text: ok\n",
            "content/news.yaml:2:9: error: YAML syntax: unterminated quoted string that starts at 2:9 (the parser gave up at 3:1): close it with \"; inside \"...\" write a \" as \\\"" },
        { "unterminated single-quoted string", "profile.yaml", "name: Ada\nbio: 'unterminated\nlocation: x\n",
            "content/profile.yaml:2:6: error: YAML syntax: unterminated quoted string that starts at 2:6 (the parser reached the end of the file at 4:1): close it with '; inside '...' write a ' as ''" },
        { "unterminated string in front matter", Paper, "---\ntitle: \"T\nauthors: [Ada]\nyear: 2024\n---\nbody\n",
            "content/publications/2024-flows.md:2:8: error: YAML syntax: unterminated quoted string that starts at 2:8 (the parser gave up at 3:1): close it with \"; inside \"...\" write a \" as \\\"" },
        { "apostrophe ends a single-quoted string", "profile.yaml", "name: 'it's me'\n",
            "content/profile.yaml:1:10: error: YAML syntax: the quoted string that starts at 1:7 ends at this quote, and more text follows on the line; inside '...' write a ' as '' (it''s), or put the value in \"...\"" },
        { "unknown escape", "profile.yaml", "name: Ada\nbio: \"x\\qy\"\n",
            "content/profile.yaml:2:8: error: YAML syntax: unknown escape '\\q' in the double-quoted string that starts at 2:6; write \\\\ for a backslash and \\\" for a quote, or put the value in '...' instead" },
        { "unclosed list followed by more keys", "profile.yaml", "name: Ada\naliases: [A, B\nbio: x\n",
            "content/profile.yaml:2:10: error: YAML syntax: unclosed '[' that starts at 2:10: a list written in brackets must end with ']'" },
        { "unclosed list in front matter", Paper, "---\ntitle: T\nauthors: [Ada\nyear: 2024\n---\nbody\n",
            "content/publications/2024-flows.md:3:10: error: YAML syntax: unclosed '[' that starts at 3:10: a list written in brackets must end with ']'" },
        { "unclosed mapping", "profile.yaml", "name: Ada\nlinks: {github: ada\nbio: x\n",
            "content/profile.yaml:2:8: error: YAML syntax: unclosed '{' that starts at 2:8: a mapping written in braces must end with '}'" },
        { "unclosed list item", "news.yaml", "- [a, b\n- c\n",
            "content/news.yaml:1:3: error: YAML syntax: unclosed '[' that starts at 1:3: a list written in brackets must end with ']'" },
        { "a bracket that closes nothing", "profile.yaml", "name: Ada\naliases: [A]]\n",
            "content/profile.yaml:2:13: error: YAML syntax: ']' here closes nothing: there is no open '[' before it" },
        { "colon in a plain value", "profile.yaml", "name: Ada\nbio: Note: hi\n",
            "content/profile.yaml:2:6: error: YAML syntax: the value that starts at 2:6 contains ': ', which YAML reads as a key; put the whole value in quotes" },
        { "key indented under a value", "profile.yaml", "name: Ada\nbio: x\n  location: y\n",
            "content/profile.yaml:3:3: error: YAML syntax: this line is indented more than the key above it, so YAML reads it as the rest of the value that starts at 2:6 and then finds ': '; indent it like that key, or leave that key's value empty to nest this line under it" },
        { "key without a colon", "profile.yaml", "name Ada\nbio: x\n",
            "content/profile.yaml:1:1: error: YAML syntax: the text that starts at 1:1 is not 'key: value' or '- item', so YAML reads line 2 into it and then finds ': '; add ': ' after a key, or '- ' before a list item" },
        { "wrong indentation between two levels", "profile.yaml", "name: Ada\nlinks:\n  github: a\n orcid: b\n",
            "content/profile.yaml:4:2: error: YAML syntax: wrong indentation: this line is indented 1 space, but the keys around it are indented 2 (the keys from 3:3) or 0 (the keys from 1:1)" },
        { "list item without a dash", "news.yaml", "- date: 2024\ntext: a\n",
            "content/news.yaml:2:1: error: YAML syntax: expected a list item ('- ...') here: every item of the list that starts at 1:1 starts with '- ' at the same indentation" },
        { "block scalar line indented less", "profile.yaml", "name: Ada\nbio: |\n  x\n y\n",
            "content/profile.yaml:4:2: error: YAML syntax: this line is indented less than the text of the block scalar ('|') that starts at 2:6, but more than the keys around it; indent it like the block's first line, or like the keys" },
        { "block scalar not indented", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\nbibtex: |\n@article{a, title = {T}}\n---\n",
            "content/publications/2024-flows.md:6:1: error: YAML syntax: the block scalar ('|') that starts at 5:9 has no text: its lines must be indented more than its key" },
        { "reserved character", "profile.yaml", "name: Ada\nbio: @ada\n",
            "content/profile.yaml:2:6: error: YAML syntax: '@' is reserved in YAML and cannot start a value; put the value in quotes" },
        { "duplicate key", "profile.yaml", "name: Ada\nbio: a\nname: Bob\n",
            "content/profile.yaml:3:1: error: duplicate key 'name': it is already set at 1:1; a key may appear once in a mapping" },
        { "duplicate key in a news item", "news.yaml", "- date: 2024\n  text: a\n  date: 2025\n",
            "content/news.yaml:3:3: error: duplicate key 'date': it is already set at 1:3; a key may appear once in a mapping" },
        { "duplicate key in front matter", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\ntitle: U\n---\n",
            "content/publications/2024-flows.md:5:1: error: duplicate key 'title': it is already set at 2:1; a key may appear once in a mapping" },
        { "unclosed front matter in a paper", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\n\nThe abstract.\n",
            "content/publications/2024-flows.md:1:1: error: the front matter that starts at 1:1 is not closed: end it with a line '---' (to start the text with a horizontal rule instead, write '***')" },
        { "unclosed front matter in about", "about.md", "---\ntitle: About\n\nHello\n",
            "content/about.md:1:1: error: the front matter that starts at 1:1 is not closed: end it with a line '---' (to start the text with a horizontal rule instead, write '***')" },

        // ---- markup in author names ----
        { "author bolded by hand who is not the owner", Paper, "---\ntitle: T\nauthors: [\"**Alex Doe**\", Sam Roe]\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:3:11: error: author '**Alex Doe**' is bolded by hand ('**'): only the owner's name is bolded, automatically; if 'Alex Doe' is you, add it to 'aliases' in profile.yaml, and write the name without '**'" },
        { "author in HTML bold", Paper, "---\ntitle: T\nauthors: [Sam Roe, \"<b>Kim Lee</b>\"]\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:3:20: error: author '<b>Kim Lee</b>' is bolded by hand ('<b>'): only the owner's name is bolded, automatically; if 'Kim Lee' is you, add it to 'aliases' in profile.yaml, and write the name without '<b>'" },
        { "owner bolded by hand", Paper, "---\ntitle: T\nauthors:\n  - \"**Ada Example**\"\n  - Sam Roe\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:4:5: warning: author '**Ada Example**' is bolded by hand ('**'); the owner's name is bolded automatically, so the markup is left out" },
        { "author in italics", Paper, "---\ntitle: T\nauthors: [_Sam Roe_]\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:3:11: error: author '_Sam Roe_' contains Markdown emphasis ('_'); write the plain name: '*' after a name marks equal contribution and '†' the corresponding author, and the owner's name (profile 'name' or 'aliases') is bolded automatically" },
        { "author as a link", Paper, "---\ntitle: T\nauthors: [\"[Sam Roe](https://roe.example.org/)\"]\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:3:11: error: author '[Sam Roe](https://roe.example.org/)' contains a Markdown link (put the homepage in coauthors.yaml instead: it links the name in every author list); write the plain name: '*' after a name marks equal contribution and '†' the corresponding author, and the owner's name (profile 'name' or 'aliases') is bolded automatically" },
        { "mark in a superscript tag", Paper, "---\ntitle: T\nauthors: [Sam Roe<sup>*</sup>]\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:3:11: error: author 'Sam Roe<sup>*</sup>' contains an HTML tag ('<sup>'); write the plain name: '*' after a name marks equal contribution and '†' the corresponding author, and the owner's name (profile 'name' or 'aliases') is bolded automatically" },
        { "mark before the name", Paper, "---\ntitle: T\nauthors: [\"*Sam Roe\"]\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:3:11: error: author '*Sam Roe' contains '*' before the name (the mark goes after it); write the plain name: '*' after a name marks equal contribution and '†' the corresponding author, and the owner's name (profile 'name' or 'aliases') is bolded automatically" },

        // ---- unknown keys ----
        { "unknown profile key", "profile.yaml", "name: Ada\nemial: ada@example.org\n",
            "content/profile.yaml:2:1: error: unknown key 'emial'; did you mean 'email'?" },
        { "unknown paper key", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\nsumary: S\n---\n",
            "content/publications/2024-flows.md:5:1: error: unknown key 'sumary'; did you mean 'summary'?" },
        { "unknown site key without a close match", "site.yaml", "colour: red\n",
            "content/site.yaml:1:1: error: unknown key 'colour'; expected one of: title, description, url, language, languages, section_order, footer, citations, verification, robots, icon, theme_color, analytics" },
        { "unknown section in section_order", "site.yaml", "section_order: [news, pubs]\n",
            "content/site.yaml:1:23: error: 'section_order' names unknown section 'pubs'; expected one of: about-me, news, publications" },
        { "unknown paper link", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\nlinks:\n  pfd: https://x.example.org/a.pdf\n---\n",
            "content/publications/2024-flows.md:6:3: error: unknown link 'pfd'; did you mean 'pdf'?" },

        // ---- missing and wrong-typed fields ----
        { "profile without name", "profile.yaml", "bio: hello\n",
            "content/profile.yaml:1:1: error: missing required field 'name'" },
        { "paper without title", Paper, "---\nauthors: [Ada]\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:2:1: error: missing required field 'title'" },
        { "paper without authors", Paper, "---\ntitle: T\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:2:1: error: missing required field 'authors' (a list of names)" },
        { "paper without year or date", Paper, "---\ntitle: T\nauthors: [Ada]\n---\n",
            "content/publications/2024-flows.md:2:1: error: missing required field 'year' or 'date'" },
        { "title is a list", Paper, "---\ntitle: [a, b]\nauthors: [Ada]\nyear: 2024\n---\n",
            "content/publications/2024-flows.md:2:8: error: 'title' must be text, got a list" },
        { "selected is not a boolean", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\nselected: maybe\n---\n",
            "content/publications/2024-flows.md:5:11: error: 'selected' must be true or false, got \"maybe\"" },
        { "news item without text", "news.yaml", "- date: 2024.01\n",
            "content/news.yaml:1:3: error: missing required field 'text'" },
        { "paper without front matter", Paper, "Just text\n",
            "content/publications/2024-flows.md:1:1: error: expected YAML front matter between '---' lines with at least 'title', 'authors' and 'year' or 'date'" },

        // ---- dates and ranges ----
        { "paper date in words", "publications/2024-dropout.md", "---\ntitle: Implicit Regularization of Dropout\nauthors:\n  - Zhongwang Zhang\nvenue: TPAMI\nurl: https://example.org/p\ndate: Jan 2024\n---\n",
            "content/publications/2024-dropout.md:7:7: error: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got \"Jan 2024\"" },
        { "news date in words", "news.yaml", "- date: 2024.01\n  text: ok\n- date: Jan 2024\n  text: bad\n",
            "content/news.yaml:3:9: error: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got \"Jan 2024\"" },
        { "month 13", "news.yaml", "- date: 2024-13\n  text: x\n",
            "content/news.yaml:1:9: error: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got \"2024-13\"" },
        { "30 February", "news.yaml", "- date: 2024-02-30\n  text: x\n",
            "content/news.yaml:1:9: error: 'date' must be YYYY, YYYY-MM or YYYY-MM-DD, got \"2024-02-30\"" },
        { "two-digit year", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 24\n---\n",
            "content/publications/2024-flows.md:4:7: error: 'year' must be a four-digit year, got \"24\"" },
        { "range to someday", "sections/30-talks.yaml", "title: Talks\nitems:\n  - date: 2021.09 - someday\n    text: A talk\n",
            "content/sections/30-talks.yaml:3:11: error: 'date' must be a date (YYYY, YYYY-MM, YYYY-MM-DD) or a range like '2021.09 - now', got \"2021.09 - someday\"" },
        { "range ending before it starts", "sections/30-talks.yaml", "title: Talks\nitems:\n  - date: 2021 - 2019\n    text: A talk\n",
            "content/sections/30-talks.yaml:3:11: error: 'date' must be a date (YYYY, YYYY-MM, YYYY-MM-DD) or a range like '2021.09 - now', got \"2021 - 2019\"" },

        // ---- links ----
        { "profile link not a URL", "profile.yaml", "name: Ada\nlinks:\n  website: not a url\n",
            "content/profile.yaml:3:12: error: link 'website' must be an absolute http(s) URL, got \"not a url\"" },
        { "employer_url without scheme", "profile.yaml", "name: Ada\nemployer_url: uni.example.org\n",
            "content/profile.yaml:2:15: error: 'employer_url' must be an absolute http(s) URL, got \"uni.example.org\"" },
        { "paper url on ftp", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\nurl: ftp://files.example.org/p.pdf\n---\n",
            "content/publications/2024-flows.md:5:6: error: 'url' must be an absolute http(s) URL, got \"ftp://files.example.org/p.pdf\"" },
        { "paper link to javascript", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\nlinks:\n  pdf: javascript:alert(1)\n---\n",
            "content/publications/2024-flows.md:6:8: error: link 'pdf' must be an absolute http(s) URL, got \"javascript:alert(1)\"" },
        { "site url relative", "site.yaml", "url: /home\n",
            "content/site.yaml:1:6: error: 'url' must be an absolute http(s) URL, got \"/home\"" },
        { "markdown link to javascript in news", "news.yaml", "- date: 2024.01\n  text: \"[click](javascript:alert(1))\"\n",
            "content/news.yaml:2:9: error: 'text': link 'javascript:alert(1)' must be an absolute http(s) or mailto: URL, or a path on this site" },
        { "markdown link without host in a summary", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\nsummary: See [this](https:/nohost).\n---\n",
            "content/publications/2024-flows.md:5:10: error: 'summary': link 'https:/nohost' must be an absolute http(s) or mailto: URL, or a path on this site" },
        { "markdown link in the about body", "about.md", "---\ntitle: About\n---\nHello.\n\nMy [notes](file:///home/ada/notes.txt) are here.\n",
            "content/about.md:6:4: error: link 'file:///home/ada/notes.txt' must be an absolute http(s) or mailto: URL, or a path on this site" },
        { "markdown image from another host in an abstract", Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\n---\nThe abstract.\n\n![figure](https://cdn.example.org/f.png)\n",
            "content/publications/2024-flows.md:8:1: error: image 'https://cdn.example.org/f.png' must be a path under the web root like images/figure.png: the page loads nothing from other hosts" },

        // ---- other field checks ----
        { "email without @", "profile.yaml", "name: Ada\nemail: ada.example.org\n",
            "content/profile.yaml:2:8: error: 'email' must be an address like name@example.org, got \"ada.example.org\"" },
        { "language with spaces", "site.yaml", "language: en us\n",
            "content/site.yaml:1:11: error: 'language' must be a language tag like 'en' or 'zh-CN', got \"en us\"" },
        { "missing image", "profile.yaml", "name: Ada Example\navatar: images/missing.png\n",
            "content/profile.yaml:2:9: warning: 'avatar' names images/missing.png, which does not exist under the web root ({webroot}); the image is left out" },
        { "image outside the web root", "profile.yaml", "name: Ada Example\navatar: ../secret.png\n",
            "content/profile.yaml:2:9: error: 'avatar' must be a path under the web root like images/pic1.png, got \"../secret.png\"" },

        // ---- empty files: what each kind expects ----
        { "empty profile", "profile.yaml", "",
            "content/profile.yaml: error: the file is empty; expected a mapping with at least 'name'" },
        { "empty paper", Paper, "\n\n",
            "content/publications/2024-flows.md: error: the file is empty; expected YAML front matter between '---' lines with at least 'title', 'authors' and 'year' or 'date'" },
        { "empty news", "news.yaml", "# nothing yet\n",
            "content/news.yaml: warning: the file is empty; News is hidden (write a list of '- date: ..., text: ...' items, or delete the file)" },
        { "empty site settings", "site.yaml", "",
            "content/site.yaml: warning: the file is empty; the defaults are used" },
        { "empty section", "sections/10-honors.yaml", "   \n",
            "content/sections/10-honors.yaml: warning: the file is empty; the section is hidden (write 'title' and 'items', or delete the file)" },
        { "empty about", "about.md", "",
            "content/about.md: warning: the file is empty; the About section is hidden (write the About text in Markdown, or delete the file)" },

        // ---- encodings ----
        { "BOM and CRLF keep positions", "profile.yaml", "\uFEFFname: Ada\r\nemial: x\r\n",
            "content/profile.yaml:2:1: error: unknown key 'emial'; did you mean 'email'?" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_BadContent_GivesExactlyOneProblemWithPositionAndMessage(string name, string file, string text, string expected)
    {
        _content.Write(file, text);

        var problems = Load().Problems;

        Assert.True(problems.Length == 1, $"{name}:\n{string.Join("\n", problems)}");
        Assert.Equal(expected.Replace("{webroot}", _content.WebRootPath, StringComparison.Ordinal), problems[0].ToString());
    }

    [Fact]
    public void Load_InvalidUtf8_GivesLineColumnAndByteOffset()
    {
        _content.WriteBytes("about.md", [.. "# About\n\nZ\u00fcrich and "u8, 0xC3, 0x28, .. "\n"u8]);

        var problem = Assert.Single(Load().Problems);

        Assert.Equal("content/about.md:3:12: error: invalid UTF-8 at byte offset 21: save the file as UTF-8", problem.ToString());
    }

    [Fact]
    public void Load_FileOverTheLimit_NamesSizeAndSetting()
    {
        _content.Write("news.yaml", "- date: 2024.01\n  text: " + new string('x', 2000) + "\n");

        var problem = Assert.Single(ContentLoader.Load(new ContentLoadOptions(_content.ContentPath, _content.WebRootPath) { MaxFileBytes = 1024 }).Problems);

        Assert.Equal("content/news.yaml: error: file is 2,025 bytes; the limit is 1,024 bytes (ProfileSite:MaxContentFileBytes)", problem.ToString());
    }

    [Theory]
    [InlineData("2024-Flows.md")]
    [InlineData("2024_flows.md")]
    [InlineData("2024 flows.md")]
    public void Load_FileNamesThatSlugifyAlike_AreADuplicateSlug(string other)
    {
        _content.Write("publications/" + other, "---\ntitle: Other\nauthors: [Ada]\nyear: 2024\n---\n");

        var problems = Load().Problems;

        var (first, second) = string.CompareOrdinal(other, "2024-flows.md") < 0 ? (other, "2024-flows.md") : ("2024-flows.md", other);
        Assert.Equal(
            [$"content/publications/{second}: error: duplicate publication slug '2024-flows' (also used by content/publications/{first}); rename one file"],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_FileNameWithoutLettersOrDigits_IsAnError()
    {
        _content.Write("publications/___.md", "---\ntitle: Other\nauthors: [Ada]\nyear: 2024\n---\n");

        var problem = Assert.Single(Load().Problems);

        Assert.Equal("content/publications/___.md: error: the file name '___.md' has no letters or digits to make a URL from; rename it like 2024-venue-topic.md", problem.ToString());
    }

    [Fact]
    public void Load_TabInsideABibtexBlock_IsFine()
    {
        _content.Write(Paper, "---\ntitle: T\nauthors: [Ada]\nyear: 2024\nbibtex: |\n  @article{a,\n  \ttitle = {T},\n  }\n---\n");

        var result = Load();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Contains("\ttitle = {T}", result.Content!.PublicationsBySlug["2024-flows"].Bibtex);
    }

    [Theory]
    [InlineData("[mail me](mailto:ada@example.org)")]
    [InlineData("[cv](/files/cv.pdf)")]
    [InlineData("[news](#news)")]
    [InlineData("<https://example.org/x>")]
    [InlineData("![figure](images/flows.png)")]
    public void Load_MarkdownLinksOnThisSiteOrHttpOrMailto_AreAccepted(string markdown)
    {
        _content.Write("about.md", "Hello " + markdown + "\n");

        var result = Load();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task Load_AliasBomb_IsRejectedQuickly()
    {
        var bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"b{i}: &b{i} [{string.Join(",", Enumerable.Repeat(i == 0 ? "*a" : $"*b{i - 1}", 9))}]\n"));
        _content.Write("site.yaml", bomb);

        var result = await LoadWithinAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("content/site.yaml:2:10: error: YAML aliases ('*a') are not supported: write the value out", Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("site.yaml", "[", "]", "content/site.yaml:1:33: error: YAML nested more than 32 levels deep")]
    [InlineData("site.yaml", "{a: ", "}", "content/site.yaml:1:129: error: YAML nested more than 32 levels deep")]
    [InlineData("news.yaml", "- ", "", "content/news.yaml:1:65: error: YAML nested more than 32 levels deep")]
    public async Task Load_TenThousandLevelsOfNesting_IsRejectedQuickly(string file, string open, string close, string expected)
    {
        _content.Write(file, string.Concat(Enumerable.Repeat(open, 10_000)) + "x" + string.Concat(Enumerable.Repeat(close, 10_000)) + "\n");

        var result = await LoadWithinAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(expected, Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData(">")]
    [InlineData("- ")]
    [InlineData("[")]
    public async Task Load_TenThousandLevelsOfMarkdown_IsAContentError(string open)
    {
        _content.Write("about.md", string.Concat(Enumerable.Repeat(open, 10_000)) + "deep\n");

        var result = await LoadWithinAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(
            "content/about.md:1:1: error: Markdown nested too deeply to render; simplify the nesting of quotes, lists, brackets or emphasis",
            Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData(">", 1)]
    [InlineData("- ", 1)]
    [InlineData("[", 1)]
    public async Task Load_DeepMarkdownBelowOtherText_IsReportedWhereTheNestingStarts(string open, int column)
    {
        _content.Write("about.md", "---\ntitle: About\n---\nFirst paragraph.\n\n" + string.Concat(Enumerable.Repeat(open, 5_000)) + "deep\n");

        var result = await LoadWithinAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(
            $"content/about.md:6:{column}: error: Markdown nested too deeply to render; simplify the nesting of quotes, lists, brackets or emphasis",
            Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("<div>", "</div>")]
    [InlineData("<span>", "</span>")]
    [InlineData("<div>\n", "</div>\n")]
    [InlineData("<div>", "</p>")]
    public async Task Load_TwentyThousandNestedHtmlElements_RenderBalancedWithoutHanging(string open, string close)
    {
        // Every tag used to walk all the open elements: 20,000 pasted <div>s took a minute per load.
        _content.Write("about.md", "Intro.\n\n" + string.Concat(Enumerable.Repeat(open, 20_000)) + "deep" + string.Concat(Enumerable.Repeat(close, 20_000)) + "\n");

        var result = await LoadWithinAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var html = result.Content!.About.Html;
        Assert.Contains("deep", html, StringComparison.Ordinal);
        Assert.Equal(CountOf(html, "<div"), CountOf(html, "</div>"));
        Assert.Equal(CountOf(html, "<span"), CountOf(html, "</span>"));
    }

    [Fact]
    public async Task Load_DeepAlternatingEmphasis_IsReportedWhereItStarts()
    {
        _content.Write("about.md", "First paragraph.\n\nSome text " + string.Concat(Enumerable.Repeat("*_", 5_000)) + "x" + string.Concat(Enumerable.Repeat("_*", 5_000)) + "\n");

        var result = await LoadWithinAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(
            "content/about.md:3:11: error: Markdown nested too deeply to render; simplify the nesting of quotes, lists, brackets or emphasis",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task Load_TenThousandLevelsInANewsItem_IsAContentErrorAtTheValue()
    {
        _content.Write("news.yaml", "- date: 2024.01\n  text: \"" + new string('[', 10_000) + "\"\n");

        var result = await LoadWithinAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(
            "content/news.yaml:2:9: error: 'text': Markdown nested too deeply to render; simplify the nesting of quotes, lists, brackets or emphasis",
            Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("*")]
    [InlineData("<div>")]
    [InlineData("<span><em>")]
    public async Task Load_TenThousandOpenTags_RenderBalanced(string open)
    {
        _content.Write("about.md", string.Concat(Enumerable.Repeat(open, 10_000)) + "deep\n");

        var result = await LoadWithinAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var html = result.Content!.About.Html;
        Assert.Equal(CountOf(html, "<div"), CountOf(html, "</div>"));
        Assert.Equal(CountOf(html, "<span"), CountOf(html, "</span>"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
