using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Server.Tests.Elections;
using ElectionSystem.Server.Tests.PaperEntry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>
/// The committee's paper desk is its members' (ADR 0010, "The paper desk is the members'"): a ruling
/// on a disagreeing paper ballot changes the count and the status shows ballots' contents, so a
/// counting-committee staff account — which the organiser makes alone before the congress — rules
/// on nothing, completes nothing and reads no contents; it still opens the entry, records the paper
/// handed out, adds bundles and follows the progress. A member's own session rules, and the audit
/// log and the ruling name that member.
/// </summary>
public class PaperDeskSeparationTests(PaperHall hall) : IClassFixture<PaperHall>
{
    [Fact]
    public async Task An_organiser_made_committee_account_neither_rules_nor_reads_contents_and_a_member_rules_by_name()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        HttpClient staff = null!;
        await hall.BeforeTheCongressAsync(async () =>
            staff = await hall.NewStaffAccountAsync(organiser, hall.Unique("kythuat-kp-"), Roles.CountingCommittee));
        using var _ = staff;
        var member = await hall.CounterAsync();

        await hall.RegisterAsync(3);
        var e = await hall.ElectionAsync(ElectionKinds.ExecutiveCommittee, hall.Unique("Bầu có phiếu giấy tranh chấp "), 1, ["Lê Văn A", "Trần Thị B"]);
        var round = await hall.OpenNextRoundAsync(e.Id);
        var paper = $"/api/paper/rounds/{round.Id}";

        // What the account may still do: open, record the paper handed out, add a bundle, close.
        var opened = await ElectionsHall.OkAsync<PaperStatusDto>(staff.PostAsJsonAsync($"{paper}/open", new OpenPaperRequest(3, false, 1, 3)));
        Assert.False(opened.MayDecide);
        await ElectionsHall.OkAsync<PaperStatusDto>(staff.PutAsJsonAsync($"{paper}/issued", new SetIssuedRequest(3)));
        await ElectionsHall.OkAsync<PaperStatusDto>(staff.PostAsJsonAsync($"{paper}/bundles", new AddBundlesRequest([1])));
        await ElectionsHall.OkAsync<CommitteeRoundDto>(staff.PostAsync($"/api/committee/rounds/{round.Id}/close", null));

        // Three stations key bundle 1; ballot 2 is keyed differently at station 3. Bundle 2 (one ballot) agrees.
        foreach (var station in Enumerable.Range(1, PaperRounds.Stations))
        {
            var op = await hall.OperatorAsync();
            string[] typed = ["1", station == 3 ? "1 2" : "2", "/t"];
            await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.StartAsync(op, round.Id, 1, station));
            for (var i = 0; i < typed.Length; i++) await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(op, round.Id, 1, i + 1, typed[i]));
            await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.FinishAsync(op, round.Id, 1));
            await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.StartAsync(op, round.Id, 2, station));
            await ElectionsHall.OkAsync<EnteredDto>(PaperHall.EnterAsync(op, round.Id, 2, 1, "1"));
            await ElectionsHall.OkAsync<MyBundleEntriesDto>(PaperHall.FinishAsync(op, round.Id, 2));
        }

        // The member sees the disagreement's contents; the account its progress and the count only.
        var whole = await ElectionsHall.OkAsync<PaperStatusDto>(member.GetAsync(paper));
        Assert.True(whole is { ContentsShown: true, MayDecide: true, Disagreed: 1 });
        Assert.Contains(whole.Disagreements.Single().Entries, x => x.Text.Contains("2", StringComparison.Ordinal));
        using var progress = await staff.GetAsync(paper);
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var body = await progress.Content.ReadAsStringAsync();
        var seen = (await progress.Content.ReadFromJsonAsync<PaperStatusDto>())!;
        Assert.True(seen is { ContentsShown: false, MayDecide: false, Disagreed: 1, Agreed: 3, Ballots: 4 });
        Assert.Empty(seen.Disagreements);
        Assert.Equal([1, 0], seen.Bundles.Select(b => b.Disagreements));
        Assert.DoesNotContain("Lê Văn A", body, StringComparison.Ordinal);
        Assert.All(whole.Disagreements.Single().Entries, x => Assert.DoesNotContain(x.Summary, body, StringComparison.Ordinal));
        // The entry log is all contents: 403 until the announcement.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/entry/rounds/{round.Id}/log")).StatusCode);

        // The account may not rule (nor override an agreed ballot), nor complete: nothing changes.
        var refused = await PaperHall.ProblemAsync(PaperHall.RuleAsync(staff, round.Id, 1, 2, "2", "Tài khoản thử kết luận"), 403);
        Assert.Equal(PaperDeskAccess.MembersOnly, JsonProblem(refused).Detail);
        Assert.DoesNotContain("Lê Văn A", refused, StringComparison.Ordinal);
        await PaperHall.ProblemAsync(PaperHall.RuleAsync(staff, round.Id, 1, 1, "/x", "Tài khoản thử loại phiếu"), 403);
        await PaperHall.ProblemAsync(staff.PostAsync($"{paper}/complete", null), 403);
        Assert.Equal(0, await hall.WithDbAsync(db => db.Set<PaperResolution>().CountAsync(x => x.RoundId == round.Id)));
        Assert.Equal(0, await hall.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"round:{round.Id}" && a.Action == "paper.ballot.ruled")));

        // A member rules and completes; the ruling, the completion and their audit lines name the member.
        var code = hall.CommitteeCodes[0];
        var name = await hall.WithDbAsync(db => db.Delegates.Where(d => d.Code == code).Select(d => d.FullName).SingleAsync());
        var ruled = await ElectionsHall.OkAsync<PaperStatusDto>(PaperHall.RuleAsync(member, round.Id, 1, 2, "2", "Ba trạm đọc lại phiếu gốc"));
        Assert.Equal($"{name} ({code})", ruled.Disagreements.Single().Resolution!.DecidedBy);
        var audit = await hall.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"round:{round.Id}" && a.Action == "paper.ballot.ruled")
            .Select(a => new { a.Actor, a.DataJson }).SingleAsync());
        Assert.StartsWith(code, audit.Actor, StringComparison.Ordinal);
        Assert.Contains(name, System.Text.Json.Nodes.JsonNode.Parse(audit.DataJson)!["member"]!.GetValue<string>(), StringComparison.Ordinal);
        var done = await ElectionsHall.OkAsync<PaperStatusDto>(member.PostAsync($"{paper}/complete", null));
        Assert.Equal((4, $"{name} ({code})"), (done.Counted, done.CompletedBy));
        // Still before the announcement: the account's view of the completed entry holds no contents.
        var after = await ElectionsHall.OkAsync<PaperStatusDto>(staff.GetAsync(paper));
        Assert.True(after is { State: "completed", ContentsShown: false, Counted: 4 });
        Assert.Empty(after.Disagreements);
    }

    private static ProblemDetails JsonProblem(string body) =>
        System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
}
