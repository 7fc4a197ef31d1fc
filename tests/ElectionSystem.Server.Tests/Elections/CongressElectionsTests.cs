using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ElectionSystem.Server.Tests.Elections;

/// <summary>
/// A whole congress's elections through the public API and the hub, 300 delegates: the executive
/// committee's round 1 ends in a tie at the last seat, the tie-break round fills it; the delegation's
/// official round, then its alternates round. Every round's minutes equal the recount of its record.
/// </summary>
public class CongressElectionsTests(ElectionsHall hall, ITestOutputHelper output) : IClassFixture<ElectionsHall>
{
    private const int Delegates = 300;

    [Fact]
    public async Task A_congress_elects_its_committee_through_a_tie_break_and_its_delegation_with_alternates()
    {
        await hall.WithDbAsync(async db =>
        {
            var c = await db.Congresses.FirstAsync();
            c.Name = "Đại hội đại biểu Đảng bộ tỉnh Thử Nghiệm lần thứ XVI";
            c.BodyName = "Đảng bộ tỉnh Thử Nghiệm";
            c.Ordinal = "XVI";
            c.Place = "Hà Nội";
            await db.SaveChangesAsync();
        });
        // The committee the congress elected (delegates; they confirm below with their own PINs).
        await hall.SetCommitteeAsync(("Phạm Văn Minh", false), ("Hoàng Thị Lan", true), ("Đỗ Văn Tâm", false));
        var seated = await hall.SeatAsync(Delegates);
        Assert.Equal(Delegates, seated.Count);

        var displayKey = await hall.DisplayKeyAsync();
        await using var projector = hall.HubConnection(displayKey);
        var announced = new List<(ResultsAnnounced Message, long At)>();
        var announcedSignal = new SemaphoreSlim(0);
        projector.On<ResultsAnnounced>(nameof(ICongressClient.ResultsAnnounced), m =>
        {
            lock (announced) announced.Add((m, Stopwatch.GetTimestamp()));
            announcedSignal.Release();
        });
        var turnoutSeen = new TaskCompletionSource<ElectionTurnout>(TaskCreationOptions.RunContinuationsAsynchronously);
        projector.On<ElectionTurnout>(nameof(ICongressClient.TurnoutChanged), t =>
        {
            if (t.Rounds.Count > 0 && t.Rounds[0].Collected > 0) turnoutSeen.TrySetResult(t);
        });
        await projector.StartAsync();

        // --- executive committee: 9 seats, 11 names (surplus 2 ≤ 30%) ----------------------------
        string[] committee =
        [
            "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
            "Đặng Văn Hùng", "Bùi Thị Hương", "Đỗ Văn Khoa", "Ngô Thị Lan", "Dương Văn Long",
        ];
        var exec = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee,
            "Bầu Ban Chấp hành Đảng bộ tỉnh khóa XVI, nhiệm kỳ 2025 – 2030", 9, committee, seatsSetBy: "Biểu quyết số 5: số lượng Ban Chấp hành");
        var r1 = await hall.OpenNextRoundAsync(exec.Id);
        Assert.Equal("open", r1.State);

