using Inbox.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Storage.Settings;

/// <summary>Bridge settings in the inbox database, so they survive restarts and are shared by every host on it.</summary>
internal sealed class EfBridgeSettings(IDbContextFactory<InboxDbContext> contexts, TimeProvider time) : IBridgeSettings
{
    public async Task<string?> GetAsync(string bridge, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.BridgeSettings.AsNoTracking()
            .Where(s => s.Bridge == bridge && s.Key == key)
            .Select(s => s.Value)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetAsync(string bridge, string key, string value, CancellationToken cancellationToken)
    {
        // Two writers of one key: the insert of the second fails on the key, and its retry updates instead.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.BridgeSettings.FirstOrDefaultAsync(s => s.Bridge == bridge && s.Key == key, cancellationToken);
            if (row is null) db.BridgeSettings.Add(new BridgeSettingRecord { Bridge = bridge, Key = key, Value = value, UpdatedAt = time.GetUtcNow() });
            else
            {
                row.Value = value;
                row.UpdatedAt = time.GetUtcNow();
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3 && row is null)
            {
            }
        }
    }

    public async Task RemoveAsync(string bridge, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.BridgeSettings.Where(s => s.Bridge == bridge && s.Key == key).ExecuteDeleteAsync(cancellationToken);
    }
}
