using System.Data.Common;
using System.Net;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Tests.Caching;

/// <summary>
/// Requests for a page that is being rendered wait for that one render (the output cache's locking), and a reader who
/// goes away meanwhile must not take the others with them: ASP.NET Core 10.0.12's output cache hands the first
/// request's failure to every request waiting on it (dotnet/aspnetcore#52310), so that render runs to its end.
/// </summary>
public sealed class AbortedRequestTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    /// <summary>Holds every query until released, or until the query is cancelled.</summary>
    private sealed class Gate : DbCommandInterceptor
    {
        public readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _queries;

        public int Queries => Volatile.Read(ref _queries);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _queries);
            Entered.TrySetResult();
            await Open.Task.WaitAsync(cancellationToken);
            return result;
        }
    }

    /// <summary>The app, with the timeline's filter parser reading the database through the gate: a page's first render waits there.</summary>
    private WebApplicationFactory<Program> Gated(Gate gate) => factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        services.AddScoped(provider => new FilterParser(
            new DialogueDbContext(new DbContextOptionsBuilder<DialogueDbContext>()
                .UseSqlite($"Data Source={factory.DatabasePath}").AddInterceptors(gate).Options),
            provider.GetRequiredService<IStringLocalizer<SharedResource>>()))));

    [Fact]
    public async Task Requests_for_a_page_being_rendered_wait_for_that_render_instead_of_rendering_it_again()
    {
        var gate = new Gate();
        using var app = Gated(gate);
        using var client = app.CreateClient();
        const string url = "/?mechanism=vice-ministerial-political-consultations";

        var first = client.GetAsync(url);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var queriesOfOneRender = gate.Queries;
        var others = Enumerable.Range(0, 8).Select(_ => client.GetAsync(url)).ToList();
        // Time for the others to reach the output cache; each one rendering would query through the gate too.
        await Task.Delay(300);
        Assert.Equal(queriesOfOneRender, gate.Queries);
        gate.Open.SetResult();

        using var firstResponse = await first.WaitAsync(TimeSpan.FromSeconds(30));
        var page = await firstResponse.Content.ReadAsStringAsync();
        foreach (var other in others)
        {
            using var response = await other.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(page, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Requests_the_output_cache_cannot_key_are_rendered_each_on_its_own()
    {
        var gate = new Gate();
        using var app = Gated(gate);
        using var client = app.CreateClient();

        // %1E is the cache key's own delimiter: both keys come out empty, and with locking would share one render.
        var first = client.GetAsync("/?mechanism=human-rights-dialogue&x=%1E");
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = client.GetAsync("/?mechanism=vice-ministerial-political-consultations&x=%1E");
        await Task.Delay(300);
        gate.Open.SetResult();

        using var firstResponse = await first.WaitAsync(TimeSpan.FromSeconds(30));
        using var secondResponse = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
        Assert.NotEqual(await firstResponse.Content.ReadAsStringAsync(), await secondResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_for_the_same_page_succeeds_when_the_first_one_s_client_goes_away()
    {
        var gate = new Gate();
        using var app = Gated(gate);
        using var client = app.CreateClient();
        const string url = "/?mechanism=human-rights-dialogue";

        using var leaving = new CancellationTokenSource();
        var first = client.GetAsync(url, leaving.Token);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = client.GetAsync(url);
        // Give the second request time to reach the output cache and wait there for the first one's render.
        await Task.Delay(300);
        // The test server then aborts the first request (RequestAborted), as Kestrel does when a client disconnects.
        await leaving.CancelAsync();
        gate.Open.SetResult();

        using var response = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Human Rights Dialogue", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // What the first client gets after leaving is no one's concern; it only has to end.
        await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(first.IsCompleted);
    }
}
