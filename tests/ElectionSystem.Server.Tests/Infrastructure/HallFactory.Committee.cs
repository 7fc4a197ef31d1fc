using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Infrastructure;

/// <summary>
/// The counting committee of a test hall (ADR 0010): delegates on the committee's list, signed in
/// at /committee with their own code, PIN and committee passphrase (already activated: the
/// activation by the presidium is tested in Security/CommitteeCredentialTests). They confirm results and approve what the organiser
/// or a desk asks for during the congress.
/// </summary>
public partial class HallFactory
{
    /// <summary>Every committee member's PIN in tests.</summary>
    public const string MemberPin = "246813";
    private static readonly Lazy<string> MemberPinHash = new(() => PinHasher.Hash(MemberPin));

    /// <summary>Every test committee member's own committee passphrase (set as if they had activated).</summary>
    public const string MemberPassphrase = "mật khẩu riêng của thành viên";
    private static readonly Lazy<string> MemberPassphraseHash = new(() => PasswordHasher.Hash(MemberPassphrase));

    private readonly object _committeeLock = new();
    private Task<(string First, string Second)>? _counters;

    /// <summary>The first member of the counting committee, signed in with their own code and PIN (ADR 0010).</summary>
    public async Task<HttpClient> CounterAsync() => Bearer((await CountersAsync()).First);

    /// <summary>A second, different member of the committee, signed in the same way.</summary>
    public async Task<HttpClient> SecondCounterAsync() => Bearer((await CountersAsync()).Second);

    private HttpClient Bearer(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<(string First, string Second)> CountersAsync()
    {
        lock (_committeeLock)
        {
            return _counters ??= ElectAndSignInAsync([("Kiểm phiếu Một", true), ("Kiểm phiếu Hai", false)]);
        }
    }

    /// <summary>
    /// Makes the counting committee: one delegate per name (alternates not summoned, so Base and
    /// attendance do not move), recorded as the committee straight in the database (the open vote
    /// that elects it is the presidium's API, tested in Security/SeparationOfDutiesTests); the first
    /// two members become <see cref="CounterAsync"/> and <see cref="SecondCounterAsync"/>.
    /// </summary>
    public Task SetCommitteeAsync(params (string FullName, bool IsChair)[] members)
    {
        lock (_committeeLock)
        {
            _counters = ElectAndSignInAsync(members);
            return _counters;
        }
    }

    /// <summary>The committee members' delegate codes, in the order given to <see cref="SetCommitteeAsync"/>.</summary>
    public IReadOnlyList<string> CommitteeCodes { get; private set; } = [];

    private async Task<(string First, string Second)> ElectAndSignInAsync((string FullName, bool IsChair)[] members)
    {
        var codes = await WithDbAsync(async db =>
        {
            db.RemoveRange(await db.Set<CountingCommitteeMember>().ToListAsync());
            var group = new Delegation { Id = Guid.NewGuid(), Name = Unique("Ban Kiểm phiếu "), SortOrder = 99 };
            db.Delegations.Add(group);
            var list = new List<string>();
            var order = 0;
            foreach (var (fullName, isChair) in members.OrderByDescending(m => m.IsChair))
            {
                var name = VietnameseText.Normalize(fullName);
                var d = new CongressDelegate
                {
                    Id = Guid.NewGuid(), Code = Unique("KP"), FullName = name, SearchKey = VietnameseText.FoldForSearch(name),
                    DelegationId = group.Id, Category = DelegateCategory.Alternate,
                };
                db.Delegates.Add(d);
                db.DelegateCredentials.Add(new DelegateCredential { DelegateId = d.Id, PinHash = MemberPinHash.Value });
                db.Add(new CountingCommitteeMember
                {
                    Id = Guid.NewGuid(), Order = order++, FullName = name, IsChair = isChair, DelegateId = d.Id,
                    PassphraseHash = MemberPassphraseHash.Value,
                });
                list.Add(d.Code);
            }
            await db.SaveChangesAsync();
            return list;
        });
        // Written past the API: the former list's cached stamps go, as the presidium's PUT does.
        Services.GetRequiredService<CommitteeSessions>().AllEnded();
        CommitteeCodes = codes;
        return (await MemberTokenAsync(codes[0]), await MemberTokenAsync(codes[1]));
    }

    /// <summary>A committee member's sign-in at /committee with code, PIN and their committee passphrase.</summary>
    public async Task<string> MemberTokenAsync(string code, string pin = MemberPin, string passphrase = MemberPassphrase)
    {
        using var anon = AnonymousClient();
        var response = await anon.PostAsJsonAsync("/api/committee/signin", new CommitteeSignInRequest(null, code, pin, passphrase));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ElectionSystem.Server.Features.Duties.CommitteeSignInResponse>())!.AccessToken;
    }

    /// <summary>The desk scans the delegate's badge (check-in staff; no approval needed with the badge).</summary>
    public async Task ScanInAsync(CongressDelegate d)
    {
        using var desk = await ClientAsync(Roles.CheckInStaff);
        var token = Services.GetRequiredService<ElectionSystem.Server.Features.Badges.BadgeSigning>().Tokens.Issue(d.Code, d.BadgeVersion);
        var response = await desk.PostAsJsonAsync("/api/checkin/scan", new ElectionSystem.Server.Features.CheckIn.ScanRequest(token));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An action answered 202 (held for a member): a member approves it; returns the decided request.</summary>
    public async Task<DutyResultDto> ApproveAsync(HttpResponseMessage pending, HttpClient? member = null)
    {
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        var held = (await pending.Content.ReadFromJsonAsync<PendingDuty>())!;
        return await ApproveAsync(held.RequestId, member);
    }

    /// <summary>A member (the first, unless given) approves the request.</summary>
    public async Task<DutyResultDto> ApproveAsync(Guid requestId, HttpClient? member = null)
    {
        member ??= await CounterAsync();
        var response = await member.PostAsync(new Uri($"/api/duties/{requestId}/approve", UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DutyResultDto>())!;
    }
}
