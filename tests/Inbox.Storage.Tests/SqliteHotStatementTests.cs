using Inbox.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace Inbox.Storage.Tests;

/// <summary>The writer's statements on SQLite's own handle store values as Microsoft.Data.Sqlite would, and fail as it would.</summary>
public sealed class SqliteHotStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteHotStatementTests()
    {
        _connection.Open();
        Run("""CREATE TABLE "Rows" ("Id" INTEGER PRIMARY KEY, "Text" TEXT NULL, "Flag" INTEGER NULL, "Real" REAL NULL, "Data" BLOB NULL, "Small" INTEGER NULL)""");
    }

    [Fact]
    public void Each_value_is_stored_with_the_type_and_value_the_ado_net_command_stores()
    {
        using var hot = SqliteHotStatement.Prepare(_connection, Insert, 6);
        object?[][] rows =
        [
            [1L, "Olá, 世界", true, 1.5, new byte[] { 1, 2, 3 }, (short)7],
            [2L, "", false, 2.5f, Array.Empty<byte>(), (byte)255],
            [3L, null, null, null, null, null],
            [4L, "x", 5, 0.0, new byte[] { 0 }, uint.MaxValue],
        ];
        foreach (var row in rows) Assert.Equal(1, hot.Execute(row));
        foreach (var row in rows) InsertThroughCommand((long)row[0]! + 100, row);

        for (var id = 1; id <= 4; id++)
            Assert.Equal(Stored(id + 100), Stored(id));
        Assert.Equal("text|Olá, 世界|integer|1|real|blob|3|integer", Stored(1));
        Assert.Equal("text||integer|0|real|blob|0|integer", Stored(2));
        Assert.Equal("null||null||null|null||null", Stored(3));
    }

    [Fact]
    public void A_value_sqlite_does_not_store_as_it_is_is_left_to_the_ado_net_command()
    {
        Assert.False(SqliteHotStatement.Binds(Guid.NewGuid()));
        Assert.False(SqliteHotStatement.Binds(DateTimeOffset.UnixEpoch));
        Assert.False(SqliteHotStatement.Binds(12.5m));
        Assert.True(SqliteHotStatement.Binds("text"));
        Assert.True(SqliteHotStatement.Binds(null));
    }

    [Fact]
    public void A_constraint_violation_throws_the_sqlite_error_and_the_statement_still_works_after_it()
    {
        using var hot = SqliteHotStatement.Prepare(_connection, Insert, 6);
        hot.Execute(new object?[] { 1L, "first", null, null, null, null });

        var error = Assert.Throws<SqliteException>(() => hot.Execute(new object?[] { 1L, "again", null, null, null, null }));

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(1555, error.SqliteExtendedErrorCode); // SQLITE_CONSTRAINT_PRIMARYKEY
        Assert.Contains("UNIQUE constraint failed", error.Message);
        Assert.Equal(1, hot.Execute(new object?[] { 2L, "second", null, null, null, null }));
    }

    [Fact]
    public void A_statement_whose_parameters_are_not_numbered_in_order_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SqliteHotStatement.Prepare(_connection, """INSERT INTO "Rows" ("Id", "Text") VALUES (@p1, @p0)""", 2));
        Assert.Contains("@p0 is not parameter 1", error.Message);
    }

    public void Dispose() => _connection.Dispose();

    private const string Insert = """INSERT INTO "Rows" ("Id", "Text", "Flag", "Real", "Data", "Small") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)""";

    private void Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void InsertThroughCommand(long id, object?[] row)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = Insert;
        command.Parameters.AddWithValue("@p0", id);
        for (var i = 1; i < row.Length; i++) command.Parameters.AddWithValue($"@p{i}", row[i] ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    // Each column's storage class and value, as SQLite reports them.
    private string Stored(long id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT typeof("Text") || '|' || COALESCE("Text", '') || '|' || typeof("Flag") || '|' || COALESCE("Flag", '') || '|'
                || typeof("Real") || '|' || typeof("Data") || '|' || COALESCE(length("Data"), '') || '|' || typeof("Small")
            FROM "Rows" WHERE "Id" = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        return (string)command.ExecuteScalar()!;
    }
}
