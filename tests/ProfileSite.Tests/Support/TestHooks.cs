using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ProfileSite.Tests.Support;

/// <summary>
/// Failure and timing hooks that exist only in tests: each is a page filter a test factory
/// registers, so production has no switch that could turn them on.
/// </summary>
internal static class TestHooks
{
    public static void AddPageFilter(this IServiceCollection services, IAsyncPageFilter filter) =>
        services.Configure<MvcOptions>(options => options.Filters.Add(filter));
}

/// <summary>Throws from the About page (not from the error page re-executed for it).</summary>
internal sealed class ThrowingPageFilter(string message) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        context.HttpContext.Request.Path == "/" && context.HttpContext.Features.Get<IExceptionHandlerFeature>() is null
            ? throw new InvalidOperationException(message)
            : next();
}

/// <summary>Counts renders of the About page and can hold them until released.</summary>
internal sealed class GatePageFilter : IAsyncPageFilter
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _renders;

    public GatePageFilter(bool open = true)
    {
        if (open)
        {
            _release.SetResult();
        }
    }

    public int Renders => Volatile.Read(ref _renders);

    /// <summary>Completes when a render is waiting at the gate.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _release.TrySetResult();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Request.Path == "/")
        {
            Interlocked.Increment(ref _renders);
            _entered.TrySetResult();
            await _release.Task.WaitAsync(context.HttpContext.RequestAborted);
        }

        await next();
    }
}

/// <summary>Collects the app's Serilog events (picked up through ReadFrom.Services).</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }
}
