using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Inbox.Channels.Widget;

/// <summary>Serves widget.js and the demo page from the assembly, so the host needs no files beside it.</summary>
public static class WidgetAssets
{
    public static IEndpointRouteBuilder MapWidgetAssets(this IEndpointRouteBuilder app)
    {
        var script = Load("widget.js");
        var demo = Load("demo.html");
        app.MapGet("/widget.js", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=300";
            context.Response.Headers["Access-Control-Allow-Origin"] = "*";
            return Results.Bytes(script, "text/javascript; charset=utf-8");
        });
        app.MapGet("/", () => Results.Bytes(demo, "text/html; charset=utf-8"));
        return app;
    }

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Inbox.Widget.{name}")
            ?? throw new InvalidOperationException($"The widget asset '{name}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
