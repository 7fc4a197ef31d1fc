namespace ElectionSystem.Server.Hosting;

/// <summary>
/// The hall's wall clock: everything is stored in UTC; times shown to people ("đã điểm danh lúc
/// 07:45") are in the hall's time zone (configuration <c>HallTimeZone</c>, default Asia/Ho_Chi_Minh).
/// </summary>
public sealed class HallClock(TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>The zone for a configured id; false when this machine does not know it.</summary>
    public static bool TryResolveZone(string? id, out TimeZoneInfo zone)
    {
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            zone = found;
            return true;
        }
        if (id == HallOptions.DefaultTimeZone)
        {
            // No tzdata on the box: Việt Nam has had no daylight saving since 1975.
            zone = TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");
            return true;
        }
        zone = TimeZoneInfo.Utc;
        return false;
    }

    /// <summary>The zone for a validated id (HallOptionsValidator refuses unknown ones at start).</summary>
    public static TimeZoneInfo ResolveZone(string id) =>
        TryResolveZone(id, out var zone) ? zone : throw new TimeZoneNotFoundException($"HallTimeZone: \"{id}\" is not a known time zone.");

    /// <summary>Now, to the microsecond: what both databases store (PostgreSQL keeps no finer), so a
    /// time read back equals the one written, and the audit chain's hashes (which cover it) verify.</summary>
    public DateTime UtcNow => ToStoredPrecision(time.GetUtcNow().UtcDateTime);

    public static DateTime ToStoredPrecision(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMicrosecond, t.Kind);

    public DateTime ToHall(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>"07:45" in hall time.</summary>
    public string ShortTime(DateTime utc) => ToHall(utc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
