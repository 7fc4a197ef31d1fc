using System.Globalization;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Names;
using ElectionSystem.Domain.Records;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ElectionSystem.Domain.Tests;

/// <summary>Properties of the count and of ballot order, over random rounds and names (FsCheck).</summary>
public class Properties
{
    private static Arbitrary<Generators.Scenario> Scenarios => Generators.Scenarios().ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Valid_plus_invalid_is_collected() =>
        Prop.ForAll(Scenarios, s =>
        {
            var r = s.Round.Count(s.Ballots);
            return r.Valid + r.InvalidTotal == r.Collected && r.Collected == s.Ballots.Count;
        });

    [Property(MaxTest = 300)]
    public Property Tally_classifies_each_ballot_as_the_validity_rules_do() =>
        Prop.ForAll(Scenarios, s =>
        {
            var r = s.Round.Count(s.Ballots);
            var oneByOne = s.Ballots.Select(b => s.Round.Check(b.Content)).OfType<InvalidReason>()
                .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
            return oneByOne.Count == r.Invalid.Count && oneByOne.All(p => r.Invalid[p.Key] == p.Value);
        });

    [Property(MaxTest = 300)]
    public Property No_one_is_elected_below_the_threshold() =>
        Prop.ForAll(Scenarios, s =>
        {
            var r = s.Round.Count(s.Ballots);
            return r.Elected.All(id => 2 * r.Votes(id) > r.Base)
                && (r.Tie?.Candidates.All(id => 2 * r.Votes(id) > r.Base) ?? true);
        });

    [Property(MaxTest = 300)]
    public Property Never_more_elected_than_seats() =>
        Prop.ForAll(Scenarios, s =>
        {
            var r = s.Round.Count(s.Ballots);
            return r.Elected.Count <= s.Round.Seats
                && r.Elected.Count + (r.Tie?.Seats ?? 0) + r.Vacant == s.Round.Seats
                && r.Vacant >= 0;
        });

    [Property(MaxTest = 200)]
    public Property Result_does_not_depend_on_the_order_of_ballots() =>
        Prop.ForAll(
            Generators.Scenarios().SelectMany(s => Gen.Shuffle(s.Ballots.ToArray()).Select(shuffled => (s, shuffled))).ToArbitrary(),
            p => ElectionResultWriter.ToJson(p.s.Round.Count(p.s.Ballots)) == ElectionResultWriter.ToJson(p.s.Round.Count(p.shuffled)));

    [Property(MaxTest = 500)]
    public Property Tie_is_reported_exactly_when_the_cut_off_is_shared() =>
        Prop.ForAll(Generators.VoteCounts().ToArbitrary(), x =>
        {
            var (rows, seats, _) = x;
            var passed = rows.Where(c => c.PassedThreshold).Select(c => c.Votes).OrderDescending().ToList();
            var shared = passed.Count > seats && passed[seats] == passed[seats - 1];
            var outcome = WhoIsElected.Decide(rows, seats);
            if (!shared) return outcome.Tie is null;
            var tie = outcome.Tie!;
            var cutOff = passed[seats - 1];
            return tie.Candidates.All(id => rows.Single(c => c.Id == id).Votes == cutOff)
                && tie.Candidates.Count == passed.Count(v => v == cutOff)
                && tie.Candidates.Count > tie.Seats
                && !tie.Candidates.Intersect(outcome.Elected).Any()
                && outcome.Elected.All(id => rows.Single(c => c.Id == id).Votes > cutOff)
                && outcome.Elected.Count + tie.Seats == seats;
        });

    [Property(MaxTest = 500)]
    public Property Within_the_seats_the_most_voted_who_passed_are_elected() =>
        Prop.ForAll(Generators.VoteCounts().ToArbitrary(), x =>
        {
            var (rows, seats, _) = x;
            var outcome = WhoIsElected.Decide(rows, seats);
            var elected = outcome.Elected.Select(id => rows.Single(c => c.Id == id)).ToList();
            var others = rows.Where(c => c.PassedThreshold && !outcome.Elected.Contains(c.Id));
            // Nobody left out has more votes than someone elected, and the elected are in vote order.
            return others.All(o => elected.All(e => e.Votes > o.Votes))
                && elected.Zip(elected.Skip(1)).All(p => p.First.Votes >= p.Second.Votes);
        });

    [Property(MaxTest = 200)]
    public Property Nomination_poll_admits_exactly_those_over_30_percent_of_present() =>
        Prop.ForAll(Generators.Polls().ToArbitrary(), s =>
        {
            var r = s.Round.Count(s.Ballots);
            var present = s.Round.Present!.Value;
            var admitted = r.Candidates.Where(c => 10 * c.Votes > 3 * present).Select(c => c.Id).ToHashSet();
            return admitted.SetEquals(r.Elected) && r.Tie is null && r.Vacant == 0 && r.Valid + r.InvalidTotal == r.Collected;
        });

    // --- Ballot order

    private static Arbitrary<(string Name, DateOnly? Born)> People => Generators.People().ToArbitrary();

    private static int Cmp((string Name, DateOnly? Born) a, (string Name, DateOnly? Born) b) =>
        BallotOrder.Instance.Compare(BallotOrder.KeyOf(a.Name, a.Born), BallotOrder.KeyOf(b.Name, b.Born));

    [Property(MaxTest = 500)]
    public Property Ballot_order_is_antisymmetric_and_reflexive() =>
        Prop.ForAll(People, People, (a, b) => Cmp(a, b) == -Cmp(b, a) && Cmp(a, a) == 0);

    [Property(MaxTest = 500)]
    public Property Ballot_order_is_transitive() =>
        Prop.ForAll(People, People, People, (a, b, c) =>
        {
            var sorted = new[] { a, b, c }.Order(Comparer<(string Name, DateOnly? Born)>.Create(Cmp)).ToArray();
            return Cmp(sorted[0], sorted[1]) <= 0 && Cmp(sorted[1], sorted[2]) <= 0 && Cmp(sorted[0], sorted[2]) <= 0;
        });

    [Property(MaxTest = 500)]
    public Property Ballot_order_is_total_equal_only_for_the_same_name_and_birth_date() =>
        Prop.ForAll(People, People, (a, b) =>
            (Cmp(a, b) == 0) == (VietnameseText.Normalize(a.Name) == VietnameseText.Normalize(b.Name) && a.Born == b.Born));

    [Property(MaxTest = 500)]
    public Property Ballot_order_is_consistent_between_entries_and_keys() =>
        Prop.ForAll(People, People, (a, b) =>
            BallotOrder.Instance.Compare(new BallotOrder.Entry(a.Name, a.Born), new BallotOrder.Entry(b.Name, b.Born)) == Cmp(a, b));

    [Property(MaxTest = 1000)]
    public Property Ballot_order_agrees_with_icu_vi_vn_on_given_family_middle() =>
        Prop.ForAll(People, People, (a, b) =>
        {
            var vi = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;
            var x = VietnameseName.Parse(a.Name);
            var y = VietnameseName.Parse(b.Name);
            var icu = vi.Compare(x.GivenName, y.GivenName, CompareOptions.IgnoreCase);
            if (icu == 0) icu = vi.Compare(x.FamilyName, y.FamilyName, CompareOptions.IgnoreCase);
            if (icu == 0) icu = vi.Compare(x.MiddleName, y.MiddleName, CompareOptions.IgnoreCase);
            return icu == 0 || Math.Sign(icu) == Cmp(a, b);
        });
}
