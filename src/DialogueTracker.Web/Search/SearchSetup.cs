namespace DialogueTracker.Web.Search;

public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration("Search");
        return services
            .AddSingleton<SearchResultCache>()
            .AddSingleton<SearchFacetTableCache>()
            .AddScoped<ISearchIndex, SqliteSearchIndex>()
            .AddScoped<SearchRanking>()
            .AddScoped<SearchRequestParser>()
            .AddScoped<SearchQuery>();
    }
}
