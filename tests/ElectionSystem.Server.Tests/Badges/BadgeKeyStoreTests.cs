// The badge-signing key store: one key per congress, made once, kept owner-only, never silently
// replaced when damaged.
using ElectionSystem.Server.Features.Badges;

namespace ElectionSystem.Server.Tests.Badges;

public sealed class BadgeKeyStoreTests : IDisposable
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "es-badge-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    [Fact]
    public void Key_is_created_once_and_the_same_key_is_returned_later()
    {
        var congress = Guid.NewGuid();

        var first = BadgeKeyStore.LoadOrCreate(dataFolder, congress);
        var path = Path.Combine(dataFolder, "keys", $"badge-{congress:N}.key");
        var writtenAt = File.GetLastWriteTimeUtc(path);
        var second = BadgeKeyStore.LoadOrCreate(dataFolder, congress);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(path));
        Assert.Single(Directory.GetFiles(Path.Combine(dataFolder, "keys")));
    }

    [Fact]
    public void Key_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            // The hall server runs on Linux; on Windows this test has nothing to check and says so by failing.
            throw new PlatformNotSupportedException("Unix file modes are checked on Linux only.");
        }
        var congress = Guid.NewGuid();

        BadgeKeyStore.LoadOrCreate(dataFolder, congress);

        var path = Path.Combine(dataFolder, "keys", $"badge-{congress:N}.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(Path.Combine(dataFolder, "keys")) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite));
    }

    [Fact]
    public void Each_congress_has_its_own_key()
    {
        var a = BadgeKeyStore.LoadOrCreate(dataFolder, Guid.NewGuid());
        var b = BadgeKeyStore.LoadOrCreate(dataFolder, Guid.NewGuid());

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Simultaneous_first_runs_agree_on_one_key()
    {
        var congress = Guid.NewGuid();
        var keys = new byte[16][];

        Parallel.For(0, keys.Length, i => keys[i] = BadgeKeyStore.LoadOrCreate(dataFolder, congress));

        Assert.All(keys, k => Assert.Equal(keys[0], k));
        Assert.Equal(keys[0], File.ReadAllBytes(Path.Combine(dataFolder, "keys", $"badge-{congress:N}.key")));
        Assert.Single(Directory.GetFiles(Path.Combine(dataFolder, "keys")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Damaged_key_file_is_an_error_naming_the_file_and_is_kept(int length)
    {
        var congress = Guid.NewGuid();
        var path = Path.Combine(dataFolder, "keys", $"badge-{congress:N}.key");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[length]);

        var error = Assert.Throws<InvalidOperationException>(() => BadgeKeyStore.LoadOrCreate(dataFolder, congress));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(path).Length);
    }
}
