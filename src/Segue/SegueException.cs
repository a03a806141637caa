namespace Segue;

/// <summary>
/// An error the user can act on: bad input, a missing file, a model that does not fit its dataset.
/// The command line prints its message as one line and exits non-zero, with no stack trace,
/// so the message must name the file, the record and the field where there is one.
/// </summary>
public class SegueException : Exception
{
    public SegueException(string message) : base(message) { }
    public SegueException(string message, Exception inner) : base(message, inner) { }
}
