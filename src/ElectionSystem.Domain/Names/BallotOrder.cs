using System.Globalization;

namespace ElectionSystem.Domain.Names;

/// <summary>
/// The order of names on a ballot (DOMAIN.md §4.1): given name, then family name, then middle
/// name, by Vietnamese collation (ICU vi-VN, never ordinal), then earlier birth date.
/// </summary>
/// <remarks>
/// ICU's vi-VN collation already agrees with DOMAIN.md: letters are primary differences
/// (a &lt; ă &lt; â, d &lt; đ, e &lt; ê, o &lt; ô &lt; ơ, u &lt; ư) and tones are secondary ones in the order
/// unmarked &lt; huyền &lt; hỏi &lt; ngã &lt; sắc &lt; nặng, so "Ha &lt; Hà &lt; Hai" — the tone only decides
/// between names that are otherwise the same letters. The tests pin this down so an ICU
/// upgrade that changed it would fail loudly.
/// Names that collate equal and share a birth date are finally ordered by their full text
/// (case, then code points) so the order is total and a ballot prints the same every time.
/// </remarks>
public sealed class BallotOrder : IComparer<BallotOrder.Entry>, IComparer<BallotOrder.Key>
{
    public readonly record struct Entry(string FullName, DateOnly? BirthDate);

    /// <summary>Ballot order with the default tie order of identical names: earlier birth date first.</summary>
    public static BallotOrder Instance { get; } = new(BirthDateOrder.EarlierFirst);

    public BallotOrder(BirthDateOrder birthDateOrder = BirthDateOrder.EarlierFirst)
    {
        BirthDateOrder = birthDateOrder;
    }

    /// <summary>How identical names are ordered (configurable, DOMAIN.md §4.1).</summary>
    public BirthDateOrder BirthDateOrder { get; }

    private static readonly CompareInfo Collation = VietnameseText.Culture.CompareInfo;

    public int Compare(Entry x, Entry y) => Compare(KeyOf(x.FullName, x.BirthDate), KeyOf(y.FullName, y.BirthDate));

    /// <summary>
    /// A name's place in ballot order, computed once: ICU sort keys of its parts, so sorting
    /// 1,600 names compares bytes instead of re-parsing and re-collating names.
    /// </summary>
    public sealed class Key
    {
        internal Key(string fullName, DateOnly? birthDate)
        {
            var name = VietnameseName.Parse(fullName);
            FullName = name.FullName;
            BirthDate = birthDate;
            Given = Collation.GetSortKey(name.GivenName, CompareOptions.IgnoreCase).KeyData;
            Family = Collation.GetSortKey(name.FamilyName, CompareOptions.IgnoreCase).KeyData;
            Middle = Collation.GetSortKey(name.MiddleName, CompareOptions.IgnoreCase).KeyData;
        }

        public string FullName { get; }
        public DateOnly? BirthDate { get; }
        internal byte[] Given { get; }
        internal byte[] Family { get; }
        internal byte[] Middle { get; }
        // Needed only when two names collate equal, so computed only then.
        internal byte[] Whole => _whole ??= Collation.GetSortKey(FullName, CompareOptions.None).KeyData;

        private byte[]? _whole;
    }

    public static Key KeyOf(string fullName, DateOnly? birthDate) => new(fullName, birthDate);

    public int Compare(Key? x, Key? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = Sign(x.Given.AsSpan().SequenceCompareTo(y.Given));
        if (c != 0) return c;
        c = Sign(x.Family.AsSpan().SequenceCompareTo(y.Family));
        if (c != 0) return c;
        c = Sign(x.Middle.AsSpan().SequenceCompareTo(y.Middle));
        if (c != 0) return c;
        // Earlier birth date first (unless configured otherwise); an unknown birth date after a known one.
        c = (x.BirthDate, y.BirthDate) switch
        {
            ({ } dx, { } dy) => BirthDateOrder == BirthDateOrder.EarlierFirst ? dx.CompareTo(dy) : dy.CompareTo(dx),
            (null, { }) => 1,
            ({ }, null) => -1,
            _ => 0,
        };
        if (c != 0) return c;
        c = Sign(x.Whole.AsSpan().SequenceCompareTo(y.Whole));
        return c != 0 ? c : Sign(string.CompareOrdinal(x.FullName, y.FullName));
    }

    private static int Sign(int c) => c < 0 ? -1 : c > 0 ? 1 : 0;

    public static int CompareText(string a, string b) => Collation.Compare(a, b, CompareOptions.IgnoreCase);

    /// <summary>Sorts items into ballot order (stable for equal keys).</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, string> fullName, Func<T, DateOnly?> birthDate) =>
        Instance.SortItems(items, fullName, birthDate);

    /// <summary>Sorts items into this ballot order; each name is parsed and collated once.</summary>
    public IReadOnlyList<T> SortItems<T>(IEnumerable<T> items, Func<T, string> fullName, Func<T, DateOnly?> birthDate) =>
        items.Select(i => (Item: i, Key: KeyOf(fullName(i), birthDate(i))))
            .OrderBy(p => p.Key, this)
            .Select(p => p.Item)
            .ToList();
}

/// <summary>The tie order of identical names on a ballot (DOMAIN.md §4.1, configurable).</summary>
public enum BirthDateOrder
{
    EarlierFirst,
    LaterFirst,
}
