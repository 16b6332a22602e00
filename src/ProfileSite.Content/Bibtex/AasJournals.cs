using System.Collections.Frozen;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// The journal macros of the AAS (<c>aas_macros.sty</c>, also defined by AASTeX, <c>mnras.cls</c> and
/// <c>aa.cls</c>), which NASA ADS writes in every BibTeX export: <c>journal = {\apj}</c>. LaTeX
/// prints them as abbreviations (ApJ); a homepage, CSL-JSON and Google Scholar's
/// <c>citation_journal_title</c> want the journal's name, so each maps to the full name the
/// ADS documentation gives for it ("AAS Macros for journal names", ui.adsabs.harvard.edu help).
/// </summary>
internal static class AasJournals
{
    /// <summary>Macro name (without the backslash) to the journal's full name.</summary>
    internal static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["aj"] = "Astronomical Journal",
        ["actaa"] = "Acta Astronomica",
        ["araa"] = "Annual Review of Astronomy and Astrophysics",
        ["apj"] = "Astrophysical Journal",
        ["apjl"] = "Astrophysical Journal Letters",
        ["apjlett"] = "Astrophysical Journal Letters",
        ["apjs"] = "Astrophysical Journal Supplement Series",
        ["apjsupp"] = "Astrophysical Journal Supplement Series",
        ["ao"] = "Applied Optics",
        ["applopt"] = "Applied Optics",
        ["apss"] = "Astrophysics and Space Science",
        ["aap"] = "Astronomy and Astrophysics",
        ["astap"] = "Astronomy and Astrophysics",
        ["aapr"] = "Astronomy and Astrophysics Review",
        ["aaps"] = "Astronomy and Astrophysics Supplement Series",
        ["azh"] = "Astronomicheskii Zhurnal",
        ["baas"] = "Bulletin of the American Astronomical Society",
        ["bac"] = "Bulletin of the Astronomical Institutes of Czechoslovakia",
        ["caa"] = "Chinese Astronomy and Astrophysics",
        ["cjaa"] = "Chinese Journal of Astronomy and Astrophysics",
        ["icarus"] = "Icarus",
        ["jaavso"] = "Journal of the American Association of Variable Star Observers",
        ["jcap"] = "Journal of Cosmology and Astroparticle Physics",
        ["jrasc"] = "Journal of the Royal Astronomical Society of Canada",
        ["memras"] = "Memoirs of the Royal Astronomical Society",
        ["mnras"] = "Monthly Notices of the Royal Astronomical Society",
        ["na"] = "New Astronomy",
        ["nar"] = "New Astronomy Reviews",
        ["pasa"] = "Publications of the Astronomical Society of Australia",
        ["pra"] = "Physical Review A",
        ["prb"] = "Physical Review B",
        ["prc"] = "Physical Review C",
        ["prd"] = "Physical Review D",
        ["pre"] = "Physical Review E",
        ["prl"] = "Physical Review Letters",
        ["pasp"] = "Publications of the Astronomical Society of the Pacific",
        ["pasj"] = "Publications of the Astronomical Society of Japan",
        ["psj"] = "Planetary Science Journal",
        ["qjras"] = "Quarterly Journal of the Royal Astronomical Society",
        ["rmxaa"] = "Revista Mexicana de Astronomía y Astrofísica",
        ["skytel"] = "Sky and Telescope",
        ["solphys"] = "Solar Physics",
        ["sovast"] = "Soviet Astronomy",
        ["ssr"] = "Space Science Reviews",
        ["zap"] = "Zeitschrift für Astrophysik",
        ["nat"] = "Nature",
        ["iaucirc"] = "IAU Circulars",
        ["aplett"] = "Astrophysics Letters",
        ["apspr"] = "Astrophysics Space Physics Research",
        ["bain"] = "Bulletin of the Astronomical Institutes of the Netherlands",
        ["fcp"] = "Fundamentals of Cosmic Physics",
        ["gca"] = "Geochimica et Cosmochimica Acta",
        ["grl"] = "Geophysical Research Letters",
        ["jcp"] = "Journal of Chemical Physics",
        ["jgr"] = "Journal of Geophysical Research",
        ["jqsrt"] = "Journal of Quantitative Spectroscopy and Radiative Transfer",
        ["memsai"] = "Memorie della Società Astronomica Italiana",
        ["nphysa"] = "Nuclear Physics A",
        ["physrep"] = "Physics Reports",
        ["physscr"] = "Physica Scripta",
        ["planss"] = "Planetary and Space Science",
        ["procspie"] = "Proceedings of the SPIE",

