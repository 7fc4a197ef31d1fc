using System.Net;
using ElectionSystem.Server.Tests.Infrastructure;

namespace ElectionSystem.Server.Tests;

public class HealthTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Fact]
    public async Task Health_answers_200_without_credentials()
    {
        var response = await hall.AnonymousClient().GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api()
    {
        var json = await hall.AnonymousClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/auth/login", json, StringComparison.Ordinal);
        Assert.Contains("/api/attendance", json, StringComparison.Ordinal);
    }
}
