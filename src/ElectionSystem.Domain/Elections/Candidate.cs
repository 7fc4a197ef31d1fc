namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Người trong danh sách bầu cử: a name on the list of one round. <see cref="BirthDate"/> orders
/// identical names (DOMAIN.md §4.1); <see cref="Delegation"/> is shown, never counted.
/// </summary>
public sealed record Candidate(string Id, string FullName, DateOnly? BirthDate = null, string? Delegation = null);
