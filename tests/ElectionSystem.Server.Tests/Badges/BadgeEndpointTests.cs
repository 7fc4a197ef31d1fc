using ElectionSystem.Domain.Congress;
using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Badges;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Badges;

/// <summary>Badges over HTTP: the QR image the sheet prints decodes back to a token the desk accepts.</summary>
public class BadgeEndpointTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Fact]
    public async Task Qr_png_from_the_api_decodes_through_zxing_to_the_delegates_valid_token()
    {
        var d = await hall.AddDelegateAsync("Phan Thanh Bình");
        using var client = await hall.ClientAsync(Roles.Organiser);
        var png = await client.GetByteArrayAsync(new Uri($"/api/badges/{d.Code}/qr.png", UriKind.Relative));
        var token = QrDecoder.Decode(png);
        var check = hall.Services.GetRequiredService<BadgeSigning>().Tokens.Verify(token!);
        Assert.Equal(BadgeTokenStatus.Valid, check.Status);
        Assert.Equal(d.Code, check.DelegateCode);
    }

    [Fact]
    public async Task Badge_list_and_svg_serve_the_current_version_and_reissue_is_audited()
    {
        var d = await hall.AddDelegateAsync("Huỳnh Ngọc Phương");
        using var client = await hall.ClientAsync(Roles.Organiser);
        var reissued = await (await client.PostAsync(new Uri($"/api/badges/{d.Code}/reissue", UriKind.Relative), null)).Content.ReadFromJsonAsync<BadgeDto>();
        Assert.Equal(d.BadgeVersion + 1, reissued!.BadgeVersion);

        var list = await client.GetFromJsonAsync<List<BadgeDto>>("/api/badges");
        Assert.Equal(reissued.Token, list!.Single(b => b.Code == d.Code).Token);
        var svg = await client.GetStringAsync(new Uri($"/api/badges/{d.Code}/qr.svg", UriKind.Relative));
        Assert.StartsWith("<svg", svg.TrimStart().StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg.TrimStart(), StringComparison.Ordinal);
        Assert.True(await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "badge.reissued" && e.Subject == "delegate:" + d.Code)));
    }

    [Fact]
    public async Task Unknown_code_is_a_404_problem_in_vietnamese()
    {
        using var client = await hall.ClientAsync(Roles.Organiser);
        var response = await client.GetAsync(new Uri("/api/badges/KHONG-CO/qr.png", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không có đại biểu mã", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Badge_sheet_page_lists_every_badge_for_printing()
    {
        var d = await hall.AddDelegateAsync("Vũ Hữu Nghĩa");
        using var client = hall.CreateClient();
        await hall.TokenAsync(Roles.Organiser);
        (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("test-organiser", HallFactory.TestPassword))).EnsureSuccessStatusCode();
        var html = await client.GetStringAsync(new Uri("/admin/badges", UriKind.Relative));
        Assert.Contains("Vũ Hữu Nghĩa", html, StringComparison.Ordinal);
        Assert.Contains($"/api/badges/{d.Code}/qr.svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alternates_badge_says_so()
    {
        var official = await hall.AddDelegateAsync("Đinh Văn Chính");
        var alternate = await hall.AddDelegateAsync("Cao Thị Khuyết", DelegateCategory.Alternate);
        using var client = hall.CreateClient();
        await hall.TokenAsync(Roles.Organiser);
        (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("test-organiser", HallFactory.TestPassword))).EnsureSuccessStatusCode();
        var html = await client.GetStringAsync(new Uri("/admin/badges", UriKind.Relative));
        string Title(string name)
        {
            var badge = html[..html.IndexOf(name, StringComparison.Ordinal)];
            var at = badge.LastIndexOf("badge-title\">", StringComparison.Ordinal);
            return badge[(at + "badge-title\">".Length)..badge.IndexOf("</div>", at, StringComparison.Ordinal)];
        }
        Assert.Equal("ĐẠI BIỂU", Title(official.FullName));
        Assert.Equal("ĐẠI BIỂU DỰ KHUYẾT", Title(alternate.FullName));
    }
}
