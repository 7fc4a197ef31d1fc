using System.Net.Http.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Infrastructure;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>
/// A committee member in a test, doing what their browser will do, in C# (ElectionSystem.Crypto):
/// a box key pair for crypto_box_seal, a dealing, the shares received and opened, x_j.
/// </summary>
public sealed class Trustee(string code, HttpClient client)
{
    public string Code { get; } = code;
    public HttpClient Client { get; } = client;
    public int Index { get; set; }
    public (byte[] PublicKey, byte[] SecretKey) Box { get; } = SealedBox.KeyPair();
    public Dealing? Dealing { get; set; }
    public Scalar Share { get; set; }
}

/// <summary>The key ceremony through the public API, each member from their own member session.</summary>
public static class Trustees
{
    /// <summary>The committee's <paramref name="n"/> members (fresh list), each signed in with their own code and PIN.</summary>
    public static async Task<List<Trustee>> SignInAsync(ElectionsHall hall, int n)
    {
        await hall.SetCommitteeAsync([.. Enumerable.Range(1, n).Select(i => ($"Thành viên Khóa {i}", i == 1))]);
        var list = new List<Trustee>();
        foreach (var code in hall.CommitteeCodes)
        {
            var client = hall.AnonymousClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", await hall.MemberTokenAsync(code));
            list.Add(new Trustee(code, client));
        }
        return list;
    }

    /// <summary>
    /// Runs a ceremony k of n: presidium starts it, every member posts a box key, deals (sealing each
    /// share to its recipient), opens and checks the shares sealed to them, and posts the dealers whose
    /// share failed. <paramref name="corrupt"/>(dealer, recipient) makes a dealer send a wrong share.
    /// </summary>
    public static async Task<CeremonyDto> CeremonyAsync(ElectionsHall hall, List<Trustee> members, int k, Func<int, int, bool>? corrupt = null,
        Func<Task>? beforeVerifying = null)
    {
        var presidium = await hall.PresidiumAsync();
        var started = await ElectionsHall.OkAsync<CeremonyDto>(presidium.PostAsJsonAsync("/api/ceremony", new StartCeremonyRequest(k)));
        Assert.Equal(CeremonyStates.Keys, started.State);
        foreach (var m in members)
        {
            var view = await ElectionsHall.OkAsync<CeremonyDto>(m.Client.PostAsJsonAsync("/api/ceremony/box-key", new BoxKeyRequest(Convert.ToHexStringLower(m.Box.PublicKey))));
            m.Index = view.You!.Value;
        }
        var ceremony = await ElectionsHall.OkAsync<CeremonyDto>(members[0].Client.GetAsync("/api/ceremony"));
        Assert.Equal(CeremonyStates.Dealing, ceremony.State);
        foreach (var m in members)
        {
            m.Dealing = ThresholdKey.Deal(m.Index, k);
            var shares = ceremony.Members.Select(r =>
            {
                var share = m.Dealing.ShareFor(r.Index);
                if (corrupt?.Invoke(m.Index, r.Index) == true) share += Scalar.One;
                return new SealedShare(r.Index, Convert.ToBase64String(SealedBox.Seal(share.ToBytes(), Convert.FromHexString(r.BoxKey!))));
            }).ToList();
            await ElectionsHall.OkAsync<CeremonyDto>(m.Client.PostAsJsonAsync("/api/ceremony/dealing",
                new DealingRequest([.. m.Dealing.Commitments.Select(Group.EncodeElement)], shares)));
        }
        if (beforeVerifying is not null) await beforeVerifying();
        CeremonyDto last = null!;
        foreach (var m in members)
        {
            var mine = await ElectionsHall.OkAsync<SharesForMemberDto>(m.Client.GetAsync("/api/ceremony/shares"));
            Assert.Equal(m.Index, mine.You);
            var complaints = new List<int>();
            var received = new List<Scalar>();
            foreach (var s in mine.Shares)
            {
                var opened = SealedBox.Open(Convert.FromBase64String(s.Sealed), m.Box.PublicKey, m.Box.SecretKey);
                Assert.NotNull(opened);
                var share = Scalar.FromCanonical(opened);
                if (!ThresholdKey.VerifyShare([.. s.Commitments.Select(Group.DecodeElement)], k, m.Index, share)) complaints.Add(s.From);
                received.Add(share);
            }
            m.Share = ThresholdKey.CombineShares(received);
            var response = await m.Client.PostAsJsonAsync("/api/ceremony/verification", new VerificationRequest(complaints));
            if (!response.IsSuccessStatusCode)
            {
                // After a complaint has failed the ceremony the others are refused: nothing more to do.
                Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
                break;
            }
            last = (await response.Content.ReadFromJsonAsync<CeremonyDto>(ElectionsHall.Json))!;
        }
        return last;
    }
}
