using System.Globalization;

namespace ElectionSystem.Domain.Names;

/// <summary>
/// The order of names on a ballot (DOMAIN.md §4.1): given name, then family name, then middle
/// name, by Vietnamese collation (ICU vi-VN, never ordinal), then earlier birth date.
/// </summary>
public sealed class BallotOrder : IComparer<BallotOrder.Entry>
{
    public readonly record struct Entry(string FullName, DateOnly? BirthDate);

    public static BallotOrder Instance { get; } = new();

    private static readonly CompareInfo Collation = VietnameseText.Culture.CompareInfo;

    public int Compare(Entry x, Entry y)
    {
        var a = VietnameseName.Parse(x.FullName);
        var b = VietnameseName.Parse(y.FullName);
        var c = CompareText(a.GivenName, b.GivenName);
        if (c != 0) return c;
        c = CompareText(a.FamilyName, b.FamilyName);
        if (c != 0) return c;
        c = CompareText(a.MiddleName, b.MiddleName);
        if (c != 0) return c;
        // Earlier birth date first; an unknown birth date after a known one.
        return (x.BirthDate, y.BirthDate) switch
        {
            ({ } dx, { } dy) => dx.CompareTo(dy),
            (null, { }) => 1,
            ({ }, null) => -1,
            _ => 0,
        };
    }

    public static int CompareText(string a, string b) => Collation.Compare(a, b, CompareOptions.IgnoreCase);

    /// <summary>Sorts items into ballot order (stable for equal keys).</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, string> fullName, Func<T, DateOnly?> birthDate) =>
        items.OrderBy(i => new Entry(fullName(i), birthDate(i)), Instance).ToList();
}
