using Microsoft.AspNetCore.WebUtilities;

namespace Segue.Server;

/// <summary>
/// The API's problem documents (RFC 9457, <c>application/problem+json</c>): every error, whoever
/// raises it, titled with its status's standard phrase and carrying the request's <c>trace_id</c>
/// to find it in the log; a bad request also names its field under <c>errors</c>.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult Result(int status, string detail) => Results.Problem(statusCode: status, title: Title(status), detail: detail);

    public static string Title(int status) => ReasonPhrases.GetReasonPhrase(status);

    /// <summary>Every problem the server writes, the framework's own included, gets its status's title.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title = Title(problem.Status.Value);
    }
}

/// <summary>The shape of every problem document, for the API's description (the server writes them
/// through ASP.NET Core's problem details service).</summary>
/// <param name="TraceId">The request's trace id, as the server's log shows it.</param>
/// <param name="Type">A link to the status's definition.</param>
/// <param name="Detail">What went wrong, naming the field or value at fault.</param>
/// <param name="Errors">For a bad request (400): the field at fault and what is wrong with it.</param>
public sealed record ProblemBody(string Title, int Status, string TraceId, string? Type = null, string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null);
