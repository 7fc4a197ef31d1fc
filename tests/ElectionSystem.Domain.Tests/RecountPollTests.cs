using System.Text.Json;

namespace ElectionSystem.Domain.Tests;

/// <summary>
/// FORMAT.md: for a nomination poll the result's <c>base</c> is <c>present</c>, the denominator of its
/// percentages, not the congress's Base.
/// </summary>
public class RecountPollTests
{
    [Fact]
    public void A_nomination_poll_is_measured_against_those_present()
    {
        var path = Path.Combine(Path.GetTempPath(), $"recount-poll-{Guid.NewGuid():N}.record.json");
        File.WriteAllText(path, """
            {
              "format": "election-record/1",
              "congress": { "name": "Đại hội thử", "summoned": 300, "absentCommitteeMembers": 0, "absentWithoutAlternate": 0, "present": 10 },
              "election": { "kind": "nomination-poll", "title": "Phiếu xin ý kiến", "round": 1, "seats": 0, "issued": 10 },
              "rules": { "percentDecimals": 2, "percentRounding": "half-up" },
              "candidates": [ { "id": "c1", "fullName": "Nguyễn Văn A" }, { "id": "c2", "fullName": "Trần Thị B" } ],
              "ballots": [
                { "id": "b1", "source": "tablet", "marks": { "c1": "agree", "c2": "disagree" } },
                { "id": "b2", "source": "tablet", "marks": { "c1": "agree", "c2": "disagree" } },
                { "id": "b3", "source": "tablet", "marks": { "c1": "agree", "c2": "agree" } },
                { "id": "b4", "source": "tablet", "marks": { "c1": "agree", "c2": "disagree" } }
              ]
            }
            """);
        try
        {
            var (code, stdout, stderr) = RecountExamplesTests.Run(path);
            Assert.True(code == 0, stderr);
            using var result = JsonDocument.Parse(stdout);
            Assert.Equal(10, result.RootElement.GetProperty("base").GetInt32());
            // 4 of the 10 present agree with c1 (40%, more than 30%: admitted); 1 of 10 with c2.
            var c1 = result.RootElement.GetProperty("candidates")[0];
            Assert.Equal("40.00", c1.GetProperty("percent").GetString());
            Assert.Equal(["c1"], result.RootElement.GetProperty("elected").EnumerateArray().Select(e => e.GetString()!));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
