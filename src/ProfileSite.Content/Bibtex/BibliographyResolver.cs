using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ProfileSite.Content.Bibtex;

/// <summary>An entry of some <c>.bib</c> file, with the file it came from.</summary>
/// <param name="File">The file's display path (<c>content/publications/refs.bib</c>).</param>
/// <param name="Entry">The entry as written, or, once resolved, with its inherited fields.</param>
public sealed record SourcedEntry(string File, BibtexEntry Entry);

/// <summary>A repair or skip the resolver made, to be reported at its place.</summary>
public sealed record BibliographyNote(string File, int Line, int Column, string Message);

/// <summary>The entries of all <c>.bib</c> files, keyed, with cross-references followed.</summary>
/// <param name="Works">Entries to list as papers, in file order, each with its inherited fields.</param>
/// <param name="Notes">Every repair and skip: generated keys, duplicates, dangling references.</param>
public sealed record ResolvedBibliography(ImmutableArray<SourcedEntry> Works, ImmutableArray<BibliographyNote> Notes)
{
    /// <summary>Entries that are only containers other entries inherit from (crossref targets), by key: not listed unless a Markdown file claims one.</summary>
    public required FrozenDictionary<string, SourcedEntry> CrossrefTargets { get; init; }
}

/// <summary>
/// Keys and cross-references the way biber handles them: an entry without a key gets one; a
/// duplicate key keeps the first entry (biber: "Duplicate entry key ... ignoring"); <c>xdata</c>
/// entries lend their fields and are never listed; <c>crossref</c> children inherit from their
/// parent by biber's default inheritance rules (biblatex manual Appendix B: the parent's
/// <c>title</c> becomes the child's <c>booktitle</c>, <c>maintitle</c> or <c>journaltitle</c>
/// depending on the two types; other fields by name; <c>ids</c>, <c>crossref</c>, <c>label</c>, ...
/// never), and a parent that is only a crossref target is not a paper of its own.
/// </summary>
public static class BibliographyResolver
{
    // Never inherited (Appendix B, "* -> *").
    private static readonly FrozenSet<string> NotInherited = new[]
    {
        "ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options", "presort",
        "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand", "shorthandintro", "sortkey",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] TitleFields = ["title", "subtitle", "titleaddon"];
    private static readonly string[] SkippedTitles = ["shorttitle", "sorttitle", "indextitle", "indexsorttitle"];

    /// <summary>Keys every entry (generating and de-duplicating), lends xdata, follows crossref, and picks the works to list.</summary>
    /// <param name="entries">Every entry of every file, in reading order.</param>
    /// <param name="generateKey">A key for an entry written without one (<c>smith2020deep</c>); made unique here.</param>
    public static ResolvedBibliography Resolve(IEnumerable<SourcedEntry> entries, Func<BibtexEntry, string> generateKey)
    {
        var notes = new List<BibliographyNote>();
        var byKey = new Dictionary<string, SourcedEntry>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var all = entries.ToList();
        var written = new HashSet<string>(all.Select(e => e.Entry.Key).Where(k => k.Length > 0), StringComparer.OrdinalIgnoreCase);
        foreach (var sourced in all)
        {
            var entry = sourced.Entry;
            if (entry.Key.Length == 0)
            {
                var baseKey = generateKey(entry);
                var key = baseKey;
                for (var suffix = 'b'; written.Contains(key) && suffix <= 'z'; suffix++)
                {
                    key = baseKey + suffix;
                }

                written.Add(key);
                entry = entry with { Key = key };
                var (line, column) = entry.KeyPosition;
                notes.Add(new BibliographyNote(sourced.File, line, column, $"@{entry.Type} has no citation key; it is given the key '{key}'"));
            }

            if (byKey.TryGetValue(entry.Key, out var first))
            {
                var (line, column) = entry.KeyPosition;
                notes.Add(new BibliographyNote(sourced.File, line, column,
                    $"duplicate key '{entry.Key}' (first at {first.File}:{first.Entry.Line}:{first.Entry.Column}); this entry is skipped, as biber skips it"));
                continue;
            }

            byKey[entry.Key] = sourced with { Entry = entry };
            order.Add(entry.Key);
        }

        var resolved = new Dictionary<string, BibtexEntry>(StringComparer.OrdinalIgnoreCase);
        var targets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in order)
        {
            Resolve(key, byKey, resolved, notes, [], targets);
        }

