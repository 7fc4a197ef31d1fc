namespace ElectionSystem.Domain.Congress;

/// <summary>Loại đại biểu: the category of a delegate (DOMAIN.md §1).</summary>
public enum DelegateCategory
{
    /// <summary>Đại biểu chính thức (elected at the lower congress).</summary>
    Official = 0,

    /// <summary>Đại biểu đương nhiên: ex-officio, member of the outgoing convening committee. Votes like an official delegate.</summary>
    ExOfficio = 1,

    /// <summary>Đại biểu dự khuyết: votes only when summoned to replace an absent official delegate.</summary>
    Alternate = 2,
}
