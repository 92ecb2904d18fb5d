using System.Text.Json;
using DialogueTracker.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Data;

/// <summary>The shipped seed data, loaded through the same importer as any dataset file.</summary>
public static class SeedData
{
    public static readonly string SeedFile = Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "seed.json");

    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialogueDbContext>();

        // Seeding fills an empty database only; what editors change later is theirs.
        if (await db.Sources.AnyAsync(cancellationToken))
        {
            return;
        }

        var dataset = await ReadAsync(SeedFile, cancellationToken);
        var result = await scope.ServiceProvider.GetRequiredService<DatasetImporter>().ImportAsync(dataset, dryRun: false, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The seed data is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        }
    }

    public static async Task<Dataset> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<Dataset>(stream, DatasetJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no dataset");
    }
}
