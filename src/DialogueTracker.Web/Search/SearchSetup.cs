namespace DialogueTracker.Web.Search;

public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration("Search");
        return services
            .AddSingleton<SearchResultCache>()
            .AddScoped<ISearchIndex, SqliteSearchIndex>()
            .AddScoped<SearchRequestParser>()
            .AddScoped<SearchQuery>();
    }
}
