using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Hardening;

/// <summary>
/// Request bodies that used to be taken at face value (issue 13): a PUT that leaves fields out,
/// titles and names of any length or Unicode form, user names made of look-alike letters.
/// </summary>
public class InputLimitsTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Fact]
    public async Task Put_congress_with_only_a_name_is_refused_naming_the_missing_fields_and_changes_nothing()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var full = new CongressUpdate("Đại hội XV", "Đảng bộ tỉnh", "XV", "2025–2030", "Hội trường A",
            new DateOnly(2025, 10, 14), new DateOnly(2025, 10, 16), true);
        (await organiser.PutAsJsonAsync("/api/congress", full)).EnsureSuccessStatusCode();

        var response = await organiser.PutAsync("/api/congress", new StringContent("""{"name":"x"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["bodyName", "endDate", "ordinal", "place", "startDate", "term", "twoThirdsQuorumEnforced"], fields);
        Assert.Contains("Thiếu trường \"startDate\"", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var now = (await organiser.GetFromJsonAsync<CongressDto>("/api/congress"))!;
        Assert.Equal(("Đại hội XV", new DateOnly(2025, 10, 14), new DateOnly(2025, 10, 16), true),
            (now.Name, now.StartDate, now.EndDate, now.TwoThirdsQuorumEnforced));
    }

    [Fact]
    public async Task A_hundred_thousand_character_title_or_name_is_refused()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var huge = new string('A', 100_000);

        var election = await presidium.PostAsJsonAsync("/api/elections", new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, huge, 3));
        var session = await organiser.PostAsJsonAsync("/api/congress/sessions", new SessionCreate(huge, new DateOnly(2025, 10, 14), null));
        var screen = await organiser.PostAsJsonAsync("/api/display-keys", new DisplayKeyCreate(huge));
        var account = await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate("to-ky-thuat", huge, Roles.CheckInStaff));

        Assert.Contains("dài quá 500 ký tự", await DetailOf400Async(election), StringComparison.Ordinal);
        Assert.Contains("dài quá 500 ký tự", await DetailOf400Async(session), StringComparison.Ordinal);
        Assert.Contains("dài quá 200 ký tự", await DetailOf400Async(screen), StringComparison.Ordinal);
        Assert.Contains("dài quá 200 ký tự", await DetailOf400Async(account), StringComparison.Ordinal);
        Assert.False(await hall.WithDbAsync(db => db.Sessions.AnyAsync(s => s.Title.Length > 500)));
    }

    [Theory]
    [InlineData("\u0430dmin")]          // Cyrillic а
    [InlineData("adm\u0456n")]          // Ukrainian і
    [InlineData("\u03BFrganiser")]      // Greek ο
    [InlineData("qu\u1EA3n-tr\u1ECB")]  // Vietnamese letters
    [InlineData("ad min")]
    public async Task Look_alike_or_non_ascii_user_names_are_refused(string userName)
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);

        var response = await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate(userName, "Tổ kỹ thuật", Roles.CheckInStaff));

        Assert.Contains("chỉ gồm chữ cái không dấu a–z", await DetailOf400Async(response), StringComparison.Ordinal);
        Assert.False(await hall.WithDbAsync(db => db.Accounts.AnyAsync(a => a.UserName == userName)));
    }

    [Fact]
    public async Task User_names_differing_only_in_case_are_one_name()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        (await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate("ban.to-chuc_2", "Ban Tổ chức", Roles.CheckInStaff))).EnsureSuccessStatusCode();

        var again = await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate("BAN.TO-CHUC_2", "Ban Tổ chức", Roles.CheckInStaff));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Titles_and_names_are_stored_in_nfc()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        using var presidium = await hall.ClientAsync(Roles.Presidium);
        var decomposedTitle = "Phiên bế mạc".Normalize(NormalizationForm.FormD) + " " + hall.Unique("");
        var decomposedElection = "Bầu Ban Chấp hành".Normalize(NormalizationForm.FormD) + " " + hall.Unique("");

        (await organiser.PostAsJsonAsync("/api/congress/sessions", new SessionCreate(decomposedTitle, new DateOnly(2025, 10, 16), null))).EnsureSuccessStatusCode();
        (await presidium.PostAsJsonAsync("/api/elections", new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, decomposedElection, 3))).EnsureSuccessStatusCode();

        var nfcTitle = decomposedTitle.Normalize(NormalizationForm.FormC);
        var nfcElection = decomposedElection.Normalize(NormalizationForm.FormC);
        Assert.NotEqual(decomposedTitle, nfcTitle);
        Assert.True(await hall.WithDbAsync(db => db.Sessions.AnyAsync(s => s.Title == nfcTitle)));
        Assert.True(await hall.WithDbAsync(db => db.Set<Election>().AnyAsync(e => e.Title == nfcElection)));
    }

    private static async Task<string> DetailOf400Async(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("detail").GetString()!;
    }
}
