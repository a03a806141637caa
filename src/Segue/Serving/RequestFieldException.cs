namespace Segue.Serving;

/// <summary>
/// A request the library refuses, naming the setting or request field at fault (<c>k</c>,
/// <c>tracks[3]</c>, <c>recommender</c>) apart from what is wrong with it, so that each front end
/// can word it for its users: an option name on the command line, a field of a 400 response.
/// </summary>
public sealed class RequestFieldException(string field, string problem)
    : SegueException($"{field}: {problem}")
{
    /// <summary>The request field or setting, as the library names it (<c>tracks[3]</c>).</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong with it, without the field's name.</summary>
    public string Problem { get; } = problem;
}
