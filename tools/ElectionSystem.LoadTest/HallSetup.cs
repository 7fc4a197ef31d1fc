using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ElectionSystem.Server;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Badges;
using ElectionSystem.Server.Features.CheckIn;
using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Import;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.LoadTest;

/// <summary>One simulated tablet: the delegate it is signed in as and its bearer token.</summary>
internal sealed class Tablet(int index, string code, string token, HallApi http)
{
    public int Index { get; } = index;
    public string Code { get; } = code;
    public string Token { get; } = token;

    /// <summary>The tablet's own HTTP connections (its browser's), for its calls and its hub connection's negotiation.</summary>
    public HallApi Http { get; } = http;
}

/// <summary>The staff tokens and display keys a run works with.</summary>
/// <param name="Members">Every committee member's own session (Counter1 and Counter2 are the first two), the trustees of a key ceremony.</param>
internal sealed record Staff(string Organiser, string Presidium, string Counter1, string Counter2, IReadOnlyList<string> DisplayKeys,
    IReadOnlyDictionary<string, string> Pins, IReadOnlyList<string> Members);

/// <summary>
/// Sets up a congress of N delegates over the server's public API only, as the organisers and the
/// check-in desk do from their pages: the organiser signs in with the first-run password (and, as
/// every temporary password asks, sets its own), imports the delegate list (a CSV made in memory:
/// preview, then commit), creates the staff accounts (the server chooses temporary passwords, each
/// account sets its own at its first sign-in) and the display keys (shown once), issues the PIN slips
/// (clear PINs returned once), and only then makes a current session if there is none: during the
/// congress new accounts and bulk PINs wait for a counting-committee member (ADR 0010). Then the desk
/// scans every badge, the counting committee is elected by open vote and signs in with its members'
/// own PINs, and tablets sign in with code + PIN. Nothing is written to the database behind the
/// server's back, so the tool works the same against a server it started and one it attached to.
/// Run again on a congress already in session, it stops at the staff accounts (a reset would wait
/// for a member): use a fresh data folder.
/// </summary>
internal static class HallSetup
{
    private const int PerDelegation = 40;

    /// <summary>Desk calls in flight at once: a hall has a handful of desks; 16 keeps setup short without queueing.</summary>
    private const int DeskParallelism = 16;

    private const string CheckInDesk = "lt-checkin";

    public static string CodeOf(int i) => "LT" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Everything before the tablets sign in; dataFolder is read only for the first-run password file.</summary>
    /// <param name="members">The counting committee's size: two counters for the plaintext round's two confirmations, five for a 3-of-5 key ceremony.</param>
    public static async Task<Staff> SetUpAsync(HallApi api, string dataFolder, int delegates, int displayKeys, int members, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(dataFolder, CongressBootstrap.InitialPasswordFile), ct);
        var organiser = await StaffSignIn.LoginAsync(api, lines[0].Trim(), lines[1].Trim(), ct);
        Log.Info($"signed in as organiser {lines[0].Trim()}");
        // Staff accounts and bulk PIN slips before the congress opens: during it each would wait
        // for a counting-committee member (ADR 0010).
        await ImportAsync(api, organiser, delegates, ct);

        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        // The presidium is the first run's "chutich" (its own password file): the organiser makes no presidium account (ADR 0010).
        foreach (var (user, name, role) in new[]
        {
            (CheckInDesk, "Bàn điểm danh (thử tải)", Roles.CheckInStaff),
        })
        {
            passwords[user] = await StaffSignIn.AccountAsync(api, organiser, user, name, role, ct);
        }
        var keys = new List<string>();
        for (var k = 0; k < displayKeys; k++)
        {
            var created = await api.CallAsync<DisplayKeyCreated>(HttpMethod.Post, "/api/display-keys", organiser,
                new DisplayKeyCreate($"Màn hình thử tải {k + 1}"), ct);
            keys.Add(created.Key);
        }
        Log.Info($"{passwords.Count} staff accounts ({string.Join(", ", passwords.Keys)}), {keys.Count} display keys");

