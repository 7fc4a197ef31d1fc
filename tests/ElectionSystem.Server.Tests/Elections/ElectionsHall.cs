using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using CreateOpenVoteRequest = ElectionSystem.Server.Features.OpenVotes.CreateOpenVoteRequest;
using OpenVoteSummary = ElectionSystem.Server.Features.OpenVotes.OpenVoteSummary;
using ShowOfHandsRequest = ElectionSystem.Server.Features.OpenVotes.ShowOfHandsRequest;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>A delegate seated in the hall: checked in, signed in on a tablet.</summary>
public sealed record SeatedDelegate(CongressDelegate Delegate, string Token, HttpClient Tablet);

/// <summary>
/// The hall for secret elections: delegates made in bulk (one PIN hash for all), checked in and
/// signed in on tablets over HTTP; two counting-committee accounts; helpers for the election API.
/// </summary>
public class ElectionsHall : HallFactory
{
    public const string Pin = "135790";
    private static readonly Lazy<string> PinHash = new(() => PinHasher.Hash(Pin));
    public Task<HttpClient> PresidiumAsync() => ClientAsync(Roles.Presidium);

    /// <summary>Makes <paramref name="count"/> official delegates, checks them in and signs each in on a tablet.</summary>
    public async Task<List<SeatedDelegate>> SeatAsync(int count, string namePrefix = "Đại biểu")
    {
        var session = await EnsureCurrentSessionAsync();
        var made = await WithDbAsync(async db =>
        {
            var group = new Delegation { Id = Guid.NewGuid(), Name = Unique("Đoàn "), SortOrder = 1 };
            db.Delegations.Add(group);
            var list = new List<CongressDelegate>();
            for (var i = 0; i < count; i++)
            {
                var name = VietnameseText.Normalize($"{namePrefix} {Unique("")}");
                var d = new CongressDelegate
                {
                    Id = Guid.NewGuid(), Code = Unique("E"), FullName = name, SearchKey = VietnameseText.FoldForSearch(name),
                    DelegationId = group.Id, Category = DelegateCategory.Official,
                };
                list.Add(d);
                db.Delegates.Add(d);
                db.DelegateCredentials.Add(new DelegateCredential { DelegateId = d.Id, PinHash = PinHash.Value });
                db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
            }
            await db.SaveChangesAsync();
            return list;
        });
        var seated = new SeatedDelegate[made.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, made.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var anon = AnonymousClient();
            var response = await anon.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, made[i].Code, Pin), ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
            var token = (await response.Content.ReadFromJsonAsync<TabletSignInResponse>(ct))!.AccessToken;
            var tablet = AnonymousClient();
            tablet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            seated[i] = new SeatedDelegate(made[i], token, tablet);
        });
        return [.. seated];
    }

    public static async Task<T> OkAsync<T>(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Creates an election with its list and returns it.</summary>
    public async Task<ElectionDto> ElectionAsync(string kind, string title, int seats, IEnumerable<string> names, int alternates = 0, string? seatsSetBy = null)
    {
        var presidium = await PresidiumAsync();
        var e = await OkAsync<ElectionDto>(presidium.PostAsJsonAsync("/api/elections", new CreateElectionRequest(kind, title, seats, alternates, seatsSetBy)));
        foreach (var n in names)
        {
            e = await OkAsync<ElectionDto>(presidium.PostAsJsonAsync($"/api/elections/{e.Id}/candidates", new AddCandidateRequest(n)));
        }
        return e;
    }

    /// <summary>
    /// A decision of the congress: an open vote whose show-of-hands result the presidium types in,
    /// with <paramref name="votesFor"/> for (at most Base) and the rest of those present against; a show of hands
    /// counts only those present, so enough of the registered delegates are checked in first.
    /// </summary>
    public async Task<Guid> DecisionAsync(string title, int votesFor)
    {
        var presidium = await PresidiumAsync();
        var vote = await OkAsync<OpenVoteSummary>(presidium.PostAsJsonAsync("/api/openvotes", new CreateOpenVoteRequest(title, null, false)));
        var attendance = await OkAsync<System.Text.Json.JsonElement>(presidium.GetAsync("/api/attendance"));
        var baseValue = attendance.GetProperty("baseValue").GetInt32();
        votesFor = Math.Min(votesFor, baseValue);
        var present = await PresentAtLeastAsync(votesFor);
        await OkAsync<OpenVoteSummary>(presidium.PostAsJsonAsync($"/api/openvotes/{vote.Id}/show-of-hands",
            new ShowOfHandsRequest(votesFor, present - votesFor, 0)));
        return vote.Id;
    }

    /// <summary>Checks in registered officials not yet present until at least <paramref name="count"/> are; returns those present.</summary>
    public async Task<int> PresentAtLeastAsync(int count)
    {
        var session = await EnsureCurrentSessionAsync();
        await WithDbAsync(async db =>
        {
            var present = await db.CheckIns.Where(c => c.SessionId == session).Select(c => c.DelegateId).Distinct().ToListAsync();
            var missing = count - present.Count;
            if (missing > 0)
            {
                var more = await db.Delegates.Where(d => d.Category == DelegateCategory.Official && !d.AbsentWholeCongress && !present.Contains(d.Id))
                    .Select(d => d.Id).Take(missing).ToListAsync();
                foreach (var id in more) db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session, DelegateId = id, At = DateTime.UtcNow, By = "test" });
                await db.SaveChangesAsync();
            }
        });
        var attendance = await OkAsync<System.Text.Json.JsonElement>((await PresidiumAsync()).GetAsync("/api/attendance"));
        return attendance.GetProperty("present").GetInt32();
    }

    /// <summary>Creates the next round the rule book gives and opens it.</summary>
    public async Task<RoundSummaryDto> OpenNextRoundAsync(Guid electionId, Guid? decidingVoteId = null)
    {
        var presidium = await PresidiumAsync();
        var round = await OkAsync<RoundSummaryDto>(presidium.PostAsJsonAsync($"/api/elections/{electionId}/rounds", new CreateRoundRequest(decidingVoteId)));
        return await OkAsync<RoundSummaryDto>(presidium.PostAsync($"/api/elections/rounds/{round.Id}/open", null));
    }

    public static Task<HttpResponseMessage> CastAsync(HttpClient tablet, Guid roundId, string key, IReadOnlyList<string>? struck,
        IReadOnlyDictionary<string, string>? marks = null, string? acceptInvalid = null) =>
        tablet.PostAsJsonAsync($"/api/elections/rounds/{roundId}/ballot", new CastRequest(key, struck, marks, acceptInvalid));

    public static string NewKey() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Close, confirm by two members, announce: the committee's whole workflow.</summary>
    public async Task<ResultsAnnounced> CountAndAnnounceAsync(Guid roundId, string order = "ballot")
    {
        var first = await CounterAsync();
        var second = await SecondCounterAsync();
        await OkAsync<CommitteeRoundDto>(first.PostAsync($"/api/committee/rounds/{roundId}/close", null));
        await OkAsync<CommitteeRoundDto>(first.PostAsync($"/api/committee/rounds/{roundId}/confirm", null));
        await OkAsync<CommitteeRoundDto>(second.PostAsync($"/api/committee/rounds/{roundId}/confirm", null));
        return await OkAsync<ResultsAnnounced>(first.PostAsJsonAsync($"/api/committee/rounds/{roundId}/announce", new AnnounceRequest(order)));
    }

    public Task<T> DbAsync<T>(Func<ElectionDbContext, Task<T>> f) => WithDbAsync(f);

    public static Task<int> CountAsync<TEntity>(ElectionDbContext db) where TEntity : class => db.Set<TEntity>().CountAsync();
}
