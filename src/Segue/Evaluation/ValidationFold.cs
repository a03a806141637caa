namespace Segue.Evaluation;

/// <summary>
/// One fold of a <see cref="ValidationSplit"/>: its validation playlists, the training playlists its
/// statistics are built from (the training split without the fold's playlists), and the cases cut
/// from its playlists, those the ranker learns from and those kept out to measure it.
/// </summary>
public sealed record ValidationFold(int[] Playlists, int[] TrainingPlaylists, IReadOnlyList<EvalCase> FitCases, IReadOnlyList<EvalCase> KeptOutCases);
