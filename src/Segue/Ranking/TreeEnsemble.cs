using Microsoft.ML.Trainers.FastTree;

namespace Segue.Ranking;

/// <summary>
/// A fitted LightGBM ensemble flattened into arrays for scoring: every tree's nodes (split
/// feature, threshold, children) and leaves side by side, so that a feature row walks each tree
/// with a few array reads. ML.NET's prediction engine does the same walk behind a data-view
/// pipeline, 2.6 us per row against 1.6 here (Segue.Bench rank); a ranker scores thousands of rows per query.
/// Immutable and thread-safe. Only numerical splits occur (every feature is a number).
/// </summary>
public sealed class TreeEnsemble
{
    private readonly int[] _roots;           // per tree: its first node, or ~leaf for a one-leaf tree
    private readonly int[] _features;        // per node
    private readonly float[] _thresholds;    // per node
    private readonly int[] _left, _right;    // per node: a node, or ~leaf
    private readonly double[] _leaves;       // per leaf, times its tree's weight
    private readonly double _bias;

    public TreeEnsemble(TreeEnsemble<RegressionTree> ensemble)
    {
        var trees = ensemble.Trees;
        _roots = new int[trees.Count];
        int nodes = trees.Sum(t => t.NumberOfNodes), leaves = trees.Sum(t => t.NumberOfLeaves);
        _features = new int[nodes];
        _thresholds = new float[nodes];
        _left = new int[nodes];
        _right = new int[nodes];
        _leaves = new double[leaves];
        _bias = ensemble.Bias;
        int nodeBase = 0, leafBase = 0;
        for (int t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            double weight = ensemble.TreeWeights[t];
            _roots[t] = tree.NumberOfNodes > 0 ? nodeBase : ~leafBase;
            for (int n = 0; n < tree.NumberOfNodes; n++)
            {
                if (tree.CategoricalSplitFlags[n])
                    throw new InvalidOperationException($"tree {t}, node {n}: a categorical split; the ranker's features are all numerical");
                _features[nodeBase + n] = tree.NumericalSplitFeatureIndexes[n];
                _thresholds[nodeBase + n] = tree.NumericalSplitThresholds[n];
                _left[nodeBase + n] = Offset(tree.LeftChild[n], nodeBase, leafBase);
                _right[nodeBase + n] = Offset(tree.RightChild[n], nodeBase, leafBase);
            }
            for (int l = 0; l < tree.NumberOfLeaves; l++) _leaves[leafBase + l] = weight * tree.LeafValues[l];
            nodeBase += tree.NumberOfNodes;
            leafBase += tree.NumberOfLeaves;
        }
    }

    public int Trees => _roots.Length;

    private static int Offset(int child, int nodeBase, int leafBase) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);

    /// <summary>The ensemble's score of one feature row: the bias plus every tree's weighted leaf,
    /// a feature at or below a node's threshold going left.</summary>
    public float Score(ReadOnlySpan<float> features) => (float)Add(_bias, features, 0, Trees);

    /// <summary><paramref name="sum"/> plus the weighted leaves of trees <paramref name="first"/> to
    /// <paramref name="end"/> (exclusive) for one feature row: scoring an ensemble a range of trees at
    /// a time, starting from <see cref="Bias"/>, sums in the order <see cref="Score"/> does.</summary>
    public double Add(double sum, ReadOnlySpan<float> features, int first, int end)
    {
        foreach (int root in _roots.AsSpan(first, end - first))
        {
            int node = root;
            while (node >= 0)
                node = features[_features[node]] <= _thresholds[node] ? _left[node] : _right[node];
            sum += _leaves[~node];
        }
        return sum;
    }

    public double Bias => _bias;
}
