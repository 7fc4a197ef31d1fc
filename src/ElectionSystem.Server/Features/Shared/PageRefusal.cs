using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ElectionSystem.Server.Features.Shared;

/// <summary>A page's answer to a refused request: the problem's status, and its Vietnamese detail as the text a person reads.</summary>
public static class PageRefusal
{
    public static ContentResult From(ProblemHttpResult problem) => new()
    {
        StatusCode = problem.StatusCode,
        Content = problem.ProblemDetails.Detail,
        ContentType = "text/plain; charset=utf-8",
    };
}
