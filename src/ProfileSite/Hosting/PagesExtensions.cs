using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;

namespace ProfileSite.Hosting;

public static class PagesExtensions
{
    /// <summary>
    /// Razor Pages for a read-only site. Nothing is posted and no cookie is protected, so data
    /// protection keys live in memory: no key files on disk, no warning on a read-only filesystem.
    /// Text is written as UTF-8 rather than escaped (&lt; &gt; &amp; " ' still are), so names in any
    /// script and marks like † stay readable and small.
    /// </summary>
    public static IServiceCollection AddSitePages(this IServiceCollection services)
    {
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages();
        return services;
    }
}
