using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Segue.Serving;

namespace Segue.Server;

/// <summary>
/// Turns whatever a request did wrong into an RFC 9457 problem document: a
/// <see cref="RequestFieldException"/> into 400 with the field under <c>errors</c>; a bad request
/// the framework found (a body over the limit, a wrong content type) into its status with the
/// field <c>body</c>. Anything else is the server's fault: 500, with the message of a
/// <see cref="SegueException"/> (a damaged run file: it names the file) when the server shows
/// paths, and a pointer to the log otherwise; never a stack trace in a response (the log has it).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ServeOptions options, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, field, problem) = exception switch
        {
            RequestFieldException e => (StatusCodes.Status400BadRequest, e.Field, e.Problem),
            BadHttpRequestException e => (e.StatusCode, "body", e.Message),
            // A library message names files by their absolute paths: shown only when asked for.
            _ => (StatusCodes.Status500InternalServerError, null,
                options.ShowPaths && exception is SegueException ? exception.Message : "the server failed on this request; its log has why, under this trace_id"),
        };
        if (field is null) log.LogError(exception, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = status;
        var details = field is null
            ? new ProblemDetails { Status = status, Detail = problem }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [problem!] })
            {
                Status = status,
                Detail = $"{field}: {problem}",
            };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });
    }
}
