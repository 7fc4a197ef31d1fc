// Badge tokens: genuine ones verify; altered, forged and garbage ones are refused; re-issued
// badges are recognised as revoked; scanner quirks (case, line ends) do not matter.
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ElectionSystem.Server.Features.Badges;

namespace ElectionSystem.Server.Tests.Badges;

public class BadgeTokensTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly BadgeTokens tokens = new(Key);

    [Fact]
    public void Issued_token_verifies_with_its_code_and_version()
    {
        var check = tokens.Verify(tokens.Issue("DB001", 3));

        Assert.Equal(new BadgeTokenCheck(BadgeTokenStatus.Valid, "DB001", 3), check);
    }

    [Fact]
    public void Token_follows_the_documented_format()
    {
        var token = tokens.Issue("db-042", 7);

        // Computed here independently: "DB1.CODE.VERSION." + base32(first 15 bytes of HMAC-SHA256).
        var mac = HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes("DB1.DB-042.7"))[..15];
        Assert.Equal("DB1.DB-042.7." + ReferenceBase32(mac), token);
        Assert.Matches(new Regex("^[A-Z0-9.-]+$"), token);
    }

    [Fact]
    public void Reference_base32_matches_rfc_4648_vectors()
    {
        // Guards the oracle used above (RFC 4648 §10, padding removed).
        Assert.Equal("MZXW6YTBOI", ReferenceBase32("foobar"u8.ToArray()));
        Assert.Equal("MZXW6", ReferenceBase32("foo"u8.ToArray()));
    }

    [Fact]
    public void Altered_code_is_forged()
    {
        var token = tokens.Issue("DB001", 1);
        var altered = token.Replace("DB001", "DB002", StringComparison.Ordinal);

        Assert.Equal(BadgeTokenStatus.Forged, tokens.Verify(altered).Status);
    }

    [Fact]
    public void Altered_version_is_forged()
    {
        var token = tokens.Issue("DB001", 1);
        var altered = token.Replace(".1.", ".2.", StringComparison.Ordinal);

        Assert.Equal(BadgeTokenStatus.Forged, tokens.Verify(altered).Status);
    }

    [Fact]
    public void Any_altered_mac_character_is_forged()
    {
        var token = tokens.Issue("DB001", 1);
        var macStart = token.LastIndexOf('.') + 1;
        for (var i = macStart; i < token.Length; i++)
        {
            var chars = token.ToCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            var check = tokens.Verify(new string(chars));
            Assert.Equal(BadgeTokenStatus.Forged, check.Status);
            Assert.Null(check.DelegateCode);
        }
    }

    [Fact]
    public void Token_signed_with_another_key_is_forged()
    {
        var otherCongress = new BadgeTokens(RandomNumberGenerator.GetBytes(32));

        Assert.Equal(BadgeTokenStatus.Forged, tokens.Verify(otherCongress.Issue("DB001", 1)).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n")]
    [InlineData("DB001")]
    [InlineData("https://example.com/?q=DB001")]
    [InlineData("DB1.")]
    [InlineData("DB1.DB001.1")]
    [InlineData("DB1.DB001.1.ABC")]
    [InlineData("DB1.DB001.1.AAAAAAAAAAAAAAAAAAAAAAAA.EXTRA")]
    [InlineData("DB2.DB001.1.AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("DB1.DB 001.1.AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("DB1.DB_001.1.AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("DB1..1.AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("DB1.DB001.01.AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("DB1.DB001.-1.AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("DB1.DB001.99999999999.AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("DB1.DB001.1.AAAAAAAAAAAAAAAAAAAAAAA0")]
    [InlineData("DB1.DB001.1.AAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Garbage_is_malformed(string scanned)
    {
        var check = tokens.Verify(scanned);

        Assert.Equal(new BadgeTokenCheck(BadgeTokenStatus.Malformed, null, 0), check);
    }

    [Fact]
    public void Overlong_input_is_malformed_even_around_a_genuine_token()
    {
        var token = tokens.Issue("DB001", 1);

        Assert.Equal(BadgeTokenStatus.Malformed, tokens.Verify(token + new string('X', 100)).Status);
        Assert.Equal(BadgeTokenStatus.Malformed, tokens.Verify(new string('A', 1_000_000)).Status);
    }

    [Fact]
    public void Lower_cased_token_with_scanner_line_end_is_still_valid()
    {
        var token = tokens.Issue("DB-7", 2);

        var check = tokens.Verify("  " + token.ToLowerInvariant() + "\r\n");

        Assert.Equal(new BadgeTokenCheck(BadgeTokenStatus.Valid, "DB-7", 2), check);
    }

    [Fact]
    public void Reissued_badge_revokes_the_old_token()
    {
        var old = tokens.Verify(tokens.Issue("DB001", 1));
        var current = tokens.Verify(tokens.Issue("DB001", 2));
        const int versionInDatabase = 2;

        Assert.True(BadgeTokens.IsRevoked(old, versionInDatabase));
        Assert.False(BadgeTokens.IsRevoked(current, versionInDatabase));
        Assert.NotEqual(tokens.Issue("DB001", 1), tokens.Issue("DB001", 2));
    }

    [Fact]
    public void Forged_token_is_not_reported_as_revoked()
    {
        var forged = tokens.Verify(new BadgeTokens(RandomNumberGenerator.GetBytes(32)).Issue("DB001", 1));

        Assert.False(BadgeTokens.IsRevoked(forged, 2));
    }

    [Theory]
    [InlineData("DB_001")]
    [InlineData("DB.001")]
    [InlineData("ĐB001")]
    [InlineData("")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    public void Issue_refuses_codes_a_scanner_or_the_format_cannot_carry(string code)
    {
        Assert.Throws<ArgumentException>(() => tokens.Issue(code, 1));
    }

    [Fact]
    public void Issue_refuses_negative_versions_and_short_keys()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => tokens.Issue("DB001", -1));
        Assert.Throws<ArgumentException>(() => new BadgeTokens(new byte[8]));
    }

    [Fact]
    public void Key_is_copied_so_later_changes_to_the_callers_array_do_not_matter()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var issuer = new BadgeTokens(key);
        var token = issuer.Issue("DB001", 1);
        Array.Clear(key);

        Assert.Equal(BadgeTokenStatus.Valid, issuer.Verify(token).Status);
    }

    /// <summary>RFC 4648 base32 without padding, written the slow obvious way (via a bit string).</summary>
    private static string ReferenceBase32(byte[] bytes)
    {
        var bits = string.Concat(bytes.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        bits = bits.PadRight((bits.Length + 4) / 5 * 5, '0');
        return string.Concat(Enumerable.Range(0, bits.Length / 5)
            .Select(i => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));
    }
}
