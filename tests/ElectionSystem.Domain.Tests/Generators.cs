using System.Text;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Elections;
using FsCheck;
using FsCheck.Fluent;

namespace ElectionSystem.Domain.Tests;

/// <summary>FsCheck generators: random rounds with random ballots, and random Vietnamese names.</summary>
internal static class Generators
{
    public sealed record Scenario(ElectionRound Round, IReadOnlyList<Ballot> Ballots)
    {
        public override string ToString() =>
            $"{Round.Kind} seats={Round.Seats} base={Round.Base.Value} candidates={Round.InBallotOrder.Count} ballots=[{string.Join("; ", Ballots.Select(Show))}]";

        private static string Show(Ballot b) => b.Content switch
        {
            BallotContent.Struck s => "struck " + string.Join(",", s.Ids),
            BallotContent.Marks m => "marks " + string.Join(",", m.ByCandidate.Select(p => $"{p.Key}:{p.Value}")),
            BallotContent.PaperInvalid p => "invalid " + p.Reason.ToWire(),
            _ => "?",
        };
    }

    /// <summary>
    /// Small rounds (so votes often tie and often straddle the threshold) with ballots of the
    /// shape the list takes, some of them invalid in every way a ballot can be.
    /// </summary>
    public static Gen<Scenario> Scenarios() =>
        from seats in Gen.Choose(1, 5)
        from candidates in Gen.Choose(1, 8)
        from @base in Gen.Choose(0, 30)
        from kind in Gen.Elements(ElectionKind.ExecutiveCommittee, ElectionKind.Other, ElectionKind.DelegationOfficial)
        let round = new ElectionRound(kind, seats, new CongressBase(@base, 0, 0), @base, Build.Candidates(candidates))
        from ballots in BallotFor(round).ListOf().Select(l => l.Take(40).ToList())
        select new Scenario(round, ballots.Select((b, i) => b with { Id = $"b{i}" }).ToList());

    public static Gen<Scenario> Polls() =>
        from nominees in Gen.Choose(1, 6)
        from present in Gen.Choose(0, 30)
        let round = new ElectionRound(ElectionKind.NominationPoll, 0, new CongressBase(300, 0, 0), present, Build.Candidates(nominees), null, present)
        from ballots in BallotFor(round).ListOf().Select(l => l.Take(40).ToList())
        select new Scenario(round, ballots.Select((b, i) => b with { Id = $"b{i}" }).ToList());

    /// <summary>
    /// Rounds of every list kind (polls too) with what delegates can mark on a tablet: names of the
    /// list only, struck or marked in every way, valid or not, never a paper ruling.
    /// </summary>
    public static Gen<Scenario> TabletRounds() =>
        from poll in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from seats in Gen.Choose(1, 6)
        from candidates in Gen.Choose(1, 9)
        from kind in Gen.Elements(ElectionKind.ExecutiveCommittee, ElectionKind.Other, ElectionKind.DelegationOfficial)
        let round = poll
            ? new ElectionRound(ElectionKind.NominationPoll, 0, new CongressBase(300, 0, 0), 30, Build.Candidates(candidates), null, 30)
            : new ElectionRound(kind, seats, new CongressBase(30, 0, 0), 30, Build.Candidates(candidates))
        from ballots in BallotFor(round, tablet: true).ListOf().Select(l => l.Take(40).ToList())
        select new Scenario(round, ballots.Select((b, i) => b with { Id = $"b{i}" }).ToList());

    private static Gen<Ballot> BallotFor(ElectionRound round, bool tablet = false)
    {
        var ids = round.InBallotOrder.Select(c => c.Id).ToArray();
        // Ids that are sometimes not on the list, to exercise unknown-candidate (a tablet shows only the list).
        var anyId = tablet ? Gen.Elements(ids) : Gen.Frequency((12, Gen.Elements(ids)), (1, Gen.Constant("x")));
        var content = round.ListKind.UsesStrikeOut()
            ? anyId.ListOf().Select(l => (BallotContent)new BallotContent.Struck(l.Take(ids.Length + 1).ToList()))
            : (from marked in anyId.ListOf()
               from marks in Gen.Elements(Mark.Agree, Mark.Agree, Mark.Disagree, Mark.None, Mark.Both).ArrayOf(marked.Count)
               select (BallotContent)new BallotContent.Marks(
                   marked.Zip(marks).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.First().Second)));
        var paper = Gen.Elements(InvalidReason.NotIssued, InvalidReason.AddedName, InvalidReason.IdentifyingMark, InvalidReason.Other)
            .Select(r => (BallotContent)new BallotContent.PaperInvalid(r));
        return from c in tablet ? content : Gen.Frequency((15, content), (1, paper))
               from source in Gen.Elements(BallotSource.Tablet, BallotSource.Paper)
               select new Ballot("b", source, c);
    }

    /// <summary>Votes for a list directly: small numbers so ties at the cut-off are common.</summary>
    public static Gen<(IReadOnlyList<CandidateResult> Rows, int Seats, int Base)> VoteCounts() =>
        from n in Gen.Choose(0, 8)
        from seats in Gen.Choose(1, 5)
        from @base in Gen.Choose(0, 12)
        from votes in Gen.Choose(0, 8).ArrayOf(n)
        select ((IReadOnlyList<CandidateResult>)Build.Candidates(n)
            .Select((c, i) => new CandidateResult(c, votes[i], "", Threshold.Passed(votes[i], @base)))
            .ToList(), seats, @base);

    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Âu", "Ưng"];
    private static readonly string[] Onsets = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v", "x"];
    private static readonly string[] Vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "uy", "ươ", "iê"];
    private static readonly string[] Codas = ["", "", "n", "nh", "ng", "c", "ch", "t", "m", "p", "i", "u", "o"];

    // Combining tone marks: none, huyền, hỏi, ngã, sắc, nặng.
    private static readonly string[] Tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];

    public static Gen<string> Syllables() =>
        from onset in Gen.Elements(Onsets)
        from vowel in Gen.Elements(Vowels)
        from tone in Gen.Elements(Tones)
        from coda in Gen.Elements(Codas)
        from upper in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        select Capitalise((onset + vowel[0] + tone + vowel[1..] + coda).Normalize(NormalizationForm.FormC), upper);

    public static Gen<string> FullNames() =>
        from family in Gen.Elements(Families)
        from middleCount in Gen.Choose(0, 2)
        from middle in Syllables().ArrayOf(middleCount)
        from given in Syllables()
        select string.Join(' ', new[] { family }.Concat(middle).Append(given));

    public static Gen<(string Name, DateOnly? Born)> People() =>
        from name in Gen.Frequency((6, FullNames()), (1, Gen.Elements("Nguyễn Văn An", "Nguyễn Văn Ân", "Nguyễn văn an", "Lê Thị Hà")))
        from born in Gen.Frequency((1, Gen.Constant<DateOnly?>(null)), (2, Gen.Choose(0, 3).Select(d => (DateOnly?)new DateOnly(1970, 1, 1).AddDays(d))))
        select (name, born);

    private static string Capitalise(string s, bool upper) =>
        upper && s.Length > 0 ? string.Concat(s[..1].ToUpper(Names.VietnameseText.Culture), s[1..]) : s;
}
