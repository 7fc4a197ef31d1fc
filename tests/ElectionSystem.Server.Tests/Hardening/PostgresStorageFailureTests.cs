using System.Text;
using ElectionSystem.Server.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ElectionSystem.Server.Tests.Hardening;

/// <summary>
/// PostgreSQL's counterpart of DiskFullTests and DamagedBallotsTests' answers (those fill a tmpfs
/// and damage a page of the SQLite file; ADR 0011): the server's SQLSTATEs reach the same
/// Vietnamese ProblemDetails — 53100 disk_full is the 507, XX001/XX002 the 503 — whatever EF
/// wraps them in, and a constraint or connection failure is neither.
/// </summary>
public class PostgresStorageFailureTests
{
    private static PostgresException Postgres(string sqlState) => new("test", "ERROR", "ERROR", sqlState);

    private static async Task<(int Status, string Body)> HandleAsync(Exception failure)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails();
        services.AddSingleton<StorageFailureHandler>();
        await using var provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Response.Body = new MemoryStream();
        var handled = await provider.GetRequiredService<StorageFailureHandler>().TryHandleAsync(context, failure, default);
        Assert.True(handled);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Fact]
    public async Task A_full_disk_on_the_database_server_is_the_vietnamese_507()
    {
        var failure = new DbUpdateException("An error occurred while saving the entity changes.", Postgres(PostgresSetup.DiskFull));

        var (status, body) = await HandleAsync(failure);

        Assert.Equal(StatusCodes.Status507InsufficientStorage, status);
        Assert.Contains(StorageFailure.DiskFullTitle, body, StringComparison.Ordinal);
        Assert.Contains(StorageFailure.DiskFullDetail, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PostgresSetup.DataCorrupted)]
    [InlineData(PostgresSetup.IndexCorrupted)]
    public async Task A_damaged_table_or_index_is_the_vietnamese_503(string sqlState)
    {
        var (status, body) = await HandleAsync(new InvalidOperationException("wrapped", Postgres(sqlState)));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Contains(StorageFailure.DamagedTitle, body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unique_violation_is_a_duplicate_and_a_refused_connection_is_unreachable_neither_is_storage()
    {
        var duplicate = new DbUpdateException("dup", Postgres(PostgresSetup.UniqueViolation));
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432");

        Assert.True(StorageFailure.IsDuplicate(duplicate));
        Assert.False(StorageFailure.IsStorage(duplicate));
        Assert.True(StorageFailure.IsUnreachable(refused));
        Assert.False(StorageFailure.IsStorage(refused));
        Assert.False(StorageFailure.IsUnreachable(Postgres(PostgresSetup.DiskFull)));
    }
}
