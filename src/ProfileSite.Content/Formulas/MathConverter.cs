using System.Collections.Concurrent;
using Jint;

namespace ProfileSite.Content.Formulas;

/// <summary>One formula converted: MathML Core for HTML and readable Unicode for plain text, or why it failed.</summary>
/// <param name="Tex">The LaTeX source, without its delimiters.</param>
/// <param name="MathMl">A <c>&lt;math&gt;</c> element (no <c>style</c> attribute, so a strict CSP holds); null when the formula is invalid.</param>
/// <param name="Text">Readable Unicode (<c>ℓ₁</c>, <c>√s</c>); the source itself when the formula is invalid.</param>
/// <param name="Error">Temml's message for an invalid formula (<c>Expected '}', got 'EOF'</c>), else null.</param>
public sealed record MathResult(string Tex, string? MathMl, string Text, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// LaTeX math to MathML Core with Temml (npm <c>temml</c>, embedded at build time, see
/// <c>Formulas/Temml.targets</c>) run in Jint, a JavaScript interpreter written in .NET: browsers
/// draw MathML natively, so a page needs no script and no font for math. Temml's script is
/// parsed once per process (<see cref="Prepared"/>); the engine that runs it is created when the
/// first formula of a content load arrives and belongs to that load, and every formula is
/// converted once per load (memoized). A Jint engine is not thread-safe, so conversions are
/// serialised on it; the loader calls from one thread anyway.
/// </summary>
public sealed class MathConverter
{
    /// <summary>The Temml version embedded (pinned in <c>Temml.targets</c>).</summary>
    public const string TemmlVersion = "0.13.5";

    private const string ResourceName = "ProfileSite.Content.Formulas.temml.min.js";

    // A formula longer than this is refused: a pathological input must not hold up a load.
    private const int MaxTexLength = 4000;

    private static readonly Lazy<Prepared<Acornima.Ast.Script>> Prepared = new(PrepareTemml, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<(string Tex, bool Display), MathResult> _memo = new();
    private readonly Lock _lock = new();
    private Engine? _engine;

    /// <summary>How many distinct formulas Temml converted (memo misses); for tests and the bench.</summary>
    public int Conversions { get; private set; }

    /// <summary>Converts one formula; never throws for bad input (an invalid formula is a result with <see cref="MathResult.Error"/>).</summary>
    /// <param name="tex">LaTeX math without delimiters (<c>\frac{a}{b}</c>).</param>
    /// <param name="display">Display math (<c>$$...$$</c>, <c>\[...\]</c>): a centred block.</param>
    public MathResult Convert(string tex, bool display = false)
    {
        var source = tex.Trim();
        return _memo.GetOrAdd((source, display), key => Run(key.Tex, key.Display));
    }

    private MathResult Run(string tex, bool display)
    {
        if (tex.Length == 0)
        {
            return new MathResult(tex, null, "", "empty formula");
        }

        if (tex.Length > MaxTexLength)
        {
            return new MathResult(tex, null, tex, $"formula longer than {MaxTexLength} characters");
        }

        string? mathMl;
        string? error = null;
        lock (_lock)
        {
            Conversions++;
            var engine = _engine ??= NewEngine();
            try
            {
                mathMl = engine.Invoke("__render", tex, display).AsString();
            }
            catch (Jint.Runtime.JavaScriptException ex)
            {
                mathMl = null;
                error = Clean(ex.Message);
            }
            catch (Exception ex) when (ex is Jint.Runtime.StatementsCountOverflowException or TimeoutException or Jint.Runtime.MemoryLimitExceededException or Jint.Runtime.RecursionDepthOverflowException)
            {
                // Limits hit: a new engine for the next formula, in case this one was left half-way.
                _engine = null;
                mathMl = null;
                error = "formula too complex to convert";
            }
        }

        if (mathMl is null)
        {
            return new MathResult(tex, null, tex, error);
        }

        mathMl = MathMl.Sanitize(mathMl, display);
        return new MathResult(tex, mathMl, MathMl.ToText(mathMl), null);
    }

    private static Engine NewEngine()
    {
        var engine = new Engine(options => options
            .LimitRecursion(512)
            .MaxStatements(5_000_000)
            .TimeoutInterval(TimeSpan.FromSeconds(10))
            .Strict(false));
        engine.Execute(Prepared.Value);
        // throwOnError: an invalid formula is reported, not drawn in red; trust off: no \href, \class, \style.
        engine.Execute("""
            var __render = function (tex, display) {
              return temml.renderToString(tex, { displayMode: display, throwOnError: true, trust: false, strict: false, xml: false });
            };
            """);
        return engine;
    }

    private static Prepared<Acornima.Ast.Script> PrepareTemml()
    {
        using var stream = typeof(MathConverter).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded; the build downloads it (Formulas/Temml.targets)");
        using var reader = new StreamReader(stream);
        return Engine.PrepareScript(reader.ReadToEnd(), "temml.min.js");
    }

    /// <summary>Temml's messages start with "Temml parse error:" and mark the spot with combining low lines; keep the words.</summary>
    private static string Clean(string message)
    {
        var text = message.Replace("Temml parse error:", "", StringComparison.Ordinal).Replace("\u0332", "", StringComparison.Ordinal);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return (newline >= 0 ? text[..newline] : text).Trim().TrimEnd(':').Trim();
    }
}
