using System.Data.Common;
using System.Net;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Tests.Caching;

/// <summary>
/// A reader who goes away while a page is first rendered must not take the readers who asked for the same page at the
/// same moment with them: ASP.NET Core's output cache, with its locking, hands the first request's failure to every
/// request waiting on it (dotnet/aspnetcore#52310, fixed only in .NET 11), so locking is off.
/// </summary>
public sealed class AbortedRequestTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    /// <summary>Holds every query until released, or until the query is cancelled.</summary>
    private sealed class Gate : DbCommandInterceptor
    {
        public readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Open.Task.WaitAsync(cancellationToken);
            return result;
        }
    }

    [Fact]
    public async Task A_request_for_the_same_page_succeeds_when_the_first_one_s_client_goes_away()
    {
        var gate = new Gate();
        // The timeline's filter parser reads the database through the gate, so the page's first render waits there.
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped(provider => new FilterParser(
                new DialogueDbContext(new DbContextOptionsBuilder<DialogueDbContext>()
                    .UseSqlite($"Data Source={factory.DatabasePath}").AddInterceptors(gate).Options),
                provider.GetRequiredService<IStringLocalizer<SharedResource>>()))));
        using var client = app.CreateClient();
        const string url = "/?mechanism=human-rights-dialogue";

        using var leaving = new CancellationTokenSource();
        var first = client.GetAsync(url, leaving.Token);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = client.GetAsync(url);
        // Give the second request time to reach the output cache and wait there, as it would with locking on.
        await Task.Delay(300);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        gate.Open.SetResult();

        using var response = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Human Rights Dialogue", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
