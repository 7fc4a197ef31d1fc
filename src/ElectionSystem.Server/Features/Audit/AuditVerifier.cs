using ElectionSystem.Server.Data;

namespace ElectionSystem.Server.Features.Audit;

/// <summary>The outcome of checking the chain: OK, or the first sequence where it breaks and why.</summary>
public sealed record AuditVerification(bool Ok, long Entries, long? BrokenAt, string? Reason);

/// <summary>
/// Checks an audit chain: sequences contiguous from 1, each entry's PreviousHash equal to the
/// previous entry's Hash, each Hash recomputed, and the last entry equal to the separately kept
/// head (so deleting the newest entries is detected). Someone able to rewrite the whole database
/// can rewrite the head too: export the head (GET /api/audit/verify shows it) to paper or another
/// machine to close that gap.
/// </summary>
public static class AuditVerifier
{
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSequenceOrder, AuditHead? head)
    {
        long expected = 1;
        var previousHash = AuditHash.Genesis;
        foreach (var e in entriesInSequenceOrder)
        {
            if (e.Sequence != expected)
            {
                return new(false, expected - 1, expected, $"Thiếu mục nhật ký số {expected} (tiếp theo là số {e.Sequence}).");
            }
            if (e.PreviousHash != previousHash)
            {
                return new(false, expected - 1, e.Sequence, $"Mục số {e.Sequence} không nối tiếp mục trước (mã băm trước không khớp).");
            }
            if (AuditHash.Compute(e) != e.Hash)
            {
                return new(false, expected - 1, e.Sequence, $"Mục số {e.Sequence} đã bị sửa (mã băm không khớp nội dung).");
            }
            previousHash = e.Hash;
            expected++;
        }

        var count = expected - 1;
        var headSequence = head?.Sequence ?? 0;
        var headHash = head?.Hash ?? AuditHash.Genesis;
        if (headSequence != count || headHash != previousHash)
        {
            return new(false, count, count + 1,
                $"Đầu chuỗi ghi số {headSequence} nhưng nhật ký chỉ còn {count} mục: các mục cuối đã bị xóa hoặc sửa.");
        }
        return new(true, count, null, null);
    }
}
