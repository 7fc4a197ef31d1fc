namespace ElectionSystem.Domain.Elections;

/// <summary>
/// What a valid ballot of a round is, as data (DOMAIN.md §4.1–§4.2 in the shape of the encrypted
/// ballot, crypto spec v2 "Ballot"): one 0/1 row per name in ballot order, one 0/1 option per outcome
/// (index 0 = valid, then each invalid reason a tablet can reach on this list), exactly one option
/// 1, and the constraint <c>Σ rows − W · option₀ ∈ [Lo, Hi]</c>. A valid ballot keeps its rows; an
/// invalid one has every row 0, so the sum of the ballots is votes per candidate, valid ballots
/// and invalid ballots per reason — what <see cref="Tally"/> holds. The tablet and the proofs use
/// this; neither restates a rule.
/// </summary>
public sealed class BallotLayout
{
    private readonly ElectionRound _round;
    private readonly Dictionary<string, int> _index;

    private BallotLayout(ElectionRound round)
    {
        _round = round;
        Rows = round.InBallotOrder.Select(c => c.Id).ToList();
        _index = Rows.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        List = round.ListKind;
        RowMeaning = List.UsesStrikeOut() ? RowMeaning.Kept : RowMeaning.Agree;
        Options = [BallotOption.Valid, .. ReasonsFor(List, Rows.Count).Select((r, i) => BallotOption.For(i + 1, r, round.Seats))];
        if (List.UsesStrikeOut())
        {
            // 1 ≤ kept ≤ seats on a valid ballot (kept − seats ∈ [1 − seats, 0]); 0 on an invalid one.
            Weight = round.Seats;
            Lo = 1 - round.Seats;
        }
        else
        {
            // Any number of "đồng ý" rows is valid (0 ≤ agreed ≤ R); an invalid one-row ballot has 0.
            Weight = Rows.Count;
            Lo = -Rows.Count;
        }
        Hi = 0;
    }

    /// <summary>The layout of a round's ballot: its list in ballot order, its seats, surplus or not.</summary>
    public static BallotLayout Of(ElectionRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new BallotLayout(round);
    }

    public ListKind List { get; }

    /// <summary>Candidate ids in ballot order: row i is the i-th name on the ballot (R = its count).</summary>
    public IReadOnlyList<string> Rows { get; }

    /// <summary>What a row's 1 means: the name is kept (list with surplus) or marked "đồng ý".</summary>
    public RowMeaning RowMeaning { get; }

    /// <summary>Index 0 is valid; then the invalid reasons this list can have on a tablet (K = its count).</summary>
    public IReadOnlyList<BallotOption> Options { get; }

    /// <summary>w: the weight of option 0 in the constraint.</summary>
    public int Weight { get; }

    public int Lo { get; }

    public int Hi { get; }

    /// <summary>
    /// Which option a choice is: <see cref="BallotOption.Valid"/>, or the invalid reason it breaks
    /// first — the Domain's own validity check, so the tablet can name the rule before sending.
    /// </summary>
    /// <param name="choice">Struck names on a list with surplus; marks per row otherwise.</param>
    /// <exception cref="ArgumentException">The choice names an id not on the list (a tablet shows only the list), is a paper ruling, or has the other list's shape.</exception>
    public BallotOption Check(BallotContent choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (choice is BallotContent.PaperInvalid)
        {
            throw new ArgumentException("A counting committee's ruling is not a choice made on a tablet.", nameof(choice));
        }
        var named = choice switch
        {
            BallotContent.Struck s => s.Ids,
            BallotContent.Marks m => m.ByCandidate.Keys,
            _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
        };
        var unknown = named.FirstOrDefault(id => !_index.ContainsKey(id));
        if (unknown is not null)
        {
            throw new ArgumentException($"'{unknown}' is not on this ballot's list.", nameof(choice));
        }
        return _round.Check(choice) is { } reason
            ? Options.FirstOrDefault(o => o.Reason == reason)
              ?? throw new InvalidOperationException($"The layout of a {List} list has no option for {reason}.")
            : BallotOption.Valid;
    }

