// Keeps the per-congress badge-signing key: 32 random bytes made on first use and kept in the
// data folder (never in the repository or the database, so a database export cannot forge
// badges). Losing the file makes every printed badge invalid, so a damaged file is an error to
// look at, never silently replaced.
using System.Security.Cryptography;
using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Badges;

public static class BadgeKeyStore
{
    public const int KeyBytes = 32;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly Lock Sync = new();

    /// <summary>The key in {dataFolder}/keys/badge-{congressId:N}.key, created (mode 0600) if there is none.</summary>
    public static byte[] LoadOrCreate(string dataFolder, Guid congressId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        var folder = Path.Combine(dataFolder, "keys");
        var path = Path.Combine(folder, $"badge-{congressId:N}.key");

        // Within one process a lock settles the race; between processes the no-overwrite move does.
        // (A move that falls back to rename could replace a key another caller already read, which
        // showed as a rare failure of the simultaneous-first-runs test.)
        lock (Sync)
        {
            if (!File.Exists(path))
            {
                Create(folder, path);
            }
            return Read(path);
        }
    }

    /// <summary>
    /// Writes the key to a temporary file and moves it into place without overwriting, so a crash
    /// never leaves a half-written key and two first runs at once agree on one key.
    /// </summary>
    private static void Create(string folder, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation, so the key is never readable by others even for a moment.
            options.UnixCreateMode = OwnerOnlyFile;
        }
        try
        {
            using (var file = new FileStream(temporary, options))
            {
                file.Write(RandomNumberGenerator.GetBytes(KeyBytes));
                file.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                // UnixCreateMode is filtered by the umask; make the mode exactly 0600 regardless.
                File.SetUnixFileMode(temporary, OwnerOnlyFile);
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another first run won the race: use its key.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Two hall servers (Hall:Nodes=two, ADR 0012): the key in the database both share (<see cref="HallSecret"/>
    /// <c>badge:{congressId:N}</c>), made by whichever server comes first. The price, said in the ADR: a
    /// copy of the database then carries the key, so the database's copies must be kept like the key file.
    /// </summary>
    public static async Task<byte[]> LoadOrCreateSharedAsync(ElectionDbContext db, Guid congressId, CancellationToken ct = default)
    {
        var name = HallSecret.BadgePrefix + congressId.ToString("N");
        var made = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
        // First one wins; a second server starting at the same moment reads the winner's key.
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"HallSecrets\" (\"Name\", \"Value\") VALUES ({name}, {made}) ON CONFLICT (\"Name\") DO NOTHING", ct);
        var stored = await db.HallSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstAsync(ct);
        var key = Convert.FromBase64String(stored);
        if (key.Length != KeyBytes)
        {
            throw new InvalidOperationException($"The badge-signing key {name} in the database holds {key.Length} bytes instead of {KeyBytes}: it is damaged.");
        }
        return key;
    }

    private static byte[] Read(string path)
    {
        var key = File.ReadAllBytes(path);
        if (key.Length != KeyBytes)
        {
            throw new InvalidOperationException(
                $"The badge-signing key file {path} holds {key.Length} bytes instead of {KeyBytes}: it is damaged. " +
                "Restore it from a backup. Deleting it makes a new key, and every badge printed so far will be refused.");
        }
        return key;
    }
}
