using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Segue.Server.Tests;

/// <summary>The server over <see cref="ServedData"/> on an in-process test host, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public ServedData Data { get; } = new();
    public WebApplication App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = SegueServer.Build(Data.Options(), builder => builder.WebHost.UseTestServer());
        await App.StartAsync();
        Client = App.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Data.Dispose();
    }
}
