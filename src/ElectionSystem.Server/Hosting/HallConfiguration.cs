using FluentValidation;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Hosting;

/// <summary>
/// Every setting the server reads is an options class bound from configuration (appsettings.json
/// lists each with its default) and checked by its FluentValidation validator when the server
/// starts: a bad value stops the start with a message naming the key, before the database or
/// the data folder is touched.
/// </summary>
public static class HallConfiguration
{
    public static IServiceCollection AddHallOptions(this IServiceCollection services, IConfiguration configuration)
    {
        // Root keys (DataFolder, Demo, HallTimeZone, ConnectionStrings:Election): no section to name.
        services.AddOptions<HallOptions>()
            .Bind(configuration)
            .PostConfigure<IHostEnvironment>((o, env) => o.Resolve(env.ContentRootPath))
            .ValidatedOnStart();
        services.AddOptions<HallLoadOptions>().BindConfiguration(HallLoadOptions.Section).ValidatedOnStart();

        // The system clock, not the registered TimeProvider, as before: tests that replace the
        // TimeProvider to step through lockouts still get real, ordered timestamps on records.
        services.AddSingleton(sp => new HallClock(
            TimeProvider.System,
            HallClock.ResolveZone(sp.GetRequiredService<IOptions<HallOptions>>().Value.HallTimeZone)));
        return services;
    }

    /// <summary>Checked by the options' FluentValidation validators when the server starts (a capability's own options too).</summary>
    public static OptionsBuilder<T> ValidatedOnStart<T>(this OptionsBuilder<T> options)
        where T : class
    {
        options.Services.AddSingleton<IValidateOptions<T>, FluentOptionsValidation<T>>();
        return options.ValidateOnStart();
    }

    /// <summary>
    /// Checks every option now (ValidateOnStart would, but only once the host starts, after
    /// start-up has already migrated the database in the folder those options name).
    /// </summary>
    public static void ValidateOptionsNow(this WebApplication app) =>
        app.Services.GetRequiredService<IStartupValidator>().Validate();
}

/// <summary>Options checked by their FluentValidation validator, the same idiom as request bodies.</summary>
internal sealed class FluentOptionsValidation<TOptions>(IEnumerable<IValidator<TOptions>> validators) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = validators.SelectMany(v => v.Validate(options).Errors).Select(e => e.ErrorMessage).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