        var works = order
            .Where(k => !EntryTypes.IsDataOnly(byKey[k].Entry.Type) && !targets.Contains(k))
            .Select(k => byKey[k] with { Entry = resolved[k] })
            .ToImmutableArray();
        var crossrefTargets = targets
            .Where(byKey.ContainsKey)
            .Where(k => !EntryTypes.IsDataOnly(byKey[k].Entry.Type))
            .ToFrozenDictionary(k => byKey[k].Entry.Key, k => byKey[k] with { Entry = resolved[k] }, StringComparer.OrdinalIgnoreCase);
        return new ResolvedBibliography(works, [.. notes]) { CrossrefTargets = crossrefTargets };
    }

    private static BibtexEntry Resolve(
        string key, Dictionary<string, SourcedEntry> byKey, Dictionary<string, BibtexEntry> resolved,
        List<BibliographyNote> notes, HashSet<string> visiting, HashSet<string> targets)
    {
        if (resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        var sourced = byKey[key];
        var entry = sourced.Entry;
        if (!visiting.Add(key))
        {
            notes.Add(new BibliographyNote(sourced.File, entry.Line, entry.Column, $"'{entry.Key}' inherits from itself through crossref or xdata; the loop is cut here"));
            return entry;
        }

        var fields = entry.Fields.ToList();
        bool Has(string name) => fields.Any(f => f.Name == name && f.Raw.Trim().Length > 0);

        // xdata first (biber: xdata is resolved before crossref); a list of keys, each lending every field.
        if (entry.Field("xdata") is { } xdata)
        {
            foreach (var parentKey in xdata.Raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!byKey.ContainsKey(parentKey))
                {
                    notes.Add(new BibliographyNote(sourced.File, xdata.Line, xdata.Column, $"xdata '{parentKey}' names no entry in the .bib files; its fields are missing from '{entry.Key}'"));
                    continue;
                }

                var parent = Resolve(parentKey, byKey, resolved, notes, visiting, targets);
                foreach (var field in parent.Fields.Where(f => !NotInherited.Contains(f.Name) && !Has(f.Name)))
                {
                    fields.Add(field);
                }
            }
        }

        if (entry.Field("crossref") is { } crossref)
        {
            var parentKey = crossref.Value.Trim();
            if (!byKey.ContainsKey(parentKey))
            {
                notes.Add(new BibliographyNote(sourced.File, crossref.Line, crossref.Column, $"crossref '{parentKey}' names no entry in the .bib files; '{entry.Key}' is listed with its own fields only"));
            }
            else
            {
                targets.Add(parentKey);
                var parent = Resolve(parentKey, byKey, resolved, notes, visiting, targets);
                Inherit(parent, EntryTypes.Canonical(entry.Type), fields, Has);
            }
        }

        visiting.Remove(key);
        var result = entry with { Fields = [.. fields] };
        resolved[key] = result;
        return result;
    }

    /// <summary>Copies what the child lacks from its parent: mapped fields first (Appendix B), then the rest by name.</summary>
    private static void Inherit(BibtexEntry parent, string childType, List<BibtexField> fields, Func<string, bool> has)
    {
        var parentType = EntryTypes.Canonical(parent.Type);
        var mapped = new HashSet<string>(StringComparer.Ordinal);

        void Map(string from, string to)
        {
            mapped.Add(from);
            if (parent.Field(from) is { } field && !has(to))
            {
                fields.Add(field with { Name = to });
            }
        }

        var main = parentType is "mvbook" or "mvcollection" or "mvreference" or "mvproceedings";
        var inBook = childType is "inbook" or "bookinbook" or "suppbook";
        var inCollection = childType is "incollection" or "inreference" or "suppcollection";
        if (main && (inBook || inCollection || childType is "book" or "collection" or "reference" or "proceedings" or "inproceedings"))
        {
            foreach (var title in TitleFields)
            {
                Map(title, "main" + title);
            }
        }
        else if ((parentType == "book" && inBook)
            || (parentType is "collection" or "reference" && inCollection)
            || (parentType == "proceedings" && childType == "inproceedings"))
        {
            foreach (var title in TitleFields)
            {
                Map(title, "book" + title);
            }
        }
        else if (parentType == "periodical" && childType is "article" or "suppperiodical")
        {
            Map("title", "journaltitle");
            Map("subtitle", "journalsubtitle");
            mapped.Add("titleaddon");
        }

        if (parentType is "mvbook" or "book" && inBook && parent.Field("author") is { } author && !has("bookauthor"))
        {
            fields.Add(author with { Name = "bookauthor" });
        }

        if (mapped.Count > 0)
        {
            mapped.UnionWith(SkippedTitles);
        }

        foreach (var field in parent.Fields.Where(f => !NotInherited.Contains(f.Name) && !mapped.Contains(f.Name) && !has(f.Name)))
        {
            fields.Add(field);
        }
    }
}
