using System.Collections.Frozen;

namespace ProfileSite.Content.Bibtex;

/// <summary>
/// The journal macros of the AAS (<c>aas_macros.sty</c>, also defined by AASTeX, <c>mnras.cls</c> and
/// <c>aa.cls</c>), which NASA ADS writes in every BibTeX export: <c>journal = {\apj}</c>. Each reads
/// as what LaTeX prints for it, the abbreviation astronomers cite by (ApJ, MNRAS, A&amp;A, Phys. Rev. D):
/// that is what the owner's own papers show for the entry, and what ADS's export service itself
/// puts in CSL's <c>container-title</c> for the AAS styles by default (adsabs/export_service,
/// <c>exportsrv/formatter/cslFormat.py</c>, "use macro (default)").
/// </summary>
internal static class AasJournals
{
    /// <summary>
    /// Macro name to what LaTeX prints for it, the abbreviation astronomers cite by (ApJ, MNRAS,
    /// A&amp;A): the definitions of <c>aas_macros.sty</c> as ADS distributes it ("These Macros are
    /// taken from the AAS TeX macro package version 5.2"), <c>~</c> as a space. For <c>\apjl</c>,
    /// which it prints as ApJ (a Letter told apart by its page number only), and for the four macros
    /// ADS writes that it lacks (<c>\psj</c>, <c>\maps</c>, <c>\aas</c>, <c>\dps</c>), the ADS
    /// bibstem the export service pairs with the macro (adsabs/export_service, <c>config.py</c>),
    /// the meeting ones with "Meeting Abstracts".
    /// </summary>
    internal static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
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
        ["aas"] = "AAS Meeting Abstracts",
        ["dps"] = "AAS/DPS Meeting Abstracts",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
