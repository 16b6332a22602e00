using System.Collections.Concurrent;
using System.Text.RegularExpressions;
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
public sealed partial class MathConverter
{
    /// <summary>The Temml version embedded (pinned in <c>Temml.targets</c>).</summary>
    public const string TemmlVersion = "0.13.5";

    private const string ResourceName = "ProfileSite.Content.Formulas.temml.min.js";

    // A formula longer than this is refused: a pathological input must not hold up a load.
    private const int MaxTexLength = 4000;

    private static readonly Lazy<Prepared<Acornima.Ast.Script>> Prepared = new(PrepareTemml, LazyThreadSafetyMode.ExecutionAndPublication);

    // A formula that runs longer than this is refused (with MaxStatements, the guard against a
    // pathological input); Temml's own set-up is not bounded by it (see Deadline).
    private static readonly TimeSpan DefaultFormulaTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<(string Tex, bool Display), MathResult> _memo = new();
    private readonly Lock _lock = new();
    private readonly TimeSpan _formulaTimeout;
    private Engine? _engine;

    /// <summary>A converter whose formulas may each run for 10 seconds.</summary>
    public MathConverter()
        : this(DefaultFormulaTimeout)
    {
    }

    /// <summary>A converter with another time limit per formula (tests: a limit every formula exceeds).</summary>
    internal MathConverter(TimeSpan formulaTimeout) => _formulaTimeout = formulaTimeout;

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

    /// <summary>
    /// LaTeX that Temml lacks but papers use, in Temml's terms: <c>\mbox{...}</c> (LaTeX's text box in
    /// math, what DBLP writes for superscripts: <c>{}^{\mbox{1}}</c>) is <c>\text{...}</c>.
    /// </summary>
    private static string TemmlSource(string tex) => MboxCommand().Replace(tex, @"\text");

    [GeneratedRegex(@"\\mbox(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex MboxCommand();

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
                mathMl = engine.Invoke("__render", TemmlSource(tex), display).AsString();
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

    private Engine NewEngine()
    {
        var deadline = new Deadline();
        var engine = new Engine(options => options
            .LimitRecursion(512)
            .MaxStatements(5_000_000)
            .Constraint(deadline)
            .Strict(false));
        engine.Execute(Prepared.Value);
        // throwOnError: an invalid formula is reported, not drawn in red; trust off: no \href, \class, \style.
        engine.Execute("""
            var __render = function (tex, display) {
              return temml.renderToString(tex, { displayMode: display, throwOnError: true, trust: false, strict: false, xml: false });
            };
            """);
        deadline.Limit = _formulaTimeout;
        return engine;
    }

    /// <summary>
    /// A wall-clock limit per formula, armed by Jint at the start of each call (<c>Reset</c>) and
    /// checked as the script runs. It is off while Temml's script is set up: that is our own code, run
    /// once per load, and on a loaded machine it can take longer than any formula should; a limit
    /// there made the whole content load, and so the start, fail on a timing.
    /// </summary>
    private sealed class Deadline : Constraint
    {
        private long _until;

        public TimeSpan? Limit { get; set; }

        public override void Check()
        {
            if (_until != 0 && System.Diagnostics.Stopwatch.GetTimestamp() > _until)
            {
                throw new TimeoutException("the formula took too long to convert");
            }
        }

        public override void Reset() =>
            _until = Limit is { } limit ? System.Diagnostics.Stopwatch.GetTimestamp() + Math.Max(1, (long)(limit.TotalSeconds * System.Diagnostics.Stopwatch.Frequency)) : 0;
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
