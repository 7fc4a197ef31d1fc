using System.Net.Http.Json;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Delegates;
using ElectionSystem.Server.Tests.Infrastructure;

namespace ElectionSystem.Server.Tests.Delegates;

/// <summary>The desk finds a delegate the way people say a name: parts in any order, no diacritics, a code in any case.</summary>
public class DelegateSearchTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Theory]
    [InlineData("nguyen an")]
    [InlineData("an nguyen")]
    [InlineData("van ngu")]
    [InlineData("NGUYEN   an")]
    public async Task Name_parts_in_any_order_find_the_delegate(string query)
    {
        var d = await hall.AddDelegateAsync("Nguyễn Văn An");
        using var client = await hall.ClientAsync(Roles.CheckInStaff);
        var found = await client.GetFromJsonAsync<List<DelegateDto>>("/api/delegates/search?q=" + Uri.EscapeDataString(query));
        Assert.Contains(found!, x => x.Id == d.Id);
    }

    [Fact]
    public async Task A_part_must_start_a_word_of_the_name()
    {
        var d = await hall.AddDelegateAsync("Phạm Thị Loan");
        using var client = await hall.ClientAsync(Roles.CheckInStaff);
        var found = await client.GetFromJsonAsync<List<DelegateDto>>("/api/delegates/search?q=" + Uri.EscapeDataString("pham oan"));
        Assert.DoesNotContain(found!, x => x.Id == d.Id);
    }

    [Fact]
    public async Task A_code_is_found_whatever_its_case()
    {
        var d = await hall.AddDelegateAsync("Lý Thường Kiệt");
        using var client = await hall.ClientAsync(Roles.CheckInStaff);
        var found = await client.GetFromJsonAsync<List<DelegateDto>>("/api/delegates/search?q=" + Uri.EscapeDataString(d.Code.ToLowerInvariant()));
        Assert.Contains(found!, x => x.Id == d.Id);
    }
}
