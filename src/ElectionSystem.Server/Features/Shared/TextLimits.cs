namespace ElectionSystem.Server.Features.Shared;

/// <summary>Lengths shared by the validators of every feature: a title fits a ballot's heading, a name a badge.</summary>
public static class TextLimits
{
    public const int Title = 500;
    public const int Name = 200;

    public static bool Fits(string? text, int max) => (text ?? "").Trim().Length <= max;
}
