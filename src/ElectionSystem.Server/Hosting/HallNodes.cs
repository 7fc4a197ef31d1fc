using FluentValidation;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace ElectionSystem.Server.Hosting;

/// <summary>
/// How many hall servers share the database (section <c>Hall</c>, key <c>Nodes</c>): <c>one</c> (the
/// default) or <c>two</c> (issue 15, docs/decisions/0012). With two, nothing correct may rest on one
/// process: keys are kept in the database (<c>HallSecrets</c>), caches live at most
/// <see cref="CacheLifetime"/> and are dropped at once on the other node through Redis when it is configured.
/// </summary>
public sealed class HallNodesOptions
{
    public const string Section = "Hall";
    public const string One = "one";
    public const string Two = "two";

    public string Nodes { get; set; } = One;

    public bool Several => string.Equals(Nodes?.Trim(), Two, StringComparison.OrdinalIgnoreCase);

    /// <summary>Not bound from <c>Hall</c>: whether <c>Redis:Configuration</c> is set (two nodes need it).</summary>
    public bool RedisSet { get; internal set; }

    /// <summary>Not bound from <c>Hall</c>: <c>Database:Provider</c> (two nodes need PostgreSQL).</summary>
    public string? DatabaseProvider { get; internal set; }

    /// <summary>How long a node trusts what it cached when another node may change it (two nodes only).</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(2);
}

public sealed class HallNodesOptionsValidator : AbstractValidator<HallNodesOptions>
{
    public HallNodesOptionsValidator()
    {
        RuleFor(o => o.Nodes).Must(n => n is not null && (n.Trim().Equals(HallNodesOptions.One, StringComparison.OrdinalIgnoreCase)
                || n.Trim().Equals(HallNodesOptions.Two, StringComparison.OrdinalIgnoreCase)))
            .WithMessage(o => $"{HallNodesOptions.Section}:{nameof(HallNodesOptions.Nodes)}: \"{o.Nodes}\" is not one or two.");
        // Two nodes rest on PostgreSQL (one database, its locks) and Redis (the hub backplane and the node
        // bus that drops the other node's caches): without either, half of the hall would be wrong, quietly.
        RuleFor(o => o).Must(o => o.RedisSet && DatabaseProviders.IsPostgres(o.DatabaseProvider)).When(o => o.Several)
            .WithMessage(o => $"{HallNodesOptions.Section}:{nameof(HallNodesOptions.Nodes)}: \"two\" needs " +
                string.Join(" and ", new[]
                {
                    o.RedisSet ? null : $"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)} (e.g. 127.0.0.1:6379)",
                    DatabaseProviders.IsPostgres(o.DatabaseProvider) ? null : $"Database:Provider=postgres (not \"{o.DatabaseProvider}\")",
                }.OfType<string>()) + ".");
    }
}

/// <summary>Redis (section <c>Redis</c>): blank, none; else StackExchange.Redis configuration ("127.0.0.1:6379,abortConnect=false").</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    public string Configuration { get; set; } = "";

    public bool IsSet => !string.IsNullOrWhiteSpace(Configuration);

    /// <summary>The configuration as the backplane and the node bus use it: they start and reconnect while Redis is away.</summary>
    public ConfigurationOptions Parse()
    {
        var options = ConfigurationOptions.Parse(Configuration);
        options.AbortOnConnectFail = false;
        // While Redis is away a hub message or a node message fails at once instead of waiting 5 s in a backlog.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ChannelPrefix = RedisChannel.Literal("electionsystem");
        return options;
    }
}

public sealed class RedisOptionsValidator : AbstractValidator<RedisOptions>
{
    public RedisOptionsValidator()
    {
        RuleFor(o => o.Configuration).Must(Parses).When(o => o.IsSet)
            .WithMessage(o => $"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)}: \"{o.Configuration}\" is not a Redis configuration (e.g. 127.0.0.1:6379).");
    }

