using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Import;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Hardening;

/// <summary>
/// The data folder on a real 2 MB tmpfs (the tests run as root): filled to the last byte, a write
/// fails with SQLite's "database or disk is full", and the person gets one Vietnamese 507 saying
/// nothing was saved — not an English 500 — and nothing was saved.
/// </summary>
// SQLite file test (ADR 0011); on PostgreSQL: PostgresStorageFailureTests.
[Trait(TestDatabase.Category, TestDatabase.SqliteFile)]
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly TmpfsHallFactory _hall = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _hall.ClientAsync(Roles.Organiser);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _hall.DisposeAsync();
    }

    [Fact]
    public async Task A_full_disk_is_a_vietnamese_507_and_nothing_is_saved()
    {
        var filler = Path.Combine(_hall.DataFolder, "filler.bin");
        FillDisk(filler);

        var response = await ImportAsync(30);

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(StorageFailure.DiskFullTitle, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(StorageFailure.DiskFullDetail, json.RootElement.GetProperty("detail").GetString());

        File.Delete(filler);
        Assert.Equal(0, await _hall.WithDbAsync(db => db.Delegates.CountAsync()));
        // With room again the same file goes in: the failure left nothing half-done behind.
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(30)).StatusCode);
        Assert.Equal(30, await _hall.WithDbAsync(db => db.Delegates.CountAsync()));
    }

    private async Task<HttpResponseMessage> ImportAsync(int count)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(DelegateListFiles.Csv(DelegateListFiles.Table(DelegateListFiles.Sample(count)))));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "ds.csv");
        return await _client.PostAsync(new Uri("/api/import/delegates/commit", UriKind.Relative), form);
    }

    /// <summary>Writes until the file system says there is no space left.</summary>
    private static void FillDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    /// <summary>The hall with its data folder on a fresh 2 MB tmpfs, unmounted at the end.</summary>
    private sealed class TmpfsHallFactory : HallFactory
    {
        public TmpfsHallFactory()
        {
            Run("mount", $"-t tmpfs -o size=2m tmpfs {DataFolder}");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Run("umount", DataFolder);
            Directory.Delete(DataFolder, recursive: true);
        }

        private static void Run(string command, string arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{command} {arguments}: {error} (these tests run as root to mount a small tmpfs)");
        }
    }
}
