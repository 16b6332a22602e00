using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ProfileSite.Localization;

/// <summary>
/// Each page of the site also answers under a further language's tag: <c>/zh-CN/</c>,
/// <c>/zh-CN/publications</c>, <c>/zh-CN/publications/{slug}</c>. The tag must be one of the
/// further languages of the snapshot the request renders, spelled as site.yaml spells it (so a reload that adds or
/// drops a language takes effect at once, and <c>/zh-cn/</c> is not a second address). Error pages
/// take their language from the address that failed instead (<see cref="PageLanguage"/>).
/// </summary>
internal sealed class LanguageRouteConvention : IPageRouteModelConvention
{
    /// <summary>The route parameter that holds the language.</summary>
    public const string Parameter = "lang";

    public void Apply(PageRouteModel model)
    {
        if (model.ViewEnginePath.StartsWith("/Error", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var selector in model.Selectors.ToList())
        {
            var template = selector.AttributeRouteModel?.Template ?? "";
            model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel
                {
                    Template = AttributeRouteModel.CombineTemplates($"{{{Parameter}:{SiteLanguageConstraint.Name}}}", template),
                },
            });
        }
    }
}

/// <summary>Matches a route value naming one of the current site's further languages (not the default, served at <c>/</c>).</summary>
internal sealed class SiteLanguageConstraint : IRouteConstraint
{
    public const string Name = "sitelanguage";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        if (httpContext is null || !values.TryGetValue(routeKey, out var value) || value is not string language)
        {
            return routeDirection == RouteDirection.UrlGeneration;
        }

        var site = PageLanguage.SnapshotOf(httpContext, httpContext.RequestServices.GetRequiredService<ContentStore>())?.Site;
        return site is not null && site.Languages.Skip(1).Contains(language, StringComparer.Ordinal);
    }
}
