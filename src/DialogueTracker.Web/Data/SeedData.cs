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
            // The seed's sources have keys starting "seed-": a database that never held the seed (a generated one)
            // is left alone without reading the file.
            if (!await db.Concerns.IgnoreQueryFilters().AnyAsync(cancellationToken)
                && await db.Sources.AnyAsync(s => s.Key.StartsWith("seed-"), cancellationToken))
            {
                await AddSeedConcernsAsync(scope.ServiceProvider, db, await ReadAsync(SeedFile, cancellationToken), cancellationToken);
            }

            return;
        }

        var dataset = await ReadAsync(SeedFile, cancellationToken);
        var result = await scope.ServiceProvider.GetRequiredService<DatasetImporter>().ImportAsync(dataset, dryRun: false, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The seed data is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        }
    }

    /// <summary>
    /// A database seeded before concerns existed gets the seed's concerns once: only if it holds the seed's own sources
    /// and has never had a concern, and only if they still fit what editors have made of the records they cite.
    /// </summary>
    private static async Task AddSeedConcernsAsync(IServiceProvider services, DialogueDbContext db, Dataset seed, CancellationToken cancellationToken)
    {
        var seedSources = seed.Sources.Select(s => s.Key!).ToList();
        if (await db.Sources.CountAsync(s => seedSources.Contains(s.Key), cancellationToken) < seedSources.Count)
        {
            return;
        }

        var result = await services.GetRequiredService<DatasetImporter>()
            .ImportAsync(new Dataset { Concerns = seed.Concerns }, dryRun: false, cancellationToken);
        if (!result.Succeeded)
        {
            services.GetRequiredService<ILogger<DatasetImporter>>().LogWarning(
                "The seed's concerns were not added to this database: {Problems}", string.Join("; ", result.Problems));
        }
    }

    public static async Task<Dataset> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<Dataset>(stream, DatasetJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no dataset");
    }
}
