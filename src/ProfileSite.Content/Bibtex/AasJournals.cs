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
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
