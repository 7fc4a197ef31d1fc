// Badge QR images: the PNG decodes back to the exact token through an independent reader
// (ZXing.Net over SkiaSharp's PNG decoder), and stays small enough for a badge.
using System.Security.Cryptography;
using System.Xml.Linq;
using ElectionSystem.Server.Features.Badges;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace ElectionSystem.Server.Tests.Badges;

public class BadgeQrTests
{
    private readonly BadgeTokens tokens = new(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("DB001", 1)]
    [InlineData("A", 0)]
    [InlineData("DAI-HOI-2025-DB-1586", int.MaxValue)]
    public void Png_decodes_back_to_the_token(string code, int version)
    {
        var token = tokens.Issue(code, version);

        var png = BadgeQr.Png(token);

        Assert.Equal(token, QrDecoder.Decode(png));
        Assert.Equal(BadgeTokenStatus.Valid, tokens.Verify(QrDecoder.Decode(png)!).Status);
    }

    [Fact]
    public void Png_at_small_module_size_still_decodes()
    {
        var token = tokens.Issue("DB300", 4);

        Assert.Equal(token, QrDecoder.Decode(BadgeQr.Png(token, pixelsPerModule: 3)));
    }

    [Fact]
    public void Longest_token_fits_a_version_3_code()
    {
        // 20-character code and a 10-digit version: 60 characters. In alphanumeric mode at ECC M
        // that is version 3 (29 modules); byte mode would need version 4 (33), a denser print.
        var token = tokens.Issue("ABCDEFGHIJ-123456789", int.MaxValue);
        Assert.Equal(60, token.Length);

        using var bitmap = SKBitmap.Decode(BadgeQr.Png(token, pixelsPerModule: 1));

        // Width is the modules plus a 4-module quiet zone on each side.
        Assert.Equal(29 + 8, bitmap.Width);
    }

    [Fact]
    public void Svg_is_a_scalable_svg_document()
    {
        var svg = XDocument.Parse(BadgeQr.Svg(tokens.Issue("DB001", 1)));

        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.NotNull(svg.Root.Attribute("viewBox"));
    }
}

/// <summary>
/// Reads a QR code from PNG bytes: SkiaSharp decodes the PNG, its BGRA pixels feed ZXing's
/// RGBLuminanceSource (ZXing.Net's own SkiaSharp bindings are a separate package we do not use).
/// </summary>
internal static class QrDecoder
{
    internal static string? Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a PNG SkiaSharp can read.");
        using var bgra = decoded.Copy(SKColorType.Bgra8888) ?? throw new InvalidOperationException("Cannot convert to BGRA.");
        var pixels = new byte[bgra.Width * bgra.Height * 4];
        var rowBytes = bgra.RowBytes;
        var source = bgra.GetPixelSpan();
        for (var y = 0; y < bgra.Height; y++)
        {
            source.Slice(y * rowBytes, bgra.Width * 4).CopyTo(pixels.AsSpan(y * bgra.Width * 4));
        }

        var luminance = new RGBLuminanceSource(pixels, bgra.Width, bgra.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var reader = new BarcodeReaderGeneric
        {
            // PureBarcode: the image is a generated code, not a photo. ZXing's finder-pattern search
            // misses about 1 in 200 such clean images (measured: 15 of 3,000 random tokens), which
            // made the test flaky; reading the module grid directly decodes all of them.
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = true },
        };
        return reader.Decode(luminance)?.Text;
    }
}