        // 294 valid ballots strike c11 and one more: c9 ×98, c10 ×98, c1–c4 ×24 each, c5 ×2;
        // 3 untouched (over the seats), 2 all struck, 1 delegate does not vote.
        await CastAllAsync(seated, r1.Id, i => i switch
        {
            < 98 => (["c11", "c9"], null),
            < 196 => (["c11", "c10"], null),
            < 292 => (["c11", "c" + (1 + (i - 196) / 24)], null),
            < 294 => (["c11", "c5"], null),
            < 297 => ([], "over-seats"),
            < 299 => (Enumerable.Range(1, 11).Select(k => "c" + k).ToList(), "all-struck"),
            _ => null,
        });
        var turnout = await turnoutSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Delegates, turnout.Rounds[0].Issued);

        var round1 = await AnnounceAndMeasureAsync(r1.Id, announced, announcedSignal);
        Assert.Equal((300, 300, 299, 294, 5), (round1.Base, round1.Issued, round1.Collected, round1.Valid, round1.Invalid));
        Assert.Equal(8, round1.Elected.Count);
        Assert.Equal(["Đỗ Văn Khoa", "Ngô Thị Lan"], round1.TiedNames.Order().ToList());
        Assert.Equal(1, round1.TieSeats);
        Assert.Contains("Bằng phiếu", round1.TieStatementVi);
        Assert.Equal(196, round1.Candidates.Single(c => c.FullName == "Đỗ Văn Khoa").Votes);
        await AssertMinutesEqualRecountAsync(r1.Id, "Bầu lần thứ nhất");

        // The combined result so far: round 1's eight, the last seat waiting for the tie-break.
        var partial = await ElectionsHall.OkAsync<ElectionOutcomeDto>(seated[0].Tablet.GetAsync($"/api/elections/{exec.Id}/outcome"));
        Assert.Equal(8, partial.Elected.Count);
        Assert.Equal(1, partial.TieSeatsPending);
        var step = await ElectionsHall.OkAsync<NextStepDto>((await hall.PresidiumAsync()).GetAsync($"/api/elections/{exec.Id}/next-step"));
        Assert.Equal("tie-break", step.Step);
        Assert.Equal(["c10", "c9"], step.Candidates.Select(c => c.Id).Order().ToList());
        Assert.Equal(1, step.Seats);

        // --- tie-break round among exactly the tied, for the seat left -------------------------
        var r2 = await hall.OpenNextRoundAsync(exec.Id);
        Assert.Equal(RoundPurposes.TieBreak, r2.Purpose);
        Assert.Equal(1, r2.Seats);
        await CastAllAsync(seated, r2.Id, i => i switch
        {
            < 170 => (["c10"], null),
            < 295 => (["c9"], null),
            _ => (["c9", "c10"], "all-struck"),
        });
        var round2 = await AnnounceAndMeasureAsync(r2.Id, announced, announcedSignal);
        Assert.Equal("Đỗ Văn Khoa", Assert.Single(round2.Elected).FullName);
        Assert.Equal(170, round2.Elected[0].Votes);
        Assert.Equal("56,67%", round2.Elected[0].PercentVi);
        Assert.Null(round2.TieStatementVi);
        await AssertMinutesEqualRecountAsync(r2.Id, "Bầu lần thứ hai");
        Assert.Equal("none", (await ElectionsHall.OkAsync<NextStepDto>((await hall.PresidiumAsync()).GetAsync($"/api/elections/{exec.Id}/next-step"))).Step);
        await AssertOutcomeAsync(exec.Id, committee.Except(["Ngô Thị Lan", "Dương Văn Long"]).ToList(), "Đỗ Văn Khoa", "Bầu lần thứ hai");

        // --- delegation: 3 official, 2 alternates, one combined list of 7 ------------------------
        string[] delegation = ["Lý Văn Phúc", "Mai Thị Quỳnh", "Tạ Văn Sơn", "Hà Thị Thu", "Kiều Văn Uy", "Lâm Thị Vân", "Châu Văn Xuân"];
        var del = await hall.ElectionAsync(ElectionKinds.Delegation, "Bầu đoàn đại biểu dự Đại hội đại biểu toàn quốc lần thứ XIV", 3, delegation, alternates: 2);
        var r3 = await hall.OpenNextRoundAsync(del.Id);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await seated[0].Tablet.GetAsync($"/api/elections/{del.Id}/outcome")).StatusCode);
        Assert.Equal("delegation-official", r3.Kind);
        await CastAllAsync(seated, r3.Id, i => i < 250 ? (["c4", "c5", "c6", "c7"], null) : (["c3", "c5", "c6", "c7"], null));
        var round3 = await AnnounceAndMeasureAsync(r3.Id, announced, announcedSignal);
        Assert.Equal(["Lý Văn Phúc", "Mai Thị Quỳnh", "Tạ Văn Sơn"], round3.Elected.Select(e => e.FullName).ToList());
        await AssertMinutesEqualRecountAsync(r3.Id, "Bầu đại biểu chính thức (phiếu 1)");

        step = await ElectionsHall.OkAsync<NextStepDto>((await hall.PresidiumAsync()).GetAsync($"/api/elections/{del.Id}/next-step"));
        Assert.Equal("alternates", step.Step);
        Assert.Equal(["c4", "c5", "c6", "c7"], step.Candidates.Select(c => c.Id).ToList());
        Assert.Equal(2, step.Seats);

        var r4 = await hall.OpenNextRoundAsync(del.Id);
        Assert.Equal("delegation-alternate", r4.Kind);
        await CastAllAsync(seated, r4.Id, i => i < 200 ? (["c6", "c7"], null) : (["c4", "c5"], null));
        var round4 = await AnnounceAndMeasureAsync(r4.Id, announced, announcedSignal, order: "votes");
        Assert.Equal(["Hà Thị Thu", "Kiều Văn Uy"], round4.Elected.Select(e => e.FullName).ToList());
        Assert.Equal("votes", round4.Order);
        await AssertMinutesEqualRecountAsync(r4.Id, "Bầu đại biểu dự khuyết (phiếu 2)");
        Assert.DoesNotContain("Bầu lần thứ hai", string.Join("\n", MinutesText.Lines(await (await hall.CounterAsync()).GetByteArrayAsync($"/api/minutes/rounds/{r4.Id}.docx"))), StringComparison.Ordinal);

        // Each delegate can find their receipt in the published list.
        var receipts = await ElectionsHall.OkAsync<List<string>>(seated[0].Tablet.GetAsync($"/api/elections/rounds/{r4.Id}/receipts"));
        Assert.Equal(Delegates, receipts.Count);
        Assert.Equal(receipts.Order(StringComparer.Ordinal), receipts);
    }

    /// <summary>
    /// The election's combined result (issue 11), in the API, the .docx and the printed page: everyone elected
    /// with the round that elected them, no vacancy, nothing pending — read from the stored counts.
    /// </summary>
    private async Task AssertOutcomeAsync(Guid electionId, List<string> everyone, string lateName, string lateRound)
    {
        var outcome = await ElectionsHall.OkAsync<ElectionOutcomeDto>((await hall.PresidiumAsync()).GetAsync($"/api/elections/{electionId}/outcome"));
        Assert.Equal(everyone.Order(StringComparer.Ordinal), outcome.Elected.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.StartsWith(lateRound, outcome.Elected.Single(e => e.FullName == lateName).RoundLabel, StringComparison.Ordinal);
        Assert.All(outcome.Elected.Where(e => e.FullName != lateName), e => Assert.Equal(1, e.RoundNumber));
        Assert.Equal((0, 0, false, 2), (outcome.Vacant, outcome.TieSeatsPending, outcome.Pending, outcome.Rounds.Count));

        var counter = await hall.CounterAsync();
        var lines = MinutesText.Lines(await counter.GetByteArrayAsync($"/api/minutes/elections/{electionId}/outcome.docx"));
        var text = string.Join("\n", lines);
        Assert.Contains("KẾT QUẢ BẦU CỬ", lines);
        Assert.Contains("ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XVI", text, StringComparison.Ordinal);
        foreach (var name in everyone) Assert.Contains(name, lines);
        var late = lines.FindIndex(l => l == lateName);
        Assert.StartsWith(lateRound, lines[late + 1], StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await counter.GetStringAsync($"/minutes/elections/{electionId}/outcome"));
        foreach (var name in everyone) Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Contains($"<td>{lateName}</td><td>{lateRound}", page, StringComparison.Ordinal);
    }

    private async Task CastAllAsync(List<SeatedDelegate> seated, Guid roundId, Func<int, (List<string> Struck, string? Accept)?> ballotOf)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, seated.Count), new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (i, _) =>
        {
            if (ballotOf(i) is not { } b) return;
            await ElectionsHall.OkAsync<CastReceipt>(ElectionsHall.CastAsync(seated[i].Tablet, roundId, ElectionsHall.NewKey(), b.Struck, acceptInvalid: b.Accept));
        });
    }

    private async Task<RoundResultDto> AnnounceAndMeasureAsync(Guid roundId, List<(ResultsAnnounced Message, long At)> announced, SemaphoreSlim signal, string order = "ballot")
    {
        var first = await hall.CounterAsync();
        var second = await hall.SecondCounterAsync();
        var closed = await ElectionsHall.OkAsync<CommitteeRoundDto>(first.PostAsync($"/api/committee/rounds/{roundId}/close", null));
        Assert.NotNull(closed.Result);
        await ElectionsHall.OkAsync<CommitteeRoundDto>(first.PostAsync($"/api/committee/rounds/{roundId}/confirm", null));
        var confirmed = await ElectionsHall.OkAsync<CommitteeRoundDto>(second.PostAsync($"/api/committee/rounds/{roundId}/confirm", null));
        Assert.Equal(2, confirmed.Confirmations.Select(c => c.By).Distinct().Count());

        var start = Stopwatch.GetTimestamp();
        await ElectionsHall.OkAsync<ResultsAnnounced>(first.PostAsJsonAsync($"/api/committee/rounds/{roundId}/announce", new AnnounceRequest(order)));
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(30)), "The projector did not receive the results.");
        (ResultsAnnounced Message, long At) got;
        lock (announced) got = announced[^1];
        Assert.Equal(roundId, got.Message.Result.RoundId);
        var elapsed = Stopwatch.GetElapsedTime(start, got.At);
        output.WriteLine($"announce → projector: {elapsed.TotalMilliseconds:F0} ms ({got.Message.Result.RoundLabel})");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"Results reached the projector after {elapsed.TotalMilliseconds:F0} ms");
        return got.Message.Result;
    }

    /// <summary>The .docx minutes hold every field of DOMAIN.md §5, with the recount's figures.</summary>
    private async Task AssertMinutesEqualRecountAsync(Guid roundId, string roundLabel)
    {
        var counter = await hall.CounterAsync();
        var record = await counter.GetStringAsync($"/api/committee/rounds/{roundId}/record.json");
        var recount = MinutesText.Recount(record);
        var docx = await counter.GetByteArrayAsync($"/api/minutes/rounds/{roundId}.docx");
        var lines = MinutesText.Lines(docx);
        var text = string.Join("\n", lines);
        void Has(string expected) => Assert.True(lines.Any(l => l.Contains(expected, StringComparison.Ordinal)), $"The minutes lack \"{expected}\":\n{text}");

        using var recordDoc = JsonDocument.Parse(record);
        var title = recordDoc.RootElement.GetProperty("election").GetProperty("title").GetString()!;
        var congress = recordDoc.RootElement.GetProperty("congress");
        Has("ĐẢNG BỘ TỈNH THỬ NGHIỆM");
        Has("ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XVI");
        Has("BAN KIỂM PHIẾU");
        Has("ĐẢNG CỘNG SẢN VIỆT NAM");
        Has("Hà Nội, ngày ");
        Has("BIÊN BẢN KIỂM PHIẾU");
        Has(title);
        Has(roundLabel);
        Has("Đại hội đại biểu Đảng bộ tỉnh Thử Nghiệm lần thứ XVI");
        Has("Bỏ phiếu từ ");
        Has("Số lượng cần bầu: " + recordDoc.RootElement.GetProperty("election").GetProperty("seats").GetInt32());
        Has("Hoàng Thị Lan — Trưởng ban");
        Assert.True(lines.FindIndex(l => l.Contains("Hoàng Thị Lan — Trưởng ban", StringComparison.Ordinal)) < lines.FindIndex(l => l == "– Phạm Văn Minh"), "Chair first");
        Has("Số đại biểu chính thức được triệu tập: " + MinutesText.Vi(congress.GetProperty("summoned").GetInt32()));
        Has("Số đại biểu có mặt khi bỏ phiếu: ");
        Has("Số đại biểu vắng mặt: ");
        Has("Ủy viên cấp ủy triệu tập vắng mặt cả đại hội (không tính): " + congress.GetProperty("absentCommitteeMembers").GetInt32());
        Has("Đại biểu vắng mặt cả đại hội không có dự khuyết thay thế (không tính): " + congress.GetProperty("absentWithoutAlternate").GetInt32());
        Has("Tổng số đại biểu (làm căn cứ tính tỷ lệ): " + MinutesText.Vi(recount.GetProperty("base").GetInt32()));
        Has("Số phiếu phát ra: " + MinutesText.Vi(recount.GetProperty("issued").GetInt32()));
        Has("Số phiếu thu vào: " + MinutesText.Vi(recount.GetProperty("collected").GetInt32()));
        Has("Số phiếu hợp lệ: " + MinutesText.Vi(recount.GetProperty("valid").GetInt32()));
        var invalid = recount.GetProperty("invalid");
        Has("Số phiếu không hợp lệ: " + MinutesText.Vi(invalid.GetProperty("total").GetInt32()));
        foreach (var reason in invalid.EnumerateObject().Where(p => p.Name != "total"))
        {
            var label = Domain.Elections.InvalidReasonWire.ResultOrder.Single(r => Domain.Elections.InvalidReasonWire.ToWire(r) == reason.Name);
            Has($"– {Domain.Elections.InvalidReasonWire.ExplainVi(label)}: {reason.Value.GetInt32()}");
        }
        var candidates = recount.GetProperty("candidates").EnumerateArray().ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            Has($"{i + 1} | {c.GetProperty("fullName").GetString()} | {MinutesText.Vi(c.GetProperty("votes").GetInt32())} | {MinutesText.PercentVi(c.GetProperty("percent").GetString()!)}");
        }
        var elected = recount.GetProperty("elected").EnumerateArray().Select(e => e.GetString()!).ToList();
        for (var i = 0; i < elected.Count; i++)
        {
            var c = candidates.Single(x => x.GetProperty("id").GetString() == elected[i]);
            Has($"{i + 1} | {c.GetProperty("fullName").GetString()} | {MinutesText.Vi(c.GetProperty("votes").GetInt32())} | {MinutesText.PercentVi(c.GetProperty("percent").GetString()!)}");
        }
        if (recount.GetProperty("tie").ValueKind != JsonValueKind.Null) Has("Bằng phiếu: ");
        var vacant = recount.GetProperty("vacant").GetInt32();
        if (vacant > 0) Has($"Còn thiếu {vacant} người");
        Has("làm tròn lên từ 5");
        Has("SHA-256: " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(record))));
        Has("Biên bản được Ban Kiểm phiếu thông qua lúc ");
        Has("T/M BAN KIỂM PHIẾU");
        Has("TRƯỞNG BAN");
        Has("CÁC THÀNH VIÊN");
        Has("Đỗ Văn Tâm");

        // The committee's screen and the audit log agree with the same record.
        var view = await ElectionsHall.OkAsync<CommitteeRoundDto>(counter.GetAsync($"/api/committee/rounds/{roundId}"));
        Assert.Equal(recount.GetProperty("valid").GetInt32(), view.Result!.Valid);
        var sha = await hall.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "election.round.closed" && a.Subject == $"round:{roundId}").Select(a => a.DataJson).SingleAsync());
        Assert.Contains(view.RecordSha256!, sha, StringComparison.Ordinal);
    }
}
