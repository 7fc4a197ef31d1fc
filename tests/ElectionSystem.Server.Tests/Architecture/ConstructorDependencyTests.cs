using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Architecture;

/// <summary>
/// A type that needs more than <see cref="MaxParameters"/> collaborators does too much: every server
/// type the container builds takes at most that many constructor parameters. Read from the app's
/// real service collection (the app is started as the other tests start it), plus the page models
/// and hubs, which the container also builds (per request) without their being registered.
/// </summary>
public sealed class ConstructorDependencyTests
{
    public const int MaxParameters = 5;

    [Fact]
    public async Task Services_take_at_most_five_constructor_parameters()
    {
        var built = await ContainerBuiltServerTypesAsync();

        var offenders = built
            .Select(t => (Type: t.Type, t.Kind, Count: DiConstructorParameters(t.Type)))
            .Where(t => t.Count > MaxParameters)
            .OrderByDescending(t => t.Count).ThenBy(t => t.Type.FullName, StringComparer.Ordinal)
            .Select(t => $"{Name(t.Type)} ({t.Kind}): {t.Count} parameters")
            .ToList();

        Assert.True(offenders.Count == 0, $"{offenders.Count} types take more than {MaxParameters} constructor parameters:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public async Task Service_enumeration_sees_the_servers_registrations()
    {
        // An empty enumeration would pass the rule without looking at anything.
        var built = await ContainerBuiltServerTypesAsync();
        Assert.Contains(built, t => t.Kind == "service" && DiConstructorParameters(t.Type) > 0);
        Assert.Contains(built, t => t.Kind == "page model");
        Assert.Contains(built, t => t.Kind == "hub");
    }

    /// <summary>The parameters of the constructor the container would pick: the longest public one.</summary>
    private static int DiConstructorParameters(Type type) =>
        type.GetConstructors().Select(c => c.GetParameters().Length).DefaultIfEmpty(0).Max();

    private static async Task<List<(Type Type, string Kind)>> ContainerBuiltServerTypesAsync()
    {
        await using var factory = new ServiceCapturingFactory();
        _ = factory.Services; // starts the app, so every registration has run
        var server = typeof(Program).Assembly;

        var registered = factory.Registrations
            .Select(d => d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType)
            .OfType<Type>()
            .Where(t => t.Assembly == server)
            .Select(t => (Type: t, Kind: "service"));
        var activated = server.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true })
            .Select(t => (Type: t, Kind: typeof(PageModel).IsAssignableFrom(t) ? "page model" : typeof(Hub).IsAssignableFrom(t) ? "hub" : null))
            .Where(t => t.Kind is not null)
            .Select(t => (t.Type, Kind: t.Kind!));
        return registered.Concat(activated).DistinctBy(t => t.Type).ToList();
    }

    private static string Name(Type type) =>
        type.FullName!.Replace("ElectionSystem.Server.Features.", "", StringComparison.Ordinal)
            .Replace("ElectionSystem.Server.", "", StringComparison.Ordinal);

    /// <summary>The test hall, keeping the service collection the app was built from.</summary>
    private sealed class ServiceCapturingFactory : HallFactory
    {
        public IReadOnlyList<ServiceDescriptor> Registrations { get; private set; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => Registrations = [.. services]);
        }
    }
}
