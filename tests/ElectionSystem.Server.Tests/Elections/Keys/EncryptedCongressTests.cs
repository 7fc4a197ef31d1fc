using System.Diagnostics;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Features.Elections;
using Xunit.Abstractions;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>
/// Issue 14, "Done means" (hall test): a congress's elections with every tablet ballot encrypted,
/// through the public API. A 3-of-5 key ceremony; 300 delegates elect the executive committee, whose
/// round 1 ends in a tie at the cut-off and whose tie-break round (planned by the server) fills the
/// seat; the delegation's officials, then its alternates. Every announced result is the Domain's count
/// of the plaintexts the test chose and the verifier's count of the exported board; the minutes and
/// the .docx of the encrypted rounds still render with the elected names.
/// </summary>
public class EncryptedCongressTests(ElectionsHall hall, ITestOutputHelper output) : IClassFixture<ElectionsHall>
{
    private const int Delegates = 300;

    [Fact]
    public async Task A_congress_of_300_elects_with_encrypted_ballots_through_a_tie_break_and_a_delegation_with_alternates()
    {
        var clock = Stopwatch.StartNew();
        var members = await Trustees.SignInAsync(hall, 5);
        Assert.Equal(CeremonyStates.Ready, (await Trustees.CeremonyAsync(hall, members, 3)).State);
        var seated = await hall.SeatAsync(Delegates);
        output.WriteLine($"ceremony and 300 seated: {clock.Elapsed.TotalSeconds:F1} s");

        // --- executive committee: 9 seats, 11 names -------------------------------------------
        string[] committee =
        [
            "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
            "Đặng Văn Hùng", "Bùi Thị Hương", "Đỗ Văn Khoa", "Ngô Thị Lan", "Dương Văn Long",
        ];
        var exec = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành khóa mới (phiếu mã hóa)", 9, committee,
            seatsSetBy: "Biểu quyết số 5: số lượng Ban Chấp hành");
        var r1 = await hall.OpenNextRoundAsync(exec.Id);
        var (view1, layout1) = await EncryptedCasting.OpenAsync(seated[0], r1.Id, ElectionKind.ExecutiveCommittee);
        Assert.Equal(committee.Length, layout1.Rows.Count);
        string Id(string name) => view1.Names.Single(n => n.FullName == name).Id;
        // c9 (Khoa) and c10 (Lan) both kept by 196 of 294 valid ballots: a tie at the ninth seat. 3 ballots
        // keep all 11 (over the seats), 2 strike everyone, 1 delegate does not vote.
        var ballots1 = await EncryptedCasting.VoteAsync(seated, r1.Id, view1, layout1, i => i switch
        {
            < 98 => Struck(Id("Dương Văn Long"), Id("Đỗ Văn Khoa")),
            < 196 => Struck(Id("Dương Văn Long"), Id("Ngô Thị Lan")),
            < 292 => Struck(Id("Dương Văn Long"), Id(committee[(i - 196) / 24])),
            < 294 => Struck(Id("Dương Văn Long"), Id("Hoàng Văn Em")),
            < 297 => Struck(),
            < 299 => Struck([.. committee.Select(Id)]),
            _ => null,
        });
        output.WriteLine($"round 1 cast (299 encrypted): {clock.Elapsed.TotalSeconds:F1} s");
        await EncryptedCasting.CloseAndDecryptAsync(r1.Id, [members[0], members[1], members[2]]);
        var round1 = await EncryptedCasting.AnnounceAndVerifyAsync(members[0], seated[1], r1.Id, ElectionKind.ExecutiveCommittee, view1, ballots1);
        Assert.Equal((300, 300, 299, 294, 5), (round1.Base, round1.Issued, round1.Collected, round1.Valid, round1.Invalid));
        Assert.Equal(8, round1.Elected.Count);
        Assert.Equal(["Ngô Thị Lan", "Đỗ Văn Khoa"], round1.TiedNames.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(1, round1.TieSeats);
        await MinutesNameAsync(members[0], r1.Id, round1);
        output.WriteLine($"round 1 decrypted, announced, verified: {clock.Elapsed.TotalSeconds:F1} s");

        // --- the tie-break round the server plans: exactly the tied, for the seat left ----------
        var step = await ElectionsHall.OkAsync<NextStepDto>((await hall.PresidiumAsync()).GetAsync($"/api/elections/{exec.Id}/next-step"));
        Assert.Equal(("tie-break", 1), (step.Step, step.Seats));
        var r2 = await hall.OpenNextRoundAsync(exec.Id);
        Assert.Equal(RoundPurposes.TieBreak, r2.Purpose);
        var (view2, layout2) = await EncryptedCasting.OpenAsync(seated[0], r2.Id, ElectionKind.ExecutiveCommittee);
        Assert.Equal(new[] { Id("Ngô Thị Lan"), Id("Đỗ Văn Khoa") }.Order(StringComparer.Ordinal), layout2.Rows.Order(StringComparer.Ordinal));
        var ballots2 = await EncryptedCasting.VoteAsync(seated, r2.Id, view2, layout2, i => i switch
        {
            < 170 => Struck(Id("Ngô Thị Lan")),
            < 295 => Struck(Id("Đỗ Văn Khoa")),
            _ => Struck(Id("Đỗ Văn Khoa"), Id("Ngô Thị Lan")),
        });
        await EncryptedCasting.CloseAndDecryptAsync(r2.Id, [members[2], members[3], members[4]]);
        var round2 = await EncryptedCasting.AnnounceAndVerifyAsync(members[2], seated[2], r2.Id, ElectionKind.ExecutiveCommittee, view2, ballots2);
        Assert.Equal(("Đỗ Văn Khoa", 170), (Assert.Single(round2.Elected).FullName, round2.Elected[0].Votes));
        Assert.Null(round2.TieStatementVi);
        await MinutesNameAsync(members[2], r2.Id, round2);
        Assert.Equal("none", (await ElectionsHall.OkAsync<NextStepDto>((await hall.PresidiumAsync()).GetAsync($"/api/elections/{exec.Id}/next-step"))).Step);
        var everyone = committee.Except(["Ngô Thị Lan", "Dương Văn Long"]).ToList();
        var outcome = MinutesText.Lines(await members[0].Client.GetByteArrayAsync($"/api/minutes/elections/{exec.Id}/outcome.docx"));
        foreach (var name in everyone) Assert.Contains(name, outcome);
        var page = System.Net.WebUtility.HtmlDecode(await members[0].Client.GetStringAsync($"/minutes/elections/{exec.Id}/outcome"));
        foreach (var name in everyone) Assert.Contains(name, page, StringComparison.Ordinal);
        output.WriteLine($"tie-break done: {clock.Elapsed.TotalSeconds:F1} s");

        // --- delegation: 3 officials, then 2 alternates from those not elected ------------------
        string[] delegation = ["Lý Văn Phúc", "Mai Thị Quỳnh", "Tạ Văn Sơn", "Hà Thị Thu", "Kiều Văn Uy", "Lâm Thị Vân", "Châu Văn Xuân"];
        var del = await hall.ElectionAsync(ElectionKinds.Delegation, "Bầu đoàn đại biểu dự Đại hội cấp trên (phiếu mã hóa)", 3, delegation, alternates: 2);
        var r3 = await hall.OpenNextRoundAsync(del.Id);
        Assert.Equal("delegation-official", r3.Kind);
        var (view3, layout3) = await EncryptedCasting.OpenAsync(seated[0], r3.Id, ElectionKind.DelegationOfficial);
        string DelId(string name) => view3.Names.Single(n => n.FullName == name).Id;
        var ballots3 = await EncryptedCasting.VoteAsync(seated, r3.Id, view3, layout3, i => i < 250
            ? Struck([.. delegation[3..].Select(DelId)])
            : Struck([.. delegation[2..].Where(n => n != "Hà Thị Thu").Select(DelId)]));
        await EncryptedCasting.CloseAndDecryptAsync(r3.Id, [members[0], members[2], members[4]]);
        var round3 = await EncryptedCasting.AnnounceAndVerifyAsync(members[4], seated[3], r3.Id, ElectionKind.DelegationOfficial, view3, ballots3);
        Assert.Equal(delegation[..3], round3.Elected.Select(e => e.FullName).ToList());
        await MinutesNameAsync(members[4], r3.Id, round3);

        step = await ElectionsHall.OkAsync<NextStepDto>((await hall.PresidiumAsync()).GetAsync($"/api/elections/{del.Id}/next-step"));
        Assert.Equal(("alternates", 2), (step.Step, step.Seats));
        var r4 = await hall.OpenNextRoundAsync(del.Id);
        Assert.Equal("delegation-alternate", r4.Kind);
        var (view4, layout4) = await EncryptedCasting.OpenAsync(seated[0], r4.Id, ElectionKind.DelegationAlternate);
        Assert.Equal(delegation[3..].Select(DelId).Order(), layout4.Rows.Order());
        var ballots4 = await EncryptedCasting.VoteAsync(seated, r4.Id, view4, layout4, i => i < 200
            ? Struck(DelId("Lâm Thị Vân"), DelId("Châu Văn Xuân"))
            : Struck(DelId("Hà Thị Thu"), DelId("Kiều Văn Uy")));
        await EncryptedCasting.CloseAndDecryptAsync(r4.Id, [members[1], members[3], members[4]]);
        var round4 = await EncryptedCasting.AnnounceAndVerifyAsync(members[1], seated[4], r4.Id, ElectionKind.DelegationAlternate, view4, ballots4, order: "votes");
        Assert.Equal(["Hà Thị Thu", "Kiều Văn Uy"], round4.Elected.Select(e => e.FullName).ToList());
        await MinutesNameAsync(members[1], r4.Id, round4);
        output.WriteLine($"whole congress: {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static BallotContent Struck(params string[] ids) => new BallotContent.Struck(ids);

    /// <summary>The round's .docx minutes render from the decrypted count and name everyone elected, with their votes.</summary>
    private static async Task MinutesNameAsync(Trustee member, Guid roundId, RoundResultDto result)
    {
        var response = await member.Client.GetAsync($"/api/minutes/rounds/{roundId}.docx");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var lines = MinutesText.Lines(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", lines);
        Assert.Contains(result.RoundLabel, text, StringComparison.Ordinal);
        foreach (var e in result.Elected)
        {
            Assert.True(lines.Any(l => l.Contains(e.FullName, StringComparison.Ordinal) && l.Contains(e.Votes.ToString(), StringComparison.Ordinal)),
                $"The minutes lack {e.FullName} ({e.Votes}):\n{text}");
        }
    }
}
