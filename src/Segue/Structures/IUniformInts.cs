namespace Segue.Structures;

/// <summary>Uniform integers below a bound: what a draw asks of a generator, so that one draw
/// serves a dataset's <see cref="Rng"/> and the synthetic generator's streams alike.</summary>
public interface IUniformInts
{
    /// <summary>Uniform in [0, n).</summary>
    int NextInt(int n);
}
