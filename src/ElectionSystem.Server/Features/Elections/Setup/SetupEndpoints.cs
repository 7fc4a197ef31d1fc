using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

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
        presidium.MapPost("/committee-members/{delegateId:guid}/activation", ReissueActivation);
        return elections;
    }

    /// <summary>
    /// During the congress a new code waits for two committee members (202, ADR 0010): with it and the
    /// member's PIN slip anyone is that member. The approved slip goes once to the presidium account
    /// that asked (GET /api/duties/{id}). Before the congress it is issued at once.
    /// </summary>
    private static async Task<Results<Ok<ActivationSlipDto>, Accepted<PendingDuty>, ProblemHttpResult>> ReissueActivation(
        Guid delegateId, CommitteeActivation activation, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await activation.IsMemberAsync(delegateId, ct))
        {
            return Problems.NotFound(CommitteeActivation.NotAMember);
        }
        if (await gate.HoldAsync(user, DutyKinds.CommitteeActivation, delegateId, ct) is { } pending)
        {
            return TypedResults.Accepted((string?)null, pending);
        }
        var slip = await activation.ReissueAsync(delegateId, user, ct);
        return slip.Problem is { } p ? p : TypedResults.Ok(slip.Value!);
    }
}
