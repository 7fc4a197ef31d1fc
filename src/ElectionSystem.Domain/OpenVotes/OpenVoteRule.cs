namespace ElectionSystem.Domain.OpenVotes;

/// <summary>Biểu quyết: an open vote passes when more than half of Base are for it (DOMAIN.md §3).</summary>
public static class OpenVoteRule
{
    public static bool Passed(int votesFor, int @base) => 2L * votesFor > @base;
}