    /// <summary>
    /// The plaintext of a choice: a valid one keeps its rows (kept, or "đồng ý") with option 0; an
    /// invalid one has every row 0 and the option of the first rule it breaks.
    /// </summary>
    public BallotPlaintext Encode(BallotContent choice)
    {
        var option = Check(choice);
        var rows = new int[Rows.Count];
        if (option.IsValid)
        {
            switch (choice)
            {
                case BallotContent.Struck struck:
                    Array.Fill(rows, 1);
                    foreach (var id in struck.Ids) rows[_index[id]] = 0;
                    break;
                case BallotContent.Marks marks:
                    foreach (var (id, mark) in marks.ByCandidate)
                    {
                        if (mark == Mark.Agree) rows[_index[id]] = 1;
                    }
                    break;
            }
        }
        var options = new int[Options.Count];
        options[option.Index] = 1;
        return new BallotPlaintext(rows, options);
    }

    /// <summary>
    /// The count's input from the decrypted totals of a round's encrypted ballots: votes per candidate
    /// (row totals), valid ballots (option 0), invalid per reason (the other options), collected (all
    /// options). Refuses totals no set of ballots of this layout can add up to.
    /// </summary>
    public Tally Decode(IReadOnlyList<int> rowTotals, IReadOnlyList<int> optionTotals)
    {
        ArgumentNullException.ThrowIfNull(rowTotals);
        ArgumentNullException.ThrowIfNull(optionTotals);
        if (rowTotals.Count != Rows.Count || optionTotals.Count != Options.Count)
        {
            throw new ArgumentException($"Expected {Rows.Count} row totals and {Options.Count} option totals, got {rowTotals.Count} and {optionTotals.Count}.");
        }
        if (rowTotals.Concat(optionTotals).Any(t => t < 0))
        {
            throw new ArgumentException("A total of ballots cannot be negative.");
        }
        var valid = optionTotals[0];
        var collected = optionTotals.Sum(t => (long)t);
        // Each ballot's constraint, added up: an invalid ballot adds 0 (its rows are 0, since Hi = 0),
        // a valid one adds kept − W ∈ [Lo, Hi].
        var sum = rowTotals.Sum(t => (long)t) - (long)Weight * valid;
        if (rowTotals.Any(t => t > valid) || sum < (long)Lo * valid || sum > (long)Hi * valid)
        {
            throw new ArgumentException("The totals are not a sum of ballots of this layout: a row has more votes than valid ballots, or the constraint does not add up.");
        }
        var invalid = Options.Skip(1).Where(o => optionTotals[o.Index] > 0).ToDictionary(o => o.Reason!.Value, o => optionTotals[o.Index]);
        return new Tally(checked((int)collected), valid, invalid, rowTotals.ToList());
    }

    /// <summary>
    /// The reason a ballot is invalid when this layout has no option for it — a counting committee's
    /// ruling on a paper ballot (not issued, an added name, identifying marks, other) or a name not on
    /// the list — or null when <see cref="Encode"/> takes it (valid, or invalid by one of the options).
    /// Such a ballot is never a tablet's plaintext; a mixed round's paper carries it as a count per
    /// reason, which <see cref="DecodeOutside"/> reads.
    /// </summary>
    public InvalidReason? OutsideReason(BallotContent choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return _round.Check(choice) is { } reason && !HasOption(reason) ? reason : null;
    }

