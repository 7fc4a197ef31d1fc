using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>/api/elections, setup: organisers and the presidium make elections and their lists; staff read them.</summary>
public static class SetupEndpoints
{
    public const string SetupRoles = Roles.Organiser + "," + Roles.Presidium;
    public const string ReadRoles = Roles.Organiser + "," + Roles.Presidium + "," + Roles.CountingCommittee;

    public static RouteGroupBuilder MapElectionSetup(this RouteGroupBuilder elections)
    {
        var setup = elections.MapGroup("").RequireAuthorization(AuthSetup.Require(SetupRoles)).DisableAntiforgery();
        setup.MapPost("/", async (CreateElectionRequest r, ElectionSetup s, ClaimsPrincipal u, CancellationToken ct) => (await s.CreateAsync(r, u, ct)).ToHttp());
        setup.MapPost("/{id:guid}/candidates", async (Guid id, AddCandidateRequest r, ElectionSetup s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.AddCandidateAsync(id, r, u, ct)).ToHttp());
        setup.MapPost("/{id:guid}/candidates/{candidateId:guid}/withdraw", async (Guid id, Guid candidateId, WithdrawRequest r, ElectionSetup s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.WithdrawAsync(id, candidateId, r, u, ct)).ToHttp());
        setup.MapPost("/{id:guid}/candidates/admit", async (Guid id, AdmitNomineeRequest r, ElectionSetup s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.AdmitNomineeAsync(id, r, u, ct)).ToHttp());

        var read = elections.MapGroup("").RequireAuthorization(AuthSetup.Require(ReadRoles));
        read.MapGet("/", async (ElectionSetup s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)));
        read.MapGet("/{id:guid}", async (Guid id, ElectionSetup s, CancellationToken ct) => (await s.GetAsync(id, ct)).ToHttp());
        read.MapGet("/committee-members", async (CountingCommitteeMembers s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct)));

        // The congress elects its counting committee by open vote; the presidium records it (ADR 0010),
        // not the organiser, who resets PINs and must not also pick who approves that.
        var presidium = elections.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.Presidium)).DisableAntiforgery();
        presidium.MapPut("/committee-members", async (SetCommitteeRequest request, CountingCommitteeMembers s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.SetAsync(request, u, ct)).ToHttp());
        // A new one-time code for one member: their passphrase and every session of theirs end.
        presidium.MapPost("/committee-members/{delegateId:guid}/activation", async (Guid delegateId, CommitteeActivation s, ClaimsPrincipal u, CancellationToken ct) =>
            (await s.ReissueAsync(delegateId, u, ct)).ToHttp());
        return elections;
    }
}
