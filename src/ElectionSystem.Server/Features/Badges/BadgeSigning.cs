namespace ElectionSystem.Server.Features.Badges;

/// <summary>
/// Holds the congress's badge signer, made at start-up from the per-congress key in the data folder
/// (BadgeKeyStore). A singleton so every request verifies with the same key.
/// </summary>
public sealed class BadgeSigning
{
    private BadgeTokens? _tokens;

    public BadgeTokens Tokens => _tokens ?? throw new InvalidOperationException("The badge key has not been loaded yet.");

    public void Initialize(byte[] key) => _tokens = new BadgeTokens(key);
}
