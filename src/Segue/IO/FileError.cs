namespace Segue.IO;

/// <summary>
/// Turns what the file system says when a read or write fails (a full disk, a read-only folder,
/// a missing permission) into a <see cref="SegueException"/> that names the file the user asked
/// for and the cause in a few words, never the temporary name it was being written under.
/// </summary>
public static class FileError
{
    /// <summary>True for the exceptions the file system throws.</summary>
    public static bool Is(Exception e) => e is IOException or UnauthorizedAccessException;

    public static SegueException Writing(string path, Exception e) => new($"{path}: cannot write ({Cause(e)})", e);

    public static SegueException Reading(string path, Exception e) => new($"{path}: cannot read ({Cause(e)})", e);

    /// <summary>The cause in a few lower-case words: "no space left on device", "permission denied".</summary>
    public static string Cause(Exception e)
    {
        if (e is UnauthorizedAccessException) return "permission denied";
        // .NET words an errno as "<strerror> : '<path>'"; the path is the temporary one.
        string message = e.Message.ReplaceLineEndings(" ");
        int at = message.IndexOf(" : '", StringComparison.Ordinal);
        string cause = (at > 0 ? message[..at] : message).TrimEnd('.', ' ');
        return cause.Length == 0 ? "an input/output error" : char.ToLowerInvariant(cause[0]) + cause[1..];
    }
}