    /// <summary>
    /// The count's input from ballots invalid for reasons outside the options, counted by reason: each
    /// is collected, none is valid, none gives a vote — as <see cref="Tally.Count"/> counts them. Refuses
    /// a reason that is one of the options (it is counted there) and a negative count.
    /// </summary>
    public Tally DecodeOutside(IReadOnlyDictionary<InvalidReason, int> byReason)
    {
        ArgumentNullException.ThrowIfNull(byReason);
        if (byReason.Keys.Where(HasOption).Select(r => r.ToWire()).FirstOrDefault() is { } option)
        {
            throw new ArgumentException($"{option} is an option of this layout: its ballots are counted among the option totals.", nameof(byReason));
        }
        if (byReason.Values.Any(n => n < 0))
        {
            throw new ArgumentException("A total of ballots cannot be negative.", nameof(byReason));
        }
        var invalid = byReason.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value);
        return new Tally(checked(invalid.Values.Sum()), 0, invalid, new int[Rows.Count]);
    }

    private bool HasOption(InvalidReason reason) => Options.Any(o => o.Reason == reason);

    /// <summary>The layout as plain data, for the tablet (JSON) and the proofs (R, K, w, lo, hi).</summary>
    public BallotLayoutDescription Describe() => new(
        Rows.Count,
        Options.Count,
        Weight,
        Lo,
        Hi,
        List.UsesStrikeOut() ? "strike-out" : "marks",
        RowMeaning == RowMeaning.Kept ? "kept" : "agree",
        _round.Seats,
        Rows.ToList(),
        Options.Select(o => new BallotOptionDescription(o.Index, o.Code, o.Rule, o.Reason?.ToWire(), o.ExplanationVi)).ToList());

    /// <summary>
    /// The reasons a ballot of this list can be invalid for when it is cast on a tablet, in the
    /// precedence of <see cref="InvalidReason"/>: not issued is a missing credential (refused, never
    /// counted), an unknown or added name and identifying marks cannot be made on a tablet.
    /// </summary>
    private static IEnumerable<InvalidReason> ReasonsFor(ListKind list, int rows) =>
        list.UsesStrikeOut() ? [InvalidReason.OverSeats, InvalidReason.AllStruck]
        : rows == 1 ? [InvalidReason.NoChoice]
        : [];
}

/// <summary>What a row's 1 means on the ballot.</summary>
public enum RowMeaning
{
    /// <summary>Giữ lại: the name is not struck out (list with surplus).</summary>
    Kept,

    /// <summary>Đồng ý: the "đồng ý" box of the row is marked (list without surplus, poll).</summary>
    Agree,
}

/// <summary>
/// One option of a ballot: valid, or invalid under one rule of DOMAIN.md §4.2.
/// </summary>
/// <param name="Index">Its place among the options (0 = valid).</param>
/// <param name="Code">A stable word for it: <c>valid</c>, <c>too-many-kept</c>, <c>all-struck</c>, <c>neither-or-both</c>.</param>
/// <param name="Reason">The reason the count records it under; null when valid.</param>
/// <param name="Rule">Its rule number in DOMAIN.md §4.2; null when valid.</param>
/// <param name="ExplanationVi">What the tablet's confirmation says.</param>
public sealed record BallotOption(int Index, string Code, InvalidReason? Reason, int? Rule, string ExplanationVi)
{
    public static BallotOption Valid { get; } = new(0, "valid", null, null, "Phiếu hợp lệ");

    public bool IsValid => Reason is null;

    internal static BallotOption For(int index, InvalidReason reason, int seats) => reason switch
    {
        InvalidReason.OverSeats => new(index, "too-many-kept", reason, 2, $"Phiếu giữ lại nhiều hơn số lượng cần bầu ({seats} người)"),
        InvalidReason.AllStruck => new(index, "all-struck", reason, 3, reason.ExplainVi()),
        InvalidReason.NoChoice => new(index, "neither-or-both", reason, 5, reason.ExplainVi()),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a reason a tablet ballot can have."),
    };
}

/// <summary>The plaintext of one ballot: rows then options, each 0 or 1 (what the tablet encrypts).</summary>
public sealed record BallotPlaintext(IReadOnlyList<int> Rows, IReadOnlyList<int> Options);
