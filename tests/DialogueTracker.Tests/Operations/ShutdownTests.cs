using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Tests.Operations;

/// <summary>SIGTERM, as a service manager stops the app: a request in flight finishes, then the process exits 0.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dialoguetracker-shutdown-{Guid.NewGuid():N}.db");

    // The server logs a request as it starts it. Only then is it in flight: a connection whose request the server has
    // not begun reading is idle to Kestrel, and closed at once on shutdown.
    private const string RequestStarting = "--Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Hosting.Diagnostics=Information";
    private const string RequestStarted = "Request starting HTTP/1.1 POST";

    /// <summary>A body sent in two halves, with <paramref name="between"/> run in the pause: the request is surely in flight then.</summary>
    private sealed class PausedContent(byte[] body, Func<Task> between) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await stream.FlushAsync();
            await between();
            await stream.WriteAsync(body.AsMemory(body.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    private static HttpRequestMessage Import(string token, string slug, Func<Task> between)
    {
        var json = $$"""
            {"format": "dialoguetracker/1", "topics": [{"slug": "{{slug}}", "nameEn": "Imported while stopping", "nameVi": "Nhập khi đang dừng",
              "citations": [{"source": "seed-vi-eu-delegation-dialogue-page", "quote": "Vòng thứ 9"}]}]}
            """;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import") { Content = new PausedContent(Encoding.UTF8.GetBytes(json), between) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Fact]
    public async Task A_request_in_flight_at_SIGTERM_finishes_and_the_process_exits_0()
    {
        await using var app = await AppProcess.StartAsync(_path, RequestStarting);
        var token = await AppProcess.CreateTokenAsync(_path, Roles.Admin);
        using var client = app.CreateClient();

        using var request = Import(token, "imported-while-stopping", async () =>
        {
            await app.WaitForOutputAsync(RequestStarted);
            app.Terminate();
            await app.WaitForOutputAsync("Application is shutting down");
        });
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"added\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WaitForExitAsync());
        await WriteLoad.AssertAllThereAsync(_path, "imported-while-stopping", [("imported-while-stopping", "Imported through the API")]);
    }

    [Fact]
    public async Task A_request_that_outlasts_the_shutdown_timeout_is_cut_off_and_the_process_still_exits()
    {
        await using var app = await AppProcess.StartAsync(_path, RequestStarting, "--ShutdownTimeoutSeconds=1");
        var token = await AppProcess.CreateTokenAsync(_path, Roles.Admin);
        using var client = app.CreateClient();
        // The second half would only go once the process has gone. Waiting is bounded well below the default
        // timeout (25 s), so the process exiting proves the configured second was used, not the default.
        using var request = Import(token, "never-finished", async () =>
        {
            await app.WaitForOutputAsync(RequestStarted);
            app.Terminate();
            await app.WaitForExitAsync(within: TimeSpan.FromSeconds(15));
        });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.SendAsync(request));
        await WriteLoad.AssertAllThereAsync(_path, "never-finished", []);
    }

    public void Dispose() => AppProcess.DeleteDatabase(_path);
}
