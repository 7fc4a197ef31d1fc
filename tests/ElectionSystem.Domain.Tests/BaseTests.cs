using ElectionSystem.Domain.Congress;

namespace ElectionSystem.Domain.Tests;

public class BaseTests
{
    [Fact]
    public void Base_subtracts_whole_congress_absences_from_summoned()
    {
        Assert.Equal(297, CongressBase.Create(300, 1, 2).Value);
    }
}
