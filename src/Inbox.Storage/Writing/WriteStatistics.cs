namespace Inbox.Storage.Writing;

/// <summary>How the single writer has been committing: the evidence that concurrent writes share transactions.</summary>
public interface IWriteStatistics
{
    /// <summary>Transactions committed so far.</summary>
    long Commits { get; }

    /// <summary>Writes committed so far (each caller's work counts once).</summary>
    long CommittedWrites { get; }
}
