namespace ElectionSystem.Server.Hosting;

/// <summary>
/// The hall's wall clock: everything is stored in UTC; times shown to people ("đã điểm danh lúc
/// 07:45") are in the hall's time zone (configuration <c>HallTimeZone</c>, default Asia/Ho_Chi_Minh).
/// </summary>
public sealed class HallClock(TimeProvider time, TimeZoneInfo zone)
{
    public static TimeZoneInfo ResolveZone(string? id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? "Asia/Ho_Chi_Minh" : id);
        }
        catch (TimeZoneNotFoundException)
        {
            // No tzdata on the box: Việt Nam has had no daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");
        }
    }

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime ToHall(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>"07:45" in hall time.</summary>
    public string ShortTime(DateTime utc) => ToHall(utc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
