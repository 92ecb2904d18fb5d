namespace DialogueTracker.Web.Search;

public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration("Search");
        return services
            .AddSingleton<SearchResultCache>()
            .AddSingleton<SearchFacetTableCache>()
            .AddSingleton<SearchMatchSetCache>()
            .AddScoped<ISearchIndex, SqliteSearchIndex>()
            .AddScoped<SearchMatcher>()
            .AddScoped<SearchRanking>()
            .AddScoped<SearchRequestParser>()
            .AddScoped<SearchQuery>();
    }
}
