namespace DialogueTracker.Web.Search;

public static class SearchSetup
{
    /// <summary>The search index itself (<see cref="ISearchIndex"/>) comes with the database's registration.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration("Search");
        return services
            .AddSingleton<SearchResultCache>()
            .AddSingleton<SearchFacetTableCache>()
            .AddSingleton<SearchMatchSetCache>()
            .AddScoped<SearchMatcher>()
            .AddScoped<SearchRanking>()
            .AddScoped<SearchRequestParser>()
            .AddScoped<SearchQuery>();
    }
}
