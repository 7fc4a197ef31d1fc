using System.Globalization;
using Xunit.Abstractions;

namespace ElectionSystem.Browser.Tests.Crypto;

/// <summary>
/// The figures of docs/performance.md "Encrypted ballots in the browser": encrypt + prove (and the
/// page's own verify) of a 13-name list (11 seats) and a 60-name list (50 seats) in headless Chromium,
/// median of 5 after a warm-up. It prints the figures and asserts only that every ballot verifies
/// (issue 14: figures come from benchmarks, not timed tests). By hand:
///   dotnet test tests/ElectionSystem.Browser.Tests --filter "FullyQualifiedName~BallotEncryptionFigures" --logger "console;verbosity=detailed"
/// </summary>
public sealed class BallotEncryptionFigures(CryptoHall hall, ITestOutputHelper output) : IClassFixture<CryptoHall>
{
    [Fact]
    public async Task Encrypting_a_13_and_a_60_name_list_prints_its_median_time()
    {
        await using var page = await hall.OpenAsync();
        foreach (var (names, seats) in new[] { (13, 11), (60, 50) })
        {
            var runs = (await page.RunAsync("benchmark", new { names, seats, runs = 5 })).EnumerateArray().ToList();
            Assert.Equal(5, runs.Count);
            Assert.All(runs, r => Assert.True(r.GetProperty("valid").GetBoolean()));
            static double Median(IEnumerable<double> xs) => xs.Order().ElementAt(2);
            var encrypt = Median(runs.Select(r => r.GetProperty("ms").GetDouble()));
            var verify = Median(runs.Select(r => r.GetProperty("verifyMs").GetDouble()));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{names} names, {seats} seats: encrypt + prove median {encrypt:F0} ms, verify median {verify:F0} ms (runs: {string.Join(", ", runs.Select(r => r.GetProperty("ms").GetDouble().ToString("F0", CultureInfo.InvariantCulture)))} ms)"));
        }
    }
}
