using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionSystem.Server;

/// <summary>
/// The hall's front door, "/": signed in, each role goes to its own screen; otherwise the page
/// leads to the staff sign-in and to the delegates' tablet sign-in (screens open their /projector?key=… link).
/// </summary>
public sealed class FrontDoorModel : PageModel
{
    public static string HomeOf(string? role) => role switch
    {
        Roles.Organiser => "/admin",
        Roles.CheckInStaff => "/checkin",
        Roles.Presidium => "/presidium",
        Roles.CountingCommittee => "/committee",
        Roles.EntryOperator => "/entry",
        Roles.Display => "/projector",
        Roles.Delegate => "/tablet",
        _ => "/login",
    };

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Redirect(HomeOf(User.FindFirstValue(ClaimTypes.Role))) : Page();
}
