using System.Globalization;
using System.Security.Claims;
using System.Text;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Demo;

/// <summary>
/// The reference congress for <c>--demo</c>: a fictional province (tỉnh Sơn Hà), 61 delegations,
/// 300 official delegates of whom 45 are ex-officio (convening committee), 8 alternates not yet
/// summoned, five sessions over three days, one account per role and a projector key; the first
/// session's agenda of open votes (draft), a draft executive-committee election with its list,
/// and PINs for the first <see cref="DemoPins"/> official delegates. Names are generated from a
/// seeded Random, so every demo run has the same people. Seeded only into an empty database; the
/// credentials are kept in {DataFolder}/demo-credentials.txt and printed at every start.
/// </summary>
public sealed class DemoSeeder(IOptions<HallOptions> options, HallClock clock)
{
    private readonly HallOptions hall = options.Value;

    public const string CredentialsFile = "demo-credentials.txt";
    public const int OfficialDelegates = 300;
    public const int ExOfficio = 45;
    public const int Alternates = 8;
    public const int DelegationCount = 61;
    public const int DemoPins = 5;
    public const string ElectionTitle = "Bầu Ban Chấp hành Đảng bộ tỉnh Sơn Hà khóa XVI, nhiệm kỳ 2025–2030";
    public const int ElectionSeats = 9;
    public const int ElectionCandidates = 11;

    /// <summary>The first session's agenda, in order (all in draft: the presidium opens them).</summary>
    public static readonly IReadOnlyList<string> Agenda =
    [
        "Thông qua chương trình Đại hội",
        "Thông qua Quy chế làm việc của Đại hội",
        "Thông qua Quy chế bầu cử",
        "Thông qua số lượng Ban Chấp hành Đảng bộ tỉnh khóa XVI: 9 đồng chí",
    ];

