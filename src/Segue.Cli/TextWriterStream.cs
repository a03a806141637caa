using System.Text;

namespace Segue.Cli;

/// <summary>A write-only stream of UTF-8 onto a <see cref="TextWriter"/>: how a library writer of
/// bytes (the MPD's JSON) reaches standard output as <see cref="Console.Out"/> is, redirected or not.</summary>
public sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = new char[1 << 16];

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int needed = _decoder.GetCharCount(buffer, flush: false);
        if (_chars.Length < needed) _chars = new char[needed];
        int chars = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, chars);
    }

    public override void Flush() => writer.Flush();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
