// Renders a badge token as a QR code for the printable badge sheets: PNG for <img> and downloads,
// SVG for crisp print at any size. QRCoder's PngByteQRCode and SvgQRCode need no System.Drawing.
// Error correction M survives a scuffed or creased badge while keeping the code small; the
// token's alphabet lets QRCoder choose alphanumeric mode, the most compact for it.
using QRCoder;

namespace ElectionSystem.Server.Features.Badges;

public static class BadgeQr
{
    public static byte[] Png(string token, int pixelsPerModule = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = Encode(token);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>An SVG sized by its viewBox, so the badge page's CSS sets the printed size.</summary>
    public static string Svg(string token)
    {
        using var data = Encode(token);
        return new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private static QRCodeData Encode(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
    }
}