    private static readonly string[] FamilyNames =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Phạm", "Hoàng", "Huỳnh", "Phan",
        "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Mai", "Lương", "Tạ", "Cao",
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Đức", "Minh", "Thanh", "Quốc", "Hữu", "Ngọc", "Công", "Xuân", "Quang", "Đình", "Mạnh", "Tiến"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thanh", "Ngọc", "Minh", "Thu", "Kim", "Hồng", "Phương"];

    private static readonly string[] MaleGiven =
    [
        "An", "Bình", "Cường", "Dũng", "Hải", "Long", "Minh", "Nam", "Quân", "Sơn", "Trung", "Tuấn", "Việt", "Hùng", "Thắng",
        "Khoa", "Lâm", "Phong", "Tài", "Thành", "Hiếu", "Đạt", "Toàn", "Vinh", "Hưng", "Kiên", "Lợi", "Nghĩa", "Tâm", "Thịnh",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Hà", "Hương", "Lan", "Phương", "Thảo", "Yến", "Mai", "Linh", "Ngọc", "Hằng", "Trang", "Hoa", "Nga", "Thủy", "Vân", "Loan", "Hạnh", "Dung",
    ];

    private static readonly string[] Places =
    [
        "An Phú", "Bình Minh", "Cẩm Giang", "Đông Sơn", "Gia Lộc", "Hòa Bình", "Kim Thành", "Lạc Thủy", "Mỹ Hào", "Ninh Giang",
        "Phú Xuyên", "Quế Sơn", "Tân Lạc", "Thanh Hà", "Vĩnh Tường", "Yên Lạc",
    ];

    private static readonly string[] Sectors =
    [
        "Khối các cơ quan tỉnh", "Khối Doanh nghiệp tỉnh", "Quân sự tỉnh", "Công an tỉnh", "Bộ đội Biên phòng tỉnh",
        "Cơ quan Tỉnh ủy", "Cơ quan Ủy ban nhân dân tỉnh", "Trường Chính trị tỉnh", "Bệnh viện Đa khoa tỉnh", "Trường Đại học Sơn Hà",
        "Công ty Điện lực Sơn Hà", "Cục Thuế tỉnh", "Kho bạc Nhà nước tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh", "Viện Kiểm sát nhân dân tỉnh",
        "Tòa án nhân dân tỉnh", "Báo Sơn Hà", "Đài Phát thanh và Truyền hình tỉnh", "Sở Giáo dục và Đào tạo", "Sở Y tế",
        "Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng", "Sở Công Thương", "Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Khoa học và Công nghệ", "Ban Quản lý các Khu công nghiệp", "Hội Nông dân tỉnh", "Liên đoàn Lao động tỉnh",
        "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh", "Hội Cựu chiến binh tỉnh", "Cảng Sơn Hà",
        "Công ty Cấp nước Sơn Hà", "Trường Cao đẳng Kỹ thuật tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Hải quan tỉnh", "Thanh tra tỉnh",
        "Ban Quản lý Dự án tỉnh", "Vườn Quốc gia Sơn Hà", "Công ty Cao su Sơn Hà", "Tổng Công ty Xây dựng Sơn Hà",
    ];

    private static readonly string[] Positions =
    [
        "Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Chủ tịch Ủy ban nhân dân", "Trưởng ban Tổ chức", "Chủ nhiệm Ủy ban Kiểm tra",
        "Trưởng ban Tuyên giáo và Dân vận", "Bí thư Chi bộ", "Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Trưởng phòng",
        "Chủ tịch Hội đồng nhân dân", "Bí thư Đoàn Thanh niên", "Chủ tịch Công đoàn", "Đảng viên",
    ];

    private static readonly (string Title, int Day, int Hour)[] SessionPlan =
    [
        ("Phiên trù bị", 0, 8), ("Phiên thứ nhất", 0, 14), ("Phiên thứ hai", 1, 8), ("Phiên thứ ba", 1, 14), ("Phiên bế mạc", 2, 8),
    ];

    /// <param name="services">The start-up scope: the agenda, the election and the PINs go through the
    /// services the hall uses (they check and audit), as the organiser "system".</param>
    public async Task<Congress> SeedAsync(ElectionDbContext db, IServiceProvider services)
    {
        var random = new Random(2025);
        var start = new DateOnly(2025, 10, 14);
        var congress = new Congress
        {
            Id = Guid.NewGuid(),
            Name = "Đại hội đại biểu Đảng bộ tỉnh Sơn Hà lần thứ XVI, nhiệm kỳ 2025–2030",
            BodyName = "ĐẢNG BỘ TỈNH SƠN HÀ",
            Ordinal = "lần thứ XVI",
            Term = "2025–2030",
            Place = "Hội trường Trung tâm Hội nghị tỉnh Sơn Hà",
            StartDate = start,
            EndDate = start.AddDays(2),
        };
        db.Congresses.Add(congress);

        for (var i = 0; i < SessionPlan.Length; i++)
        {
            var (title, day, hour) = SessionPlan[i];
            db.Sessions.Add(new CongressSession
            {
                Id = Guid.NewGuid(), Ordinal = i + 1, Title = title, Date = start.AddDays(day), StartsAt = new TimeOnly(hour, 0), IsCurrent = i == 0,
            });
        }

        var delegations = new List<Delegation> { new() { Id = Guid.NewGuid(), Name = "Ban Chấp hành Đảng bộ tỉnh (đại biểu đương nhiên)", SortOrder = 1 } };
        foreach (var place in Places)
        {
            delegations.Add(new Delegation { Id = Guid.NewGuid(), Name = $"Đảng bộ huyện {place}", SortOrder = delegations.Count + 1 });
        }
        foreach (var sector in Sectors.Take(DelegationCount - delegations.Count))
        {
            delegations.Add(new Delegation { Id = Guid.NewGuid(), Name = $"Đảng bộ {sector}", SortOrder = delegations.Count + 1 });
        }
        db.Delegations.AddRange(delegations);

        // Ex-officio delegates in the first delegation; the other 255 spread over the 60 others,
        // districts getting more than sector bodies, as in life.
        var used = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        for (var i = 0; i < ExOfficio; i++)
        {
            db.Delegates.Add(NewDelegate(random, used, $"DB{++number:000}", delegations[0], DelegateCategory.ExOfficio, $"A-{i + 1:00}"));
        }
        var others = delegations.Skip(1).ToList();
        var remaining = OfficialDelegates - ExOfficio;
        for (var i = 0; i < remaining; i++)
        {
            // Districts (first 16) take 7 each = 112; the 44 sector bodies share the other 143.
            var group = i < Places.Length * 7 ? others[i / 7] : others[Places.Length + ((i - (Places.Length * 7)) % (others.Count - Places.Length))];
            db.Delegates.Add(NewDelegate(random, used, $"DB{++number:000}", group, DelegateCategory.Official, $"{(char)('B' + (i / 40))}-{(i % 40) + 1:00}"));
        }
        for (var i = 0; i < Alternates; i++)
        {
            db.Delegates.Add(NewDelegate(random, used, $"DK{i + 1:00}", others[i], DelegateCategory.Alternate, null));
        }

        var credentials = new StringBuilder();
        foreach (var (userName, displayName, role) in new[]
                 {
                     ("bantochuc", "Ban Tổ chức Đại hội", Roles.Organiser),
                     ("doanchutich", "Đoàn Chủ tịch", Roles.Presidium),
                     // The committee's role, not its members (ADR 0010): close, announce, open paper entry. The members
                     // DB046, DB047 (DemoCommittee) confirm, decrypt, read the tally and rule on paper in their own sessions.
                     ("bankiemphieu", "Ban Kiểm phiếu — tài khoản 1", Roles.CountingCommittee),
                     ("bankiemphieu2", "Ban Kiểm phiếu — tài khoản 2", Roles.CountingCommittee),
                     ("diemdanh", "Tổ điểm danh", Roles.CheckInStaff),
                     // Paper ballots are keyed in by three operators on three stations.
                     ("nhapphieu1", "Kỹ thuật viên nhập phiếu 1", Roles.EntryOperator),
                     ("nhapphieu2", "Kỹ thuật viên nhập phiếu 2", Roles.EntryOperator),
                     ("nhapphieu3", "Kỹ thuật viên nhập phiếu 3", Roles.EntryOperator),
                 })
        {
            var password = PasswordHasher.NewPassword();
            db.Accounts.Add(new Account
            {
                Id = Guid.NewGuid(), UserName = userName, DisplayName = displayName, Role = role,
                PasswordHash = PasswordHasher.Hash(password), CreatedAt = clock.UtcNow,
            });
            credentials.Append(CultureInfo.InvariantCulture, $"{role,-20} {userName,-14} {password}\n");
        }
        var key = DisplayKeys.NewKey();
        db.DisplayKeys.Add(new DisplayKey { Id = Guid.NewGuid(), Name = "Máy chiếu hội trường", KeyHash = DisplayKeys.HashKey(key), CreatedAt = clock.UtcNow });
        credentials.Append(CultureInfo.InvariantCulture, $"{"projector",-20} /projector?key={key}\n");

        var audit = new AuditLog(db, clock);
        await audit.AppendAsync("system", "demo.seeded", $"congress:{congress.Id}",
            new { delegations = delegations.Count, officials = OfficialDelegates, exOfficio = ExOfficio, alternates = Alternates });
        await db.SaveChangesAsync();

        await SeedProceedingsAsync(db, services, credentials);
        hall.WriteSecretFile(CredentialsFile, credentials.ToString());
        return congress;
    }

    /// <summary>The organiser "system": who the audit log names for what the demo prepared.</summary>
    public static ClaimsPrincipal SystemOrganiser() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "system"), new Claim(ClaimTypes.GivenName, "Hệ thống (dữ liệu mẫu)"), new Claim(ClaimTypes.Role, Roles.Organiser)],
        "demo-seed"));

    private static async Task SeedProceedingsAsync(ElectionDbContext db, IServiceProvider services, StringBuilder credentials)
    {
        var system = SystemOrganiser();
        var ct = CancellationToken.None;

        var votes = services.GetRequiredService<OpenVoteService>();
        foreach (var title in Agenda)
        {
            var created = await votes.CreateAsync(system, new CreateOpenVoteRequest(title, null, false), ct);
            if (created.Problem is not null)
            {
                throw new InvalidOperationException($"Demo: could not create the open vote \"{title}\".");
            }
        }

        // The convening committee's list: every fourth ex-officio delegate, 11 for 9 seats
        // (surplus 2 ≤ 30%: the list passes the rule as it is).
        var elections = services.GetRequiredService<ElectionSetup>();
        var election = Must(await elections.CreateAsync(new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, ElectionTitle, ElectionSeats), system, ct));
        var codes = Enumerable.Range(0, ElectionCandidates).Select(i => $"DB{1 + (4 * i):000}").ToList();
        var listed = await db.Delegates.AsNoTracking().Include(d => d.Delegation).Where(d => codes.Contains(d.Code)).ToListAsync(ct);
        foreach (var d in listed.OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            Must(await elections.AddCandidateAsync(election.Id, new AddCandidateRequest(d.FullName, d.BirthDate, d.Delegation?.Name, d.Id), system, ct));
        }

        // PBKDF2 is slow on purpose: only a handful here, the rest one by one from /tablet/pins (approved: the demo is in session).
        var pins = services.GetRequiredService<PinIssuer>();
        var first = await db.Delegates.AsNoTracking().Where(d => d.Category == DelegateCategory.Official)
            .OrderBy(d => d.Code).Take(DemoPins).Select(d => d.Id).ToListAsync(ct);
        foreach (var id in first)
        {
            var slip = (await pins.ResetAsync(system, id, ct))!.Slips.Single();
            credentials.Append(CultureInfo.InvariantCulture, $"{"delegate",-20} {slip.Code,-14} {slip.Pin}\n");
        }
        credentials.Append("delegate PINs: the demo congress is in session, so the others get theirs one by one from /tablet/pins\n"
            + "  (\"Cấp lại mã PIN cho một đại biểu\", approved by a committee member at /committee; no bulk slips during the congress)\n"
            + "staff accounts above have their own passwords; accounts the organiser makes get a temporary one, changed at the first sign-in\n"
            + "counting committee (ADR 0010): the first two delegates above, signed in at /login with code + PIN + their committee passphrase:\n");
        await DemoCommittee.AddAsync(db, first.Take(DemoCommittee.Members).ToList(), credentials, services, ct);
        await services.GetRequiredService<AuditLog>().AppendAsync(system, "election.committee.set", "counting-committee", new { demo = true });
        await db.SaveChangesAsync(ct);
    }

    private static T Must<T>(ProblemOr<T> outcome) =>
        outcome.Value ?? throw new InvalidOperationException("Demo: the election service refused the seed: " + outcome.Problem?.ProblemDetails.Detail);

    private static CongressDelegate NewDelegate(Random random, HashSet<string> used, string code, Delegation group, DelegateCategory category, string? seat)
    {
        string name;
        do
        {
            var female = random.Next(100) < 30;
            name = string.Join(' ',
                FamilyNames[random.Next(FamilyNames.Length)],
                female ? FemaleMiddle[random.Next(FemaleMiddle.Length)] : MaleMiddle[random.Next(MaleMiddle.Length)],
                female ? FemaleGiven[random.Next(FemaleGiven.Length)] : MaleGiven[random.Next(MaleGiven.Length)]);
        }
        while (!used.Add(name));
        name = VietnameseText.Normalize(name);
        var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 30));
        return new CongressDelegate
        {
            Id = Guid.NewGuid(),
            Code = code,
            FullName = name,
            SearchKey = VietnameseText.FoldForSearch(name),
            BirthDate = birth,
            DelegationId = group.Id,
            Position = category == DelegateCategory.ExOfficio ? "Tỉnh ủy viên" : Positions[random.Next(Positions.Length)],
            Category = category,
            Seat = seat,
            IsConveningCommitteeMember = category == DelegateCategory.ExOfficio,
        };
    }

    /// <summary>Prints the demo accounts and the projector URL (from the credentials file) once the server listens.</summary>
    public static void PrintCredentials(HallOptions hall, IEnumerable<string> addresses)
    {
        var path = Path.Combine(hall.DataFolder, CredentialsFile);
        if (!File.Exists(path))
        {
            return;
        }
        var baseUrl = addresses.FirstOrDefault()?.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal) ?? "";
        var text = File.ReadAllText(path).Replace("/projector?key=", baseUrl + "/projector?key=", StringComparison.Ordinal);
        Console.WriteLine($"""

            ── Demo congress: Đại hội đại biểu Đảng bộ tỉnh Sơn Hà lần thứ XVI ──
            Accounts (role, user name, password) and the projector; kept in {path}:
            {text}
            Check-in desk: {baseUrl}/checkin   Admin: {baseUrl}/admin   Sign in: {baseUrl}/login

            """);
    }
}