        // PIN slips now: the committee's members sign in with theirs (ADR 0010), the tablets later.
        var slips = await api.CallAsync<PinSlips>(HttpMethod.Post, "/api/tablet/pins", organiser, new GeneratePinsRequest(false), ct);
        var pins = slips.Slips.ToDictionary(s => s.Code, s => s.Pin, StringComparer.Ordinal);
        Log.Info($"PIN slips: {pins.Count}");

        await EnsureCurrentSessionAsync(api, organiser, ct);
        await CheckInAllAsync(api, organiser, await StaffSignIn.LoginAsync(api, CheckInDesk, passwords[CheckInDesk], ct), delegates, ct);
        var chutich = await File.ReadAllLinesAsync(Path.Combine(dataFolder, CongressBootstrap.InitialPresidiumPasswordFile), ct);
        var presidium = await StaffSignIn.LoginAsync(api, chutich[0].Trim(), chutich[1].Trim(), ct);
        var committee = await ElectCommitteeAsync(api, organiser, presidium, pins, members, ct);
        return new Staff(organiser, presidium, committee[0], committee[1], keys, pins, committee);
    }

    /// <summary>
    /// The congress elects its counting committee by open vote (the presidium types in the show of
    /// hands), the presidium records the first <paramref name="members"/> delegates as its members (the
    /// first chairs), and each signs in at /committee with their own code and PIN: their sessions (ADR 0010).
    /// </summary>
    private static async Task<List<string>> ElectCommitteeAsync(
        HallApi api, string organiser, string presidium, IReadOnlyDictionary<string, string> pins, int members, CancellationToken ct)
    {
        var vote = await api.CallAsync<OpenVoteSummary>(HttpMethod.Post, "/api/openvotes", presidium,
            new CreateOpenVoteRequest("Bầu Ban Kiểm phiếu (thử tải)", null, false), ct);
        var attendance = await api.CallAsync<System.Text.Json.JsonElement>(HttpMethod.Get, "/api/attendance", presidium, null, ct);
        // Every hand of those present (a show of hands counts at most those present).
        var present = attendance.GetProperty("present").GetInt32();
        await api.CallAsync<OpenVoteSummary>(HttpMethod.Post, $"/api/openvotes/{vote.Id}/show-of-hands", presidium,
            new ShowOfHandsRequest(present, 0, 0), ct);
        var badges = (await api.CallAsync<List<BadgeDto>>(HttpMethod.Get, "/api/badges", organiser, null, ct))
            .ToDictionary(b => b.Code, b => b.DelegateId, StringComparer.Ordinal);
        var codes = Enumerable.Range(0, members).Select(CodeOf).ToList();
        var slips = (await api.CallAsync<List<ActivationSlipDto>>(HttpMethod.Put, "/api/elections/committee-members", presidium,
            new SetCommitteeRequest(vote.Id, [.. codes.Select((c, i) => new CommitteeMemberChoice(badges[c], i == 0))]), ct))
            .ToDictionary(s => s.Code!, s => s.ActivationCode, StringComparer.Ordinal);
        var tokens = new List<string>();
        foreach (var code in codes)
        {
            var pin = pins.TryGetValue(code, out var p) ? p
                : throw new InvalidOperationException($"{code} có mã PIN từ lần chạy trước: chạy thử tải trên một thư mục dữ liệu mới.");
            // First sign-in: the presidium's one-time activation code, and the member's own passphrase.
            const string passphrase = "mật khẩu thử tải hội trường";
            tokens.Add((await api.CallAsync<CommitteeSignInResponse>(HttpMethod.Post, "/api/committee/signin", null,
                new CommitteeSignInRequest(null, code, pin, ActivationCode: slips[code], NewPassphrase: passphrase, NewPassphraseAgain: passphrase), ct)).AccessToken);
        }
        Log.Info($"counting committee: {string.Join(", ", codes)} activated and signed in with their PINs and passphrases");
        return tokens;
    }

    /// <summary>Check-ins and attendance follow the current session; an empty congress has none yet.</summary>
    private static async Task EnsureCurrentSessionAsync(HallApi api, string organiser, CancellationToken ct)
    {
        var sessions = await api.CallAsync<List<SessionDto>>(HttpMethod.Get, "/api/congress/sessions", organiser, null, ct);
        if (sessions.FirstOrDefault(s => s.IsCurrent) is { } current)
        {
            Log.Info($"current session: {current.Ordinal}. {current.Title}");
            return;
        }
        var session = await api.CallAsync<SessionDto>(HttpMethod.Post, "/api/congress/sessions", organiser,
            new SessionCreate("Phiên thứ nhất", DateOnly.FromDateTime(DateTime.Now), null), ct);
        await api.CallAsync(HttpMethod.Post, $"/api/congress/sessions/{session.Id}/current", organiser, null, ct);
        Log.Info($"session {session.Ordinal}. {session.Title} created and made current");
    }

    /// <summary>
    /// The delegate list as an organiser's CSV (UTF-8, the importer's Vietnamese headers; birth date
    /// left blank, which the importer allows): 40 delegates per delegation, all official.
    /// </summary>
    public static byte[] DelegateListCsv(int delegates)
    {
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
        string[] middle = ["Văn", "Thị", "Đức", "Minh", "Thanh"];
        string[] given = ["An", "Bình", "Cường", "Dung", "Giang", "Hùng", "Hương", "Khoa", "Lan", "Long", "Mai", "Nam"];
        var csv = new StringBuilder("Mã đại biểu,Họ và tên,Ngày sinh,Đoàn,Loại đại biểu\n");
        for (var i = 0; i < delegates; i++)
        {
            var name = $"{family[i % family.Length]} {middle[i / 10 % middle.Length]} {given[i / 50 % given.Length]} {i + 1}";
            csv.Append(CultureInfo.InvariantCulture, $"{CodeOf(i)},{name},,Đoàn đại biểu số {i / PerDelegation + 1},Chính thức\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Preview first, as the page does, and commit only a preview without problems (the importer takes up to 20,000 rows in one file).</summary>
    private static async Task ImportAsync(HallApi api, string organiser, int delegates, CancellationToken ct)
    {
        const string FileName = "danh-sach-dai-bieu-thu-tai.csv";
        var csv = DelegateListCsv(delegates);
        var start = Stopwatch.GetTimestamp();
        var preview = await api.UploadAsync<ImportSummary>("/api/import/delegates/preview", organiser, FileName, csv, "text/csv", ct);
        if (preview.Problems.Count > 0)
        {
            throw new InvalidOperationException($"import preview of {FileName}: {preview.Problems.Count} problems, first: {preview.Problems[0].Message}");
        }
        var previewed = Stopwatch.GetElapsedTime(start);
        var done = await api.UploadAsync<ImportSummary>("/api/import/delegates/commit", organiser, FileName, csv, "text/csv", ct);
        Log.Info($"imported {done.Rows} delegates ({csv.Length / 1024} KB CSV) in {Log.F2(Stopwatch.GetElapsedTime(start).TotalSeconds)} s " +
                 $"(preview {Log.F2(previewed.TotalSeconds)} s): {done.ToCreate} new, {done.ToUpdate} updated, {done.Unchanged} unchanged, {done.NewDelegations} new delegations");
    }

    /// <summary>
    /// The badges' signed tokens as the organisers read them to print (<c>GET /api/badges</c>), then
    /// the desk scans each one (<c>POST /api/checkin/scan</c>), what a USB scanner sends.
    /// </summary>
    private static async Task CheckInAllAsync(HallApi api, string organiser, string desk, int delegates, CancellationToken ct)
    {
        var badges = (await api.CallAsync<List<BadgeDto>>(HttpMethod.Get, "/api/badges", organiser, null, ct))
            .ToDictionary(b => b.Code, b => b.Token, StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        int checkedIn = 0, already = 0;
        var start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, delegates), new ParallelOptions { MaxDegreeOfParallelism = DeskParallelism, CancellationToken = ct }, async (i, c) =>
        {
            var code = CodeOf(i);
            var (r, ms) = await api.PostPatientlyAsync<CheckInResult>("/api/checkin/scan", desk, new ScanRequest(badges[code]), $"check-in {code}", c);
            switch (r.Status)
            {
                case CheckInStatus.CheckedIn:
                    Interlocked.Increment(ref checkedIn);
                    break;
                case CheckInStatus.Already:
                    Interlocked.Increment(ref already);
                    break;
                default:
                    throw new InvalidOperationException($"check-in {code}: {r.Status} {r.Message}");
            }
            latencies.Add(ms);
        });
        Log.Info($"checked in {checkedIn} at the desk in {Log.F2(Stopwatch.GetElapsedTime(start).TotalSeconds)} s " +
                 $"({already} already checked in; badge scan, {DeskParallelism} at a time): p50 {Log.F(Stats.Percentile(latencies, 50))} ms, p99 {Log.F(Stats.Percentile(latencies, 99))} ms");
    }

    /// <summary>With the PIN slips printed at set-up (Staff.Pins), every delegate signs in on a tablet with code + PIN.</summary>
    public static async Task<List<Tablet>> SignInAllAsync(HallApi api, Staff staff, int delegates, int parallelism, CancellationToken ct)
    {
        var pins = staff.Pins;
        var tablets = new Tablet[delegates];
        var latencies = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, delegates), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (i, c) =>
        {
            var code = CodeOf(i);
            var http = api.ForTablet();
            var (r, ms) = await http.PostPatientlyAsync<TabletSignInResponse>("/api/tablet/signin", null, new TabletSignInRequest(null, code, pins[code]), $"sign-in {code}", c);
            latencies.Add(ms);
            tablets[i] = new Tablet(i, code, r.AccessToken, http);
        });
        Log.Info($"{delegates} tablets signed in: p50 {Log.F(Stats.Percentile(latencies, 50))} ms, p99 {Log.F(Stats.Percentile(latencies, 99))} ms");
        return [.. tablets];
    }

    /// <summary>An election of the given kind with its list, and its first round (not yet open).</summary>
    public static async Task<Guid> CreateRoundAsync(HallApi api, Staff staff, string kind, string title, int seats, IReadOnlyList<string> names, CancellationToken ct)
    {
        var e = await api.CallAsync<ElectionDto>(HttpMethod.Post, "/api/elections", staff.Presidium, new CreateElectionRequest(kind, title, seats), ct);
        foreach (var n in names)
        {
            await api.CallAsync<ElectionDto>(HttpMethod.Post, $"/api/elections/{e.Id}/candidates", staff.Presidium, new AddCandidateRequest(n), ct);
        }
        var round = await api.CallAsync<RoundSummaryDto>(HttpMethod.Post, $"/api/elections/{e.Id}/rounds", staff.Presidium, new CreateRoundRequest(), ct);
        return round.Id;
    }

    public static Task<RoundSummaryDto> OpenAsync(HallApi api, Staff staff, Guid roundId, CancellationToken ct) =>
        api.CallAsync<RoundSummaryDto>(HttpMethod.Post, $"/api/elections/rounds/{roundId}/open", staff.Presidium, null, ct);

    public static Task<CommitteeRoundDto> CloseAsync(HallApi api, Staff staff, Guid roundId, CancellationToken ct) =>
        api.CallAsync<CommitteeRoundDto>(HttpMethod.Post, $"/api/committee/rounds/{roundId}/close", staff.Counter1, null, ct);

    public static async Task ConfirmTwiceAsync(HallApi api, Staff staff, Guid roundId, CancellationToken ct)
    {
        await api.CallAsync<CommitteeRoundDto>(HttpMethod.Post, $"/api/committee/rounds/{roundId}/confirm", staff.Counter1, null, ct);
        await api.CallAsync<CommitteeRoundDto>(HttpMethod.Post, $"/api/committee/rounds/{roundId}/confirm", staff.Counter2, null, ct);
    }

    public static Task<ResultsAnnounced> AnnounceAsync(HallApi api, Staff staff, Guid roundId, CancellationToken ct) =>
        api.CallAsync<ResultsAnnounced>(HttpMethod.Post, $"/api/committee/rounds/{roundId}/announce", staff.Counter1, new AnnounceRequest("ballot"), ct);

    /// <summary>A tablet's submission key: 40 random url-safe characters, kept until acknowledged.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];
}
