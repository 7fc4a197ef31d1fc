using ElectionSystem.Server;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Badges;
using ElectionSystem.Server.Features.CheckIn;
using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Features.Delegates;
using ElectionSystem.Server.Features.Demo;
using ElectionSystem.Server.Features.Import;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.Minutes;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Server.Features.Presidium;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Projector;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Hosting;
using FluentValidation;

// `--demo` is a bare switch; configuration wants key=value, so translate it before building.
var demoSwitch = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
if (demoSwitch)
{
    builder.Configuration["Demo"] = "true";
}

builder.Services.AddHallOptions(builder.Configuration);
builder.Services.AddHallTransportSecurity();
// Every validator in this assembly: request bodies (Features/*/…Validators.cs) and options alike.
// Singletons: they hold no state, and options are checked from the root container.
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddSingleton(TimeProvider.System);
// AddElectionData takes the provider and connection string as values: the same binding, read now.
var database = HallOptions.BindNow(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddElectionData(database.DatabaseProvider, database.ConnectionString);
builder.Services.AddHallAuth();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
// Two hall servers (Hall:Nodes, Redis:Configuration): the node bus, and hub messages through Redis.
builder.Services.AddHallNodes(builder.Configuration);
builder.Services.AddHallSignalR(builder.Configuration);
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
// Vietnamese in pages as characters, not &#x…; entities (still HTML-encoded where it matters).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddLiveUpdates();
builder.Services.AddSingleton<ILiveChannel, HubLiveChannel>();
builder.Services.AddLiveTopic<AttendanceTopic>();

builder.Services.AddScoped<AuditLog>();
builder.Services.AddAttendance();
builder.Services.AddSingleton<BadgeSigning>();
builder.Services.AddSingleton<DemoSeeder>();
builder.Services.AddTablets();
builder.Services.AddOpenVotes();
builder.Services.AddElections();
builder.Services.AddDuties();
builder.Services.AddMinutes();
builder.Services.AddPaperEntry();

var app = builder.Build();
// Data folder and database file: a server that cannot start says why in one line and exits
// with a code systemd does not restart on (Hall/StartupGuard).
if (await app.StartOrRefuseAsync() is { } refused)
{
    return refused;
}
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
    "Hall server ready {Ms:F0} ms after the process started", (DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds));

app.UseHallTransportSecurity();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRateLimiter();
// A cookie-authenticated state change must come from our own pages (CSRF); a staff cookie or token
// counts only while its account's stamp does (sign-out, reset, disable, role change end it).
app.UseSameOriginWrites();
app.UseAuthentication();
app.UseStaffSessions();
// A temporary password (a new account, a reset) opens nothing but its own change.
app.UseTemporaryPasswords();
app.UseTabletSessions();
// A counting-committee member's session counts while they are on the committee's list (ADR 0010).
app.UseCommitteeMemberSessions();
app.UseAuthorization();

// The route table, top to bottom. Open: /health, /api/auth/login, /login, /openapi/v1.json,
// static files. Everything else requires a role (displays: a display key). Every endpoint hangs
// off one root group, so what applies to all of them is attached once: request bodies are checked
// by their validators (Features/Shared/RequestValidation) before the endpoint runs.
var api = app.MapGroup("").ValidateRequests();
api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().WithTags("Health");
app.MapOpenApi().AllowAnonymous();
api.MapAuth();
api.MapCongress();
api.MapDelegates();
api.MapImport();
api.MapBadges();
api.MapCheckIn();
api.MapAttendance();
api.MapProjector();
api.MapAccounts();
api.MapPresidiumAccounts();
api.MapDisplayKeys();
api.MapAudit();
api.MapTablet();
api.MapOpenVotes();
api.MapElections();
api.MapCounting();
api.MapCommitteeKeys();
api.MapDuties();
api.MapMinutes();
api.MapPaperEntry();
app.MapHub<CongressHub>(CongressHub.Path);
app.MapRazorPages();

app.Run();
return 0;

