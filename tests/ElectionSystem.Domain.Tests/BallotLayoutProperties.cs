using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ElectionSystem.Domain.Tests;

/// <summary>
/// The ballot layout against the Domain's count, over random lists and random tablet choices: every
/// encoding satisfies the constraint the proofs check, and the decoded sum is the existing count.
/// </summary>
public class BallotLayoutProperties
{
    private static Arbitrary<Generators.Scenario> Rounds => Generators.TabletRounds().ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Every_choice_encodes_to_one_option_and_rows_within_the_constraint() =>
        Prop.ForAll(Rounds, s =>
        {
            var layout = BallotLayout.Of(s.Round);
            return s.Ballots.All(b =>
            {
                var p = layout.Encode(b.Content);
                var option = layout.Check(b.Content);
                return Holds(layout, p)
                    && p.Options[option.Index] == 1
                    && option.Reason == s.Round.Check(b.Content)
                    && (option.IsValid || p.Rows.All(x => x == 0));
            });
        });

    [Property(MaxTest = 300)]
    public Property Decoding_the_sum_of_encoded_choices_is_the_count_of_the_same_ballots() =>
        Prop.ForAll(Rounds, s =>
        {
            var layout = BallotLayout.Of(s.Round);
            var rows = new int[layout.Rows.Count];
            var options = new int[layout.Options.Count];
            foreach (var p in s.Ballots.Select(b => layout.Encode(b.Content)))
            {
                for (var i = 0; i < rows.Length; i++) rows[i] += p.Rows[i];
                for (var k = 0; k < options.Length; k++) options[k] += p.Options[k];
            }
            var decoded = layout.Decode(rows, options);
            var counted = Tally.Count(s.Round, s.Ballots);
            return SameTally(decoded, counted)
                && ElectionResultWriter.ToJson(s.Round.Count(decoded)) == ElectionResultWriter.ToJson(s.Round.Count(s.Ballots));
        });

    /// <summary>
    /// Paper ballots of any kind — committee rulings and names not on the list included — as a mixed
    /// round's board carries them: the encodable ones summed as options, the rest counted by reason;
    /// decoded, they are the Domain's count of the same ballots.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Encodable_sums_plus_the_reasons_outside_the_options_decode_to_the_count_of_the_same_ballots() =>
        Prop.ForAll(Generators.Scenarios().ToArbitrary(), s =>
        {
            var layout = BallotLayout.Of(s.Round);
            var rows = new int[layout.Rows.Count];
            var options = new int[layout.Options.Count];
            var outside = new Dictionary<InvalidReason, int>();
            foreach (var b in s.Ballots)
            {
                if (layout.OutsideReason(b.Content) is { } reason)
                {
                    outside[reason] = outside.GetValueOrDefault(reason) + 1;
                    continue;
                }
                var p = layout.Encode(b.Content);
                for (var i = 0; i < rows.Length; i++) rows[i] += p.Rows[i];
                for (var k = 0; k < options.Length; k++) options[k] += p.Options[k];
            }
            var decoded = layout.Decode(rows, options).Plus(layout.DecodeOutside(outside));
            return SameTally(decoded, Tally.Count(s.Round, s.Ballots))
                && ElectionResultWriter.ToJson(s.Round.Count(decoded)) == ElectionResultWriter.ToJson(s.Round.Count(s.Ballots));
        });

