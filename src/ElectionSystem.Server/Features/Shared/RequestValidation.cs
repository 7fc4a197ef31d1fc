using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace ElectionSystem.Server.Features.Shared;

/// <summary>
/// The shape of every request body is checked before its endpoint runs: each parameter whose type
/// has an <see cref="IValidator{T}"/> registered (the <c>*Validators.cs</c> file of its feature)
/// is validated, and a bad one answers 400 ProblemDetails — title "Dữ liệu không hợp lệ", the
/// Vietnamese messages as <c>detail</c>, and <c>errors</c> keyed by JSON field name — before
/// anything changes. Attached once, to the root route group in Program.cs. Checks that need the
/// database or a round's state stay in the services.
/// </summary>
public static class RequestValidation
{
    public static TBuilder ValidateRequests<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        // Decided once per endpoint when the route table is built; endpoints without a validated
        // parameter get no filter at all.
        var registered = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        var checks = context.MethodInfo.GetParameters()
            .Select((p, index) => (Index: index, Validator: typeof(IValidator<>).MakeGenericType(p.ParameterType)))
            .Where(c => registered.IsService(c.Validator))
            .ToArray();
        if (checks.Length == 0)
        {
            return next;
        }
        return async invocation =>
        {
            var failures = new List<ValidationFailure>();
            foreach (var (index, validatorType) in checks)
            {
                // An optional body left out (e.g. announce without an order) takes the endpoint's default.
                if (invocation.Arguments[index] is not { } argument)
                {
                    continue;
                }
                var validator = (IValidator)invocation.HttpContext.RequestServices.GetRequiredService(validatorType);
                var result = await validator.ValidateAsync(new ValidationContext<object>(argument), invocation.HttpContext.RequestAborted);
                failures.AddRange(result.Errors);
            }
            return failures.Count == 0 ? await next(invocation) : Invalid(failures);
        };
    }

    private static IResult Invalid(List<ValidationFailure> failures)
    {
        var errors = failures
            .GroupBy(f => JsonName(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        // One message per problem, in the validators' order (a rule shared by several fields says it once).
        var detail = string.Join(" ", failures.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal));
        return TypedResults.ValidationProblem(errors, detail, title: Problems.InvalidTitle);
    }

    /// <summary>"Sizes[0]" → "sizes[0]", "Marks.Key" → "marks.key": the names the JSON body uses.</summary>
    private static string JsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
