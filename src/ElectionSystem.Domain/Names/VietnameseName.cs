namespace ElectionSystem.Domain.Names;

/// <summary>
/// A full name in Vietnamese order, "Họ Tên-đệm Tên": family name first, given name last.
/// </summary>
public sealed record VietnameseName(string FamilyName, string MiddleName, string GivenName)
{
    public string FullName => string.Join(' ', new[] { FamilyName, MiddleName, GivenName }.Where(p => p.Length > 0));

    public static VietnameseName Parse(string fullName)
    {
        var parts = VietnameseText.Normalize(fullName).Split(' ');
        return parts.Length switch
        {
            0 or 1 when parts[0].Length == 0 => throw new ArgumentException("A name is required.", nameof(fullName)),
            1 => new VietnameseName("", "", parts[0]),
            2 => new VietnameseName(parts[0], "", parts[1]),
            _ => new VietnameseName(parts[0], string.Join(' ', parts[1..^1]), parts[^1]),
        };
    }
}
