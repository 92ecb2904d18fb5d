using System.Net;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Tests.Operations;

/// <summary>
/// Kills the real app with SIGKILL while several clients write, at a different moment each round, restarts it, and finds
/// the database whole and every acknowledged write in it with its revision.
/// </summary>
public sealed class CrashTests
{
    [Fact]
    public async Task Every_acknowledged_write_survives_SIGKILL_in_the_middle_of_concurrent_writes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dialoguetracker-crash-{Guid.NewGuid():N}.db");
        var app = await AppProcess.StartAsync(path);
        try
        {
            var token = await AppProcess.CreateTokenAsync(path, Roles.Editor);
            var unanswered = 0;
            // Kill after this many acknowledged writes, then a little later still, so the kill lands mid-request.
            foreach (var (round, killAfter) in new[] { (0, 3), (1, 20), (2, 60) })
            {
                var load = new WriteLoad(app.CreateClient, token, $"crash-r{round}");
                using var stop = new CancellationTokenSource();
                var writing = load.RunAsync(clients: 4, stop.Token);
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (load.Acknowledged.Count < killAfter && load.Failures.IsEmpty && !writing.IsCompleted)
                {
                    Assert.True(DateTime.UtcNow < deadline, $"round {round}: only {load.Acknowledged.Count} writes in 60 s");
                    await Task.Delay(5);
                }

                await Task.Delay(round * 7);
                await app.KillAsync();
                stop.Cancel();
                await writing.WaitAsync(TimeSpan.FromSeconds(60));
                Assert.Empty(load.Failures);
                unanswered += load.Unanswered;

                await app.DisposeAsync();
                app = await AppProcess.StartAsync(path);
                using (var client = app.CreateClient())
                {
                    using var ready = await client.GetAsync("/health/ready");
                    Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                }

                await load.AssertAllThereAsync(path);
            }

            // Without a write cut off by a kill the test would prove nothing about crashes.
            Assert.True(unanswered > 0, "no write was in flight at any kill");
        }
        finally
        {
            await app.DisposeAsync();
            AppProcess.DeleteDatabase(path);
        }
    }
}
