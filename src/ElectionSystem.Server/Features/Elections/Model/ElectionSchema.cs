namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The two tables EF Core cannot describe: ballots and receipts are WITHOUT ROWID tables clustered on
/// their round and random key (ADR 0001), created by the hand-written migrations <c>BallotsWithoutRowid</c>
/// and <c>BallotsClusteredByRound</c>.
/// Their entities are mapped with ExcludeFromMigrations; the ballot writer inserts into them by name.
/// </summary>
public static class ElectionSchema
{
    public const string BallotsTable = "Ballots";
    public const string ReceiptsTable = "Receipts";
}
