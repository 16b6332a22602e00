using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace ProfileSite.Hosting;

public static class ProxyExtensions
{
    /// <summary>
    /// Behind a reverse proxy: X-Forwarded-For/-Proto/-Host are believed only from loopback and the
    /// configured <see cref="ProfileSiteOptions.KnownProxies"/>/<see cref="ProfileSiteOptions.KnownNetworks"/>;
    /// HTTPS redirection is opt-in (<see cref="ProfileSiteOptions.HttpsRedirection"/>).
    /// </summary>
    public static IServiceCollection AddSiteProxy(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ProfileSiteOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProfileSiteOptions>>((forwarded, site) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The framework's defaults are loopback too; they are set here explicitly so the list
            // below is the whole truth.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownIPNetworks.Add(IPNetwork.Parse("127.0.0.0/8"));
            forwarded.KnownProxies.Add(IPAddress.IPv6Loopback);
            foreach (var proxy in site.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in site.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
        services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<ProfileSiteOptions>>(
            (https, site) => https.HttpsPort = site.Value.HttpsPort);
        return services;
    }

    /// <summary>
    /// First in the pipeline, so everything after it (links, redirects, logs) sees the visitor's
    /// scheme, host and address and the path without <see cref="ProfileSiteOptions.BasePath"/>.
    /// Routing comes later (<see cref="PipelineExtensions.UseSiteRendering"/>), after the path base
    /// and after published pages, which need no route.
    /// </summary>
    public static WebApplication UseSiteProxy(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ProfileSiteOptions>>().Value;
        app.UseForwardedHeaders();
        if (options.BasePath.TrimEnd('/') is { Length: > 0 } basePath)
        {
            app.UsePathBase(basePath);
        }

        if (options.HttpsRedirection)
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary>Names the proxy entry that does not parse, at startup, instead of failing on the first request.</summary>
    private sealed class ProxyOptionsValidator : IValidateOptions<ProfileSiteOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProfileSiteOptions options)
        {
            var failures = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
                .Select(p => $"ProfileSite:KnownProxies: '{p}' is not an IP address")
                .Concat(options.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _))
                    .Select(n => $"ProfileSite:KnownNetworks: '{n}' is not a network in CIDR form like 172.30.0.0/24"))
                .ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
