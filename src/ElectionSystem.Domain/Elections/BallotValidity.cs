namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Phiếu hợp lệ / không hợp lệ (DOMAIN.md §4.2): valid when issued and retaining no more names
/// than seats. Returns the first reason in FORMAT.md's precedence, or null for a valid ballot.
/// </summary>
public static class BallotValidity
{
    public static InvalidReason? Check(BallotContent content, ListKind list, IReadOnlySet<string> candidateIds, int seats)
    {
        switch (content)
        {
            case BallotContent.PaperInvalid paper:
                return paper.Reason;

            case BallotContent.Struck struck:
                RequireShape(content, list);
                var struckOut = new HashSet<string>(StringComparer.Ordinal);
                var unknown = false;
                foreach (var id in struck.Ids)
                {
                    if (!candidateIds.Contains(id))
                    {
                        unknown = true;
                    }
                    else
                    {
                        struckOut.Add(id);
                    }
                }
                return Decide(list, candidateIds.Count, seats, unknown, struckOut.Count, onlyMark: null);

            case BallotContent.Marks marks:
                RequireShape(content, list);
                var unknownMark = marks.ByCandidate.Keys.Any(id => !candidateIds.Contains(id));
                Mark? only = candidateIds.Count == 1 && !unknownMark ? marks.Of(candidateIds.Single()) : null;
                return Decide(list, candidateIds.Count, seats, unknownMark, struckCount: 0, only);

            default:
                throw new ArgumentOutOfRangeException(nameof(content), content, null);
        }
    }

    /// <summary>
    /// The rules themselves, in FORMAT.md's order, on what a ballot amounts to. The tally calls
    /// this too, after resolving ids once, so there is one place that says what is valid.
    /// </summary>
    /// <param name="struckCount">Distinct names on the list struck out (a list with surplus).</param>
    /// <param name="onlyMark">The mark of a one-candidate ballot.</param>
    internal static InvalidReason? Decide(ListKind list, int candidates, int seats, bool unknownCandidate, int struckCount, Mark? onlyMark)
    {
        if (unknownCandidate) return InvalidReason.UnknownCandidate;
        if (list == ListKind.WithSurplus)
        {
            var retained = candidates - struckCount;
            if (retained > seats) return InvalidReason.OverSeats;
            if (retained == 0) return InvalidReason.AllStruck;
            return null;
        }
        // Over seats cannot happen on marks: a list without surplus has no more rows than seats,
        // and a nomination poll has no seats to exceed. On a multi-row list a row with neither or
        // both boxes simply does not count; only a one-candidate ballot is then invalid — a poll
        // on a single nominee included, since its ballot is the same two boxes on one row.
        if (candidates == 1 && onlyMark is Mark.None or Mark.Both) return InvalidReason.NoChoice;
        return null;
    }

    internal static void RequireShape(BallotContent content, ListKind list)
    {
        // The record reader refuses a ballot of the wrong shape; reaching here is a caller's bug.
        if (content is BallotContent.Struck && !list.UsesStrikeOut())
        {
            throw new ArgumentException($"A {list} list is marked row by row, not struck out.", nameof(content));
        }
        if (content is BallotContent.Marks && list.UsesStrikeOut())
        {
            throw new ArgumentException("A list with surplus is struck out, not marked row by row.", nameof(content));
        }
    }
}
