// What one formula costs: Temml (the converter the site embeds) run through Jint, against
// KaTeX 0.19.1 (MathML output) run the same way. Per converter: the first formula of a load
// (engine created, script run), then the median of each formula of a list converted once (the
// loader memoizes, so each distinct formula is converted once per load), then the same list again
// on a warm engine.
//
//   dotnet run bench/math.cs -- [rounds=5] [katex.min.js]
//
// KaTeX is optional: bench/math.sh downloads its npm tarball (integrity-checked) to a temp folder
// and passes the path of katex.min.js.
// Not a test: the figures depend on the machine.
#:project ../src/ProfileSite.Content/ProfileSite.Content.csproj
#:package Jint
using System.Diagnostics;
using System.Globalization;
using Jint;
using ProfileSite.Content.Formulas;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var katexPath = args.Length > 1 ? args[1] : null;
string[] formulas =
[
    @"\ell_1", @"\sqrt{s}", @"\frac{o}{a}", @"\eta", @"B_s^0 \to \phi \mu^+ \mu^-", @"O(n \log n)", @"\mathcal{O}(1/\epsilon^2)",
    @"x^2 + y^2 = z^2", @"\sum_{i=1}^n i = \frac{n(n+1)}{2}", @"\int_0^\infty e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}",
    @"\mathbb{R}^d", @"\alpha\beta\gamma", @"\hat{\theta}_{\text{MLE}}", @"\left( \frac{a}{b} \right)^2", @"\|x\|_2",
    @"p < 0.05", @"\mathrm{SU}(3)", @"\sqrt[3]{x}", @"e^{i\pi} + 1 = 0", @"\binom{n}{k}", @"\begin{pmatrix} a & b \\ c & d \end{pmatrix}",
    @"\lim_{n\to\infty} (1 + 1/n)^n", @"\nabla \cdot \mathbf{E} = \rho/\varepsilon_0", @"H_2O", @"\mathrm{CO}_2", @"10^{-3}",
    @"\tilde{O}(\sqrt{T})", @"\vec{v}", @"f: X \to Y", @"\langle x, y \rangle",
];

Measure("Temml " + MathConverter.TemmlVersion, () =>
{
    var converter = new MathConverter();
    return tex => converter.Convert(tex).MathMl ?? "";
});

if (katexPath is not null)
{
    var prepared = Engine.PrepareScript(File.ReadAllText(katexPath));
    Measure("KaTeX (" + Path.GetFileName(katexPath) + ")", () =>
    {
        var engine = new Engine();
        engine.Execute(prepared);
        engine.Execute("var __render = function (t) { return katex.renderToString(t, { output: 'mathml', throwOnError: true }); };");
        return tex => engine.Invoke("__render", tex).AsString();
    });
}

void Measure(string name, Func<Func<string, string>> create)
{
    var first = new List<double>();
    var each = new List<double>();
    var warm = new List<double>();
    var bytes = 0;
    for (var round = 0; round < rounds; round++)
    {
        var clock = Stopwatch.StartNew();
        var convert = create();
        convert(formulas[0]);
        first.Add(clock.Elapsed.TotalMilliseconds);
        bytes = 0;
        foreach (var tex in formulas.Skip(1))
        {
            clock.Restart();
            bytes += convert(tex).Length;
            each.Add(clock.Elapsed.TotalMilliseconds);
        }

        foreach (var tex in formulas.Skip(1))
        {
            clock.Restart();
            convert("{" + tex + "}"); // a new formula to the memo, on the warm engine
            warm.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: first formula (engine + script) median {Median(first):F0} ms; each further formula median {Median(each):F2} ms (p90 {Percentile(each, 0.9):F2}); second pass on the warm engine median {Median(warm):F2} ms; {bytes / (formulas.Length - 1)} bytes of MathML per formula"));
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)System.Math.Min(sorted.Count - 1, System.Math.Round(p * (sorted.Count - 1)))];
}
