using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests.Projector;

/// <summary>What "fits the projector" means in a test: boxes inside the viewport, type large enough for 30 m.</summary>
internal static class ProjectorScreen
{
    /// <summary>Body text at 1080p: at least 40 px (issue 11).</summary>
    public const double MinBodyPx = 40;

    public static async Task AssertInViewportAsync(IPage page, ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{what} is not displayed.");
        var view = page.ViewportSize!;
        Assert.True(box.X >= -0.5 && box.Y >= -0.5 && box.X + box.Width <= view.Width + 0.5 && box.Y + box.Height <= view.Height + 0.5,
            $"{what} at ({box.X:F0}, {box.Y:F0}, {box.Width:F0}×{box.Height:F0}) is not inside the {view.Width}×{view.Height} viewport.");
    }

    /// <summary>Not clipped: the element's box lies wholly inside its (overflow-hidden) container's box.</summary>
    public static async Task AssertInsideAsync(ILocator container, ILocator element, string what)
    {
        var outer = await container.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("The container is not displayed.");
        var box = await element.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException($"{what} is not displayed.");
        Assert.True(box.Y >= outer.Y - 0.5 && box.Y + box.Height <= outer.Y + outer.Height + 0.5,
            $"{what} ({box.Y:F0}–{box.Y + box.Height:F0}) is cut off by its box ({outer.Y:F0}–{outer.Y + outer.Height:F0}).");
    }

    public static Task<double> FontPxAsync(ILocator element) =>
        element.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

    public static async Task AssertReadableAsync(ILocator element, string what)
    {
        var px = await FontPxAsync(element);
        Assert.True(px >= MinBodyPx, $"{what}: {px} px, less than {MinBodyPx} px.");
    }

    /// <summary>The page does not scroll: its content is no taller or wider than the viewport.</summary>
    public static async Task AssertNoScrollAsync(IPage page)
    {
        var (h, w) = (await page.EvaluateAsync<int>("document.documentElement.scrollHeight"), await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        var view = page.ViewportSize!;
        Assert.True(h <= view.Height && w <= view.Width, $"The page is {w}×{h}, larger than the {view.Width}×{view.Height} viewport.");
    }
}
