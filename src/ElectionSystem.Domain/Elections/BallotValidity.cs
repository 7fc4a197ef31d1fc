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
                if (!list.UsesStrikeOut())
                {
                    throw new ArgumentException($"A {list} list is marked row by row, not struck out.", nameof(content));
                }
                var struckOut = new HashSet<string>(StringComparer.Ordinal);
                foreach (var id in struck.Ids)
                {
                    if (!candidateIds.Contains(id)) return InvalidReason.UnknownCandidate;
                    struckOut.Add(id);
                }
                var retained = candidateIds.Count - struckOut.Count;
                if (retained > seats) return InvalidReason.OverSeats;
                if (retained == 0) return InvalidReason.AllStruck;
                return null;

            case BallotContent.Marks marks:
                if (list.UsesStrikeOut())
                {
                    throw new ArgumentException("A list with surplus is struck out, not marked row by row.", nameof(content));
                }
                foreach (var id in marks.ByCandidate.Keys)
                {
                    if (!candidateIds.Contains(id)) return InvalidReason.UnknownCandidate;
                }
                // Over seats cannot happen here: a list without surplus has no more rows than
                // seats, and a nomination poll has no seats to exceed.
                if (list == ListKind.OneCandidate)
                {
                    var only = marks.Of(candidateIds.Single());
                    if (only is Mark.None or Mark.Both) return InvalidReason.NoChoice;
                }
                // On a multi-row list a row with neither or both boxes simply does not count.
                return null;

            default:
                throw new ArgumentOutOfRangeException(nameof(content), content, null);
        }
    }
}
