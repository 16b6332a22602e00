using ProfileSite.Content.Text;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProfileSite.Localization;

public static class LocalizationExtensions
{
    /// <summary>
    /// ASP.NET Core localization over <c>SiteText.resx</c> (in the content library, so the loader and
    /// feeds share it): <c>IStringLocalizer&lt;SiteText&gt;</c> for text, <c>IHtmlLocalizer&lt;SiteText&gt;</c>
    /// for the <c>.Html</c> keys, <see cref="SiteFormat"/> for numbers and dates, the page's language,
    /// and the routes of pages in further languages (<see cref="LanguageRouteConvention"/>).
    /// </summary>
    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.TryAddSingleton<IHtmlLocalizerFactory, HtmlLocalizerFactory>();
        services.TryAddTransient(typeof(IHtmlLocalizer<>), typeof(HtmlLocalizer<>));
        services.AddSingleton<SiteFormat>();
        services.AddScoped<PageLanguage>();
        services.AddHttpContextAccessor();

        // Pages under each further language's tag (/zh-CN/...), checked against the current snapshot.
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<SiteLanguageConstraint>(SiteLanguageConstraint.Name));
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.Add(new LanguageRouteConvention()));
        return services;
    }

    /// <summary>
    /// Sets the request's UI culture to the translation of its page's language, so every localizer on
    /// the way (pages, error pages re-executed later) writes that language. The languages come from
    /// the content, which reloads, so this is not RequestLocalizationMiddleware with a fixed list.
    /// </summary>
    public static WebApplication UseSiteLanguage(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var language = context.RequestServices.GetRequiredService<PageLanguage>();
            CultureInfo.CurrentUICulture = SiteText.CultureFor(language.Language);
            return next(context);
        });
        return app;
    }
}