    [Property(MaxTest = 200)]
    public Property Tallies_of_two_parts_of_a_round_add_up_to_the_tally_of_the_whole() =>
        Prop.ForAll(Generators.Scenarios().ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), (s, cut) =>
        {
            var at = Math.Min(cut, s.Ballots.Count);
            var parts = Tally.Count(s.Round, s.Ballots.Take(at)).Plus(Tally.Count(s.Round, s.Ballots.Skip(at)));
            return SameTally(parts, Tally.Count(s.Round, s.Ballots));
        });

    /// <summary>
    /// The constraint is exactly the rules, not looser: on small lists, the 0/1 plaintexts with one
    /// option set that satisfy it are precisely the encodings of some choice — so a proof of the
    /// constraint admits no ballot the Domain would not produce (no vote riding on an invalid ballot,
    /// no valid ballot keeping too many names).
    /// </summary>
    [Theory]
    [MemberData(nameof(SmallRounds))]
    public void The_constraint_admits_exactly_the_encodings_of_choices(string kind, int seats, int candidates)
    {
        var round = kind == "poll"
            ? new ElectionRound(ElectionKind.NominationPoll, 0, new CongressBase(30, 0, 0), 30, Build.Candidates(candidates), null, 30)
            : new ElectionRound(ElectionKind.Other, seats, new CongressBase(30, 0, 0), 30, Build.Candidates(candidates));
        var layout = BallotLayout.Of(round);
        var encodings = AllChoices(round).Select(c => Key(layout.Encode(c))).ToHashSet();
        var admitted = new HashSet<string>();
        for (var mask = 0; mask < 1 << layout.Rows.Count; mask++)
        {
            for (var o = 0; o < layout.Options.Count; o++)
            {
                var p = new BallotPlaintext(
                    Enumerable.Range(0, layout.Rows.Count).Select(i => (mask >> i) & 1).ToArray(),
                    Enumerable.Range(0, layout.Options.Count).Select(k => k == o ? 1 : 0).ToArray());
                if (Holds(layout, p)) admitted.Add(Key(p));
            }
        }
        Assert.Equal(admitted.Order(), encodings.Order());
    }

    public static TheoryData<string, int, int> SmallRounds()
    {
        var data = new TheoryData<string, int, int>();
        for (var n = 1; n <= 6; n++)
        {
            for (var s = 1; s <= 6; s++) data.Add("election", s, n);
            data.Add("poll", 0, n);
        }
        return data;
    }

    /// <summary>Every choice a tablet can make: every set of struck names, or every mark on every row.</summary>
    private static IEnumerable<BallotContent> AllChoices(ElectionRound round)
    {
        var ids = round.InBallotOrder.Select(c => c.Id).ToArray();
        if (round.ListKind.UsesStrikeOut())
        {
            for (var mask = 0; mask < 1 << ids.Length; mask++)
            {
                yield return new BallotContent.Struck(ids.Where((_, i) => ((mask >> i) & 1) == 1).ToList());
            }
            yield break;
        }
        var marks = Enum.GetValues<Mark>();
        var total = (int)Math.Pow(marks.Length, ids.Length);
        for (var code = 0; code < total; code++)
        {
            var byRow = new Dictionary<string, Mark>();
            var rest = code;
            foreach (var id in ids)
            {
                byRow[id] = marks[rest % marks.Length];
                rest /= marks.Length;
            }
            yield return new BallotContent.Marks(byRow);
        }
    }

    /// <summary>The spec's checks on a plaintext, written out here rather than taken from the layout.</summary>
    private static bool Holds(BallotLayout layout, BallotPlaintext p)
    {
        if (p.Rows.Count != layout.Describe().R || p.Options.Count != layout.Describe().K) return false;
        if (p.Rows.Concat(p.Options).Any(x => x is not (0 or 1)) || p.Options.Sum() != 1) return false;
        var d = layout.Describe();
        var v = p.Rows.Sum() - d.W * p.Options[0];
        return d.Lo <= v && v <= d.Hi;
    }

    private static string Key(BallotPlaintext p) => string.Concat(p.Rows) + "|" + string.Concat(p.Options);

    private static bool SameTally(Tally a, Tally b) =>
        a.Collected == b.Collected
        && a.Valid == b.Valid
        && a.Votes.SequenceEqual(b.Votes)
        && a.Invalid.Count == b.Invalid.Count
        && a.Invalid.All(p => b.Invalid.TryGetValue(p.Key, out var n) && n == p.Value);
}
