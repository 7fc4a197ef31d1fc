using System.Xml.Linq;
using ElectionSystem.Server.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// The Data Protection key ring in the database (<see cref="HallSecret"/> rows named
/// <c>dataprotection:…</c>), for two hall servers: a cookie or bearer token issued by one is read by
/// the other, and a key made by either is the other's too. With one server the ring stays in
/// {DataFolder}/keys (AuthSetup). A key is added once and never changed; two servers adding one at the
/// same moment keep both (each name is the key's own id).
/// </summary>
public sealed class DatabaseKeyRing(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
        return db.HallSecrets.AsNoTracking().Where(s => s.Name.StartsWith(HallSecret.DataProtectionPrefix))
            .Select(s => s.Value).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
        db.HallSecrets.Add(new HallSecret
        {
            Name = HallSecret.DataProtectionPrefix + friendlyName,
            Value = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
