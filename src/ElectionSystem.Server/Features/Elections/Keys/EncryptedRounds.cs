using System.Globalization;
using System.Text.Json;
using ElectionSystem.Board;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using WireBallot = ElectionSystem.Crypto.BallotJson;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>What checking and casting a ballot of an encrypted round needs: its context, the joint key, the Domain's shape.</summary>
public sealed record RoundKey(ProofContext Context, Element PublicKey, BallotShape Shape, RoundEncryption View);

/// <summary>A closed encrypted round's totals: the product of every ballot's row and option ciphertexts.</summary>
public sealed record EncryptedTotals(IReadOnlyList<Ciphertext> Rows, IReadOnlyList<Ciphertext> Options, int Ballots);

/// <summary>
/// The encrypted side of a round's life (issue 14): marked at opening when a ceremony is ready (the
/// transition rule: a round opened without a ready ceremony keeps the plaintext path), its key for
/// the tablet and the cast, its totals at close, and the members' partial decryptions.
/// Called inside the round's transition (the gate held); the caller saves.
/// </summary>
public sealed class EncryptedRounds(ElectionDbContext db, HallClock clock)
{
    /// <summary>How an encrypted ballot is stored in Ballots (Id = its tracker, Content = its wire JSON).</summary>
    public const string Source = "encrypted";

    /// <summary>How partial decryptions are stored (the request's own JSON, camelCase).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ElectionDbContext Db => db;

    /// <summary>At opening: encrypt the round when the current ceremony is ready, fixing its proof context. True when encrypted.</summary>
    public async Task<bool> MarkAtOpeningAsync(ElectionRoundRow round, CancellationToken ct)
    {
        if (await KeyCeremonies.CurrentAsync(db, ct) is not { State: CeremonyStates.Ready } ceremony) return false;
        var congress = await db.Congresses.AsNoTracking().Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        string[] context = [(congress ?? Guid.Empty).ToString(), round.ElectionId.ToString(), "round", round.Number.ToString(CultureInfo.InvariantCulture)];
        db.Add(new EncryptedRound { RoundId = round.Id, CeremonyId = ceremony.Id, Context = JsonSerializer.Serialize(context) });
        return true;
    }

    public Task<EncryptedRound?> OfAsync(Guid roundId, CancellationToken ct) =>
        db.Set<EncryptedRound>().FirstOrDefaultAsync(r => r.RoundId == roundId, ct);

    /// <summary>The key of an encrypted round (null for a plaintext one), for the tablet's view and the cast.</summary>
    public async Task<RoundKey?> KeyAsync(Guid roundId, ElectionRound ballotRound, CancellationToken ct)
    {
        var row = await db.Set<EncryptedRound>().AsNoTracking().FirstOrDefaultAsync(r => r.RoundId == roundId, ct);
        if (row is null) return null;
        var pk = await db.Set<KeyCeremony>().AsNoTracking().Where(c => c.Id == row.CeremonyId).Select(c => c.PublicKey).FirstAsync(ct);
        var context = KeyCeremonies.Strings(row.Context);
        var layout = BallotLayout.Of(ballotRound);
        var shape = new BallotShape(layout.Rows.Count, layout.Options.Count, layout.Weight, layout.Lo, layout.Hi);
        var view = new RoundEncryption(context, pk!, new BallotShapeDto(shape.Rows, shape.Options, shape.Weight, shape.Lo, shape.Hi), layout.Describe());
        return new RoundKey(ProofContext.Of([.. context]), Group.DecodeElement(pk!), shape, view);
    }

    /// <summary>Ballots parsed and multiplied in at a time at the close: enough to use every core, few enough not to hold a round's ballots at once.</summary>
    internal const int CloseChunk = 128;

    /// <summary>
    /// At close of an encrypted round: multiply every stored ballot's ciphertexts, row by row and option by option
    /// (<see cref="BoardTally.Running"/>, the verifier's own sum), and keep the totals. The stored ballots are read
    /// as a stream and parsed <see cref="CloseChunk"/> at a time: 1,600 60-name ballots are ≈ 100 MB as strings
    /// and as many again parsed, which the close held all at once before (the RSS peak of the encrypted load).
    /// </summary>
    public async Task<EncryptedTotals?> TotalsAtCloseAsync(ElectionRoundRow round, CancellationToken ct)
    {
        var row = await OfAsync(round.Id, ct);
        if (row is null) return null;
        BoardTally.Running? running = null;
        var chunk = new List<EncryptedBallot>(CloseChunk);
        void Flush()
        {
            if (chunk.Count == 0) return;
            running ??= new BoardTally.Running(chunk[0].Rows.Count, chunk[0].Options.Count);
            running.Add(chunk);
            chunk.Clear();
        }
        var contents = db.Set<StoredBallot>().AsNoTracking().Where(b => b.RoundId == round.Id && b.Source == Source).Select(b => b.Content);
        await foreach (var content in contents.AsAsyncEnumerable().WithCancellation(ct))
        {
            chunk.Add(WireBallot.Parse(content));
            if (chunk.Count == CloseChunk) Flush();
        }
        Flush();
        var totals = running?.Totals() is { } sums
            ? new EncryptedTotals(sums.Rows, sums.Options, running.Ballots)
            : new EncryptedTotals([], [], 0);
        row.Totals = WriteTotals(totals);
        return totals;
    }

    public static string WriteTotals(EncryptedTotals t) => JsonSerializer.Serialize(new
    {
        ballots = t.Ballots,
        rows = t.Rows.Select(Pair),
        options = t.Options.Select(Pair),
    });

    public static EncryptedTotals ReadTotals(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        static List<Ciphertext> Read(JsonElement list) => [.. list.EnumerateArray().Select(e =>
            new Ciphertext(Group.DecodeElement(e.GetProperty("a").GetString()!), Group.DecodeElement(e.GetProperty("b").GetString()!)))];
        return new EncryptedTotals(Read(root.GetProperty("rows")), Read(root.GetProperty("options")), root.GetProperty("ballots").GetInt32());
    }

    /// <summary>The context of member j's partial decryption of a total: round…, "tally", "row"|"option", i, "trustee", j.</summary>
    public static ProofContext PartialContext(IReadOnlyList<string> round, string kind, int entry, int trustee) =>
        ProofContext.Of([.. round]).With("tally", kind, entry.ToString(CultureInfo.InvariantCulture), "trustee", trustee.ToString(CultureInfo.InvariantCulture));

    public Task<CeremonyMember?> CeremonyMemberAsync(Guid ceremonyId, Guid delegateId, CancellationToken ct) =>
        db.Set<CeremonyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.CeremonyId == ceremonyId && m.DelegateId == delegateId, ct);

    public Task<List<PartialDecryptionRow>> PartialsAsync(Guid roundId, CancellationToken ct) =>
        db.Set<PartialDecryptionRow>().AsNoTracking().Where(p => p.RoundId == roundId).OrderBy(p => p.Index).ToListAsync(ct);

    public void AddPartial(Guid roundId, int index, string json) =>
        db.Add(new PartialDecryptionRow { RoundId = roundId, Index = index, Json = json, PostedAt = clock.UtcNow });

    public void Decrypted(EncryptedRound row) => row.DecryptedAt = clock.UtcNow;

    private static object Pair(Ciphertext c) => new { a = Group.EncodeElement(c.A), b = Group.EncodeElement(c.B) };
}
