var app = WebApplication.Create(args);
app.MapGet("/", () => "Balkan media monitor");
await app.RunAsync();
