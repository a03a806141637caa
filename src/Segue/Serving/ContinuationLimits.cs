namespace Segue.Serving;

/// <summary>
/// How large a request a front end accepts: a server bounds what one request may cost its other
/// clients; the command line, with one user, takes any playlist and any k (a k beyond the catalogue
/// lists the whole catalogue).
/// </summary>
public sealed record ContinuationLimits(int MaxTracks, int MaxK, int MaxTitleLength)
{
    /// <summary>A server's: the MPD's longest playlist, the challenge's 500 tracks, a long title.</summary>
    public static ContinuationLimits Server { get; } = new(250, 500, 200);

    /// <summary>None at all.</summary>
    public static ContinuationLimits None { get; } = new(int.MaxValue, int.MaxValue, int.MaxValue);
}
