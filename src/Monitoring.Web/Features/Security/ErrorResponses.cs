using Microsoft.AspNetCore.Diagnostics;

namespace Monitoring.Web.Features.Security;

/// <summary>
/// Outside Development an unhandled error answers a short plain message with its status, never a stack trace
/// (the error itself goes to the log); a request the framework found malformed keeps its own 4xx status. In
/// Development the framework's developer exception page stays, for the developer at the keyboard.
/// </summary>
public static class ErrorResponses
{
    public const string Message = "Something went wrong on our side; the error is logged. Try again, or tell an admin if it keeps happening.";

    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                context.Response.StatusCode = error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(
                    error is BadHttpRequestException ? "The request is not valid." : Message,
                    context.RequestAborted);
            },
        });
        return app;
    }
}