    private static bool Parses(string value)
    {
        try
        {
            return ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>
/// Tells the other hall servers that something they may have cached has changed (a round's state, a
/// session's stamp). Fire and forget: a message lost while Redis is away costs at most
/// <see cref="HallNodesOptions.CacheLifetime"/> of staleness, never correctness (the database decides).
/// </summary>
public interface IHallBus
{
    /// <summary>Null with one node (a cache lives until this process drops it); else how long a cached entry is trusted.</summary>
    TimeSpan? CacheLifetime { get; }

    /// <summary>To every OTHER node (this one has already acted).</summary>
    void Publish(string topic, string message);

    void Subscribe(string topic, Action<string> handler);
}

/// <summary>One node, or two without Redis: nothing to tell, caches expire by themselves.</summary>
public sealed class LocalHallBus(TimeSpan? cacheLifetime) : IHallBus
{
    public TimeSpan? CacheLifetime => cacheLifetime;

    public void Publish(string topic, string message)
    {
    }

    public void Subscribe(string topic, Action<string> handler)
    {
    }
}

/// <summary>
/// Redis pub/sub on <c>electionsystem:node:{topic}</c>; a message names its sender, who ignores it. A
/// subscription made while Redis is away is made again when the connection is restored (until then
/// the caches' lifetime covers it); StackExchange.Redis itself renews those it holds after a reconnect.
/// </summary>
public sealed class RedisHallBus : IHallBus
{
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly IConnectionMultiplexer redis;
    private readonly ILogger<RedisHallBus> logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Action<string>> _pending = new();

    public RedisHallBus(IConnectionMultiplexer redis, TimeSpan? cacheLifetime, ILogger<RedisHallBus> logger)
    {
        this.redis = redis;
        this.logger = logger;
        CacheLifetime = cacheLifetime;
        redis.ConnectionRestored += (_, _) =>
        {
            foreach (var (topic, handler) in _pending) Subscribe(topic, handler);
        };
    }

    public TimeSpan? CacheLifetime { get; }

    public void Publish(string topic, string message)
    {
        try
        {
            redis.GetSubscriber().Publish(Channel(topic), $"{_node}|{message}", CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            logger.LogWarning("The other hall server was not told of {Topic} (Redis: {Error}); its cache expires by itself", topic, e.Message);
        }
    }

    public void Subscribe(string topic, Action<string> handler)
    {
        try
        {
            redis.GetSubscriber().Subscribe(Channel(topic), (_, value) =>
            {
                var text = (string?)value ?? "";
                var bar = text.IndexOf('|');
                if (bar > 0 && text[..bar] != _node)
                {
                    handler(text[(bar + 1)..]);
                }
            });
            _pending.TryRemove(topic, out _);
        }
        catch (RedisException e)
        {
            _pending[topic] = handler;
            logger.LogWarning("Not yet listening to the other hall server's {Topic} (Redis: {Error}); again when Redis is back", topic, e.Message);
        }
    }

    private static RedisChannel Channel(string topic) => RedisChannel.Literal("node:" + topic);
}

public static class HallNodes
{
    /// <summary>SignalR; with <c>Redis:Configuration</c> set, every hub message goes through Redis to every node's clients.</summary>
    public static ISignalRServerBuilder AddHallSignalR(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (redis.IsSet)
        {
            signalR.AddStackExchangeRedis(o => o.Configuration = redis.Parse());
        }
        return signalR;
    }

    /// <summary>Options, the Redis connection (when configured) and the bus.</summary>
    public static IServiceCollection AddHallNodes(this IServiceCollection services, IConfiguration configuration)
    {
        var nodes = configuration.GetSection(HallNodesOptions.Section).Get<HallNodesOptions>() ?? new HallNodesOptions();
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.AddOptions<HallNodesOptions>().BindConfiguration(HallNodesOptions.Section)
            .PostConfigure(o =>
            {
                o.RedisSet = redis.IsSet;
                o.DatabaseProvider = configuration["Database:Provider"] ?? DatabaseProviders.Sqlite;
            })
            .ValidatedOnStart();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidatedOnStart();
        TimeSpan? lifetime = nodes.Several || redis.IsSet ? HallNodesOptions.CacheLifetime : null;
        if (!redis.IsSet)
        {
            services.AddSingleton<IHallBus>(new LocalHallBus(lifetime));
            return services;
        }
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Parse()));
        services.AddSingleton<IHallBus>(sp => new RedisHallBus(sp.GetRequiredService<IConnectionMultiplexer>(), lifetime,
            sp.GetRequiredService<ILogger<RedisHallBus>>()));
        return services;
    }
}
