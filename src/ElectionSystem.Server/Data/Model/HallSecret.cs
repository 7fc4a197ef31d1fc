using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ElectionSystem.Server.Data;

/// <summary>
/// A key every hall server must hold alike when there are two (<c>Hall:Nodes=two</c>, ADR 0012): the
/// Data Protection key ring's XML elements (<c>dataprotection:{name}</c>: cookies and bearer tokens)
/// and a congress's badge-signing key (<c>badge:{congressId:N}</c>, base64). With one server they stay
/// in the data folder and this table is empty. Written once, never changed (a key is added, not replaced).
/// </summary>
public sealed class HallSecret
{
    public const string DataProtectionPrefix = "dataprotection:";
    public const string BadgePrefix = "badge:";

    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

internal sealed class HallSecretConfiguration : IEntityTypeConfiguration<HallSecret>
{
    public void Configure(EntityTypeBuilder<HallSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(200);
    }
}