        // Macros ADS writes that aas_macros.sty 5.2 lacks (AASTeX 6 defines them); ADS's export
        // service lists them beside their bibstems (adsabs/export_service, config.py).
        ["maps"] = "Meteoritics and Planetary Science",
        ["aas"] = "American Astronomical Society Meeting Abstracts",
        ["dps"] = "AAS/Division for Planetary Sciences Meeting Abstracts",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Macro name to what LaTeX prints for it, the abbreviation astronomers cite by (ApJ, MNRAS,
    /// A&amp;A): the definitions of <c>aas_macros.sty</c> as ADS distributes it ("These Macros are
    /// taken from the AAS TeX macro package version 5.2"), <c>~</c> as a space; for the four macros
    /// it lacks, and for <c>\apjl</c> (which it prints as ApJ, a Letter told apart by its page
    /// number only), the ADS bibstem the export service pairs with the macro.
    /// </summary>
    internal static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>
    {
        ["aj"] = "AJ",
        ["actaa"] = "Acta Astron.",
        ["araa"] = "ARA&A",
        ["apj"] = "ApJ",
        ["apjl"] = "ApJL",
        ["apjlett"] = "ApJL",
        ["apjs"] = "ApJS",
        ["apjsupp"] = "ApJS",
        ["ao"] = "Appl. Opt.",
        ["applopt"] = "Appl. Opt.",
        ["apss"] = "Ap&SS",
        ["aap"] = "A&A",
        ["astap"] = "A&A",
        ["aapr"] = "A&A Rev.",
        ["aaps"] = "A&AS",
        ["azh"] = "AZh",
        ["baas"] = "BAAS",
        ["bac"] = "Bull. astr. Inst. Czechosl.",
        ["caa"] = "Chinese Astron. Astrophys.",
        ["cjaa"] = "Chinese J. Astron. Astrophys.",
        ["icarus"] = "Icarus",
        ["jcap"] = "J. Cosmology Astropart. Phys.",
        ["jrasc"] = "JRASC",
        ["memras"] = "MmRAS",
        ["mnras"] = "MNRAS",
        ["na"] = "New A",
        ["nar"] = "New A Rev.",
        ["pra"] = "Phys. Rev. A",
        ["prb"] = "Phys. Rev. B",
        ["prc"] = "Phys. Rev. C",
        ["prd"] = "Phys. Rev. D",
        ["pre"] = "Phys. Rev. E",
        ["prl"] = "Phys. Rev. Lett.",
        ["pasa"] = "PASA",
        ["pasp"] = "PASP",
        ["pasj"] = "PASJ",
        ["rmxaa"] = "Rev. Mexicana Astron. Astrofis.",
        ["qjras"] = "QJRAS",
        ["skytel"] = "S&T",
        ["solphys"] = "Sol. Phys.",
        ["sovast"] = "Soviet Ast.",
        ["ssr"] = "Space Sci. Rev.",
        ["zap"] = "ZAp",
        ["nat"] = "Nature",
        ["iaucirc"] = "IAU Circ.",
        ["aplett"] = "Astrophys. Lett.",
        ["apspr"] = "Astrophys. Space Phys. Res.",
        ["bain"] = "Bull. Astron. Inst. Netherlands",
        ["fcp"] = "Fund. Cosmic Phys.",
        ["gca"] = "Geochim. Cosmochim. Acta",
        ["grl"] = "Geophys. Res. Lett.",
        ["jcp"] = "J. Chem. Phys.",
        ["jgr"] = "J. Geophys. Res.",
        ["jqsrt"] = "J. Quant. Spec. Radiat. Transf.",
        ["memsai"] = "Mem. Soc. Astron. Italiana",
        ["nphysa"] = "Nucl. Phys. A",
        ["physrep"] = "Phys. Rep.",
        ["physscr"] = "Phys. Scr",
        ["planss"] = "Planet. Space Sci.",
        ["procspie"] = "Proc. SPIE",
        ["psj"] = "PSJ",
        ["maps"] = "M&PS",
        ["aas"] = "AAS",
        ["dps"] = "DPS",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The abbreviation of a venue written as one AAS macro and nothing else (<c>\apj</c>,
    /// <c>{\mnras}</c>, as ADS writes <c>journal</c>), or null for any other value.
    /// </summary>
    internal static string? AbbreviationOf(string raw)
    {
        var text = raw.Trim();
        while (text.Length > 1 && text[0] == '{' && text[^1] == '}')
        {
            text = text[1..^1].Trim();
        }

        return text.Length > 1 && text[0] == '\\' && Abbreviations.TryGetValue(text[1..], out var abbreviation) ? abbreviation : null;
    }
}
