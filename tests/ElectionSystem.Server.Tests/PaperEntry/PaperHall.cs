using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Server.Tests.Elections;

namespace ElectionSystem.Server.Tests.PaperEntry;

/// <summary>The elections hall plus entry-operator accounts and delegates registered in bulk (no tablets).</summary>
public sealed class PaperHall : ElectionsHall
{
    /// <summary>A new entry-operator account, signed in.</summary>
    public async Task<HttpClient> OperatorAsync(string? userName = null)
    {
        var name = userName ?? Unique("nhap-phieu-");
        await WithDbAsync(async db =>
        {
            db.Accounts.Add(new Account
            {
                Id = Guid.NewGuid(), UserName = name, DisplayName = name, Role = Roles.EntryOperator,
                PasswordHash = PasswordHasher.Hash(TestPassword), CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(name, TestPassword));
        return client;
    }

    /// <summary>Official delegates checked in for the current session, voting on paper (no tablet sign-in).</summary>
    public async Task RegisterAsync(int count)
    {
        var session = await EnsureCurrentSessionAsync();
        await WithDbAsync(async db =>
        {
            var group = new Delegation { Id = Guid.NewGuid(), Name = Unique("Đoàn giấy "), SortOrder = 2 };
            db.Delegations.Add(group);
            for (var i = 0; i < count; i++)
            {
                var name = VietnameseText.Normalize($"Đại biểu {Unique("")}");
                var d = new CongressDelegate
                {
                    Id = Guid.NewGuid(), Code = Unique("P"), FullName = name, SearchKey = VietnameseText.FoldForSearch(name),
                    DelegationId = group.Id, Category = DelegateCategory.Official,
                };
                db.Delegates.Add(d);
                db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
            }
            await db.SaveChangesAsync();
        });
    }

    public static Task<HttpResponseMessage> StartAsync(HttpClient op, Guid roundId, int bundle, int station) =>
        op.PostAsJsonAsync($"/api/entry/rounds/{roundId}/bundles/{bundle}/start", new StartBundleRequest(station));

    public static Task<HttpResponseMessage> EnterAsync(HttpClient op, Guid roundId, int bundle, int index, string text) =>
        op.PutAsJsonAsync($"/api/entry/rounds/{roundId}/bundles/{bundle}/ballots/{index}", new EnterRequest(text));

    public static Task<HttpResponseMessage> FinishAsync(HttpClient op, Guid roundId, int bundle) =>
        op.PostAsync($"/api/entry/rounds/{roundId}/bundles/{bundle}/finish", null);

    public static Task<HttpResponseMessage> RuleAsync(HttpClient committee, Guid roundId, int bundle, int index, string text, string reason) =>
        committee.PostAsJsonAsync($"/api/paper/rounds/{roundId}/bundles/{bundle}/ballots/{index}/ruling", new ResolveRequest(text, reason));

    public async Task<PaperStatusDto> StatusAsync(Guid roundId) =>
        await OkAsync<PaperStatusDto>((await CounterAsync()).GetAsync($"/api/paper/rounds/{roundId}"));

    /// <summary>Ballot-order number (STT) → candidate id, from what a station is shown.</summary>
    public static async Task<Dictionary<int, string>> SttToIdAsync(HttpClient op, Guid roundId, ElectionDto election)
    {
        var rounds = await OkAsync<List<EntryRoundDto>>(op.GetAsync("/api/entry/rounds"));
        var byName = election.Candidates.ToDictionary(c => c.FullName, c => c.BallotId);
        return rounds.Single(r => r.RoundId == roundId).Names.ToDictionary(n => n.Stt, n => byName[n.FullName]);
    }

    public static async Task<string> ProblemAsync(Task<HttpResponseMessage> call, int status)
    {
        var r = await call;
        var body = await r.Content.ReadAsStringAsync();
        Assert.True((int)r.StatusCode == status, $"expected {status}, got {(int)r.StatusCode}: {body}");
        return body;
    }
}
